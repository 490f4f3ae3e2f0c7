// Runtime messaging with the typed messages of src/shared/messages.ts.
import browser, { type Runtime } from 'webextension-polyfill';
import type {
  BackgroundMessage,
  BackgroundResponseMap,
  BackgroundResponseTo,
  Message,
  MessageHandlers,
  ResponseTo,
} from '../shared/messages';
import { createDispatcher, isBackgroundMessage } from '../shared/messages';

/** Sends a message to the content script in `tabId` and returns its typed answer. */
export async function sendToTab<M extends Message>(
  tabId: number,
  message: M,
): Promise<ResponseTo<M>> {
  return (await browser.tabs.sendMessage(tabId, message)) as ResponseTo<M>;
}

/** Answers our messages with `handlers`; returns a function that removes the listener. */
export function handleMessages(handlers: MessageHandlers): () => void {
  const dispatch = createDispatcher(handlers);
  const listener = (raw: unknown) => dispatch(raw);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a message from the content script to the background and returns its typed answer. */
export async function sendToBackground<M extends BackgroundMessage>(
  message: M,
): Promise<BackgroundResponseTo<M>> {
  return (await browser.runtime.sendMessage(message)) as BackgroundResponseTo<M>;
}

/**
 * Answers content scripts' messages in the background. `handler` gets the sending tab's id; a
 * message from anything that is not a tab (another extension page) is left unanswered.
 */
export function handleBackgroundMessages(
  handler: (
    message: BackgroundMessage,
    tabId: number,
  ) => Promise<BackgroundResponseMap['load-feature']>,
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (!isBackgroundMessage(raw) || sender.tab?.id === undefined) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    return handler(raw, sender.tab.id);
  });
}
