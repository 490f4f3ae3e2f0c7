// Messages between the background and the content script, typed end to end: each message type
// names its response type, `sendToTab` (src/platform/messaging.ts) returns that type, and a
// dispatcher built here makes the compiler check that every message has a handler that answers
// with the right shape. Anything that arrives is checked with `isMessage` first: other
// extensions' or stale scripts' messages are ignored rather than trusted.
import { isFeatureName, type FeatureName } from './features';

export type Message =
  /**
   * `settings`: what the background read from storage while it injected the content script, so
   * the view need not wait for its own read (untrusted shape: validated on arrival).
   */
  | { type: 'toggle-reader'; settings?: unknown }
  | { type: 'toggle-declutter'; settings?: unknown }
  /** Is a content script of this build alive in the tab? */
  | { type: 'ping' };

export type MessageType = Message['type'];

export interface ResponseMap {
  'toggle-reader': { open: boolean };
  'toggle-declutter': { enabled: boolean; hidden: number };
  ping: { ready: true };
}

export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;
export type ResponseTo<M extends Message> = ResponseMap[M['type']];

export type MessageHandlers = {
  [T in MessageType]: (message: MessageOf<T>) => ResponseMap[T] | Promise<ResponseMap[T]>;
};

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'toggle-reader',
  'toggle-declutter',
  'ping',
]);

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    MESSAGE_TYPES.has((value as { type: string }).type)
  );
}

/**
 * A listener body for runtime.onMessage: a promise of the typed response for our messages,
 * `undefined` for anything else (so other listeners may answer it).
 */
export function createDispatcher(
  handlers: MessageHandlers,
): (raw: unknown) => Promise<ResponseMap[MessageType]> | undefined {
  return (raw) => {
    if (!isMessage(raw)) return undefined;
    const handler = handlers[raw.type] as (m: Message) => ResponseMap[MessageType];
    // Promise.resolve().then: a handler that throws becomes a rejected promise, which the
    // browser delivers to the sender as an error instead of leaving it waiting.
    return Promise.resolve().then(() => handler(raw));
  };
}

/**
 * Messages from the content script to the background. Only one: "inject this feature's script
 * into my tab" (src/shared/features.ts). The background answers once the script has run.
 */
export type BackgroundMessage = { type: 'load-feature'; feature: FeatureName };

export interface BackgroundResponseMap {
  'load-feature': { loaded: true };
}

export type BackgroundResponseTo<M extends BackgroundMessage> = BackgroundResponseMap[M['type']];

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'load-feature' &&
    isFeatureName((value as { feature?: unknown }).feature)
  );
}
