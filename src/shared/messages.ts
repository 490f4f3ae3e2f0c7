// Messages between the background and the content script, typed end to end: each message type
// names its response type, `sendToTab` (src/platform/messaging.ts) returns that type, and a
// dispatcher built here makes the compiler check that every message has a handler that answers
// with the right shape. Anything that arrives is checked with `isMessage` first: other
// extensions' or stale scripts' messages are ignored rather than trusted.
import { CLUTTER_KINDS, type ClutterKind, type PageAnalysis } from '../core/index';
import { isFeatureName, type FeatureName } from './features';
import type { HtmlPieces } from './html-pieces';

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
 * A page to analyse away from the tab's main thread ("Try anyway" on a very large page): its HTML
 * as serialised by the content script, its URL (to absolutise links) and the kinds to keep out.
 */
export interface AnalyzePageRequest {
  html: string;
  url: string;
  kinds: ClutterKind[];
  /** The tab will draw the article: cut a large one into pieces for it (src/shared/html-pieces.ts). */
  pieces?: boolean;
}

/**
 * One slice of a page's HTML on its way to the background: a 20 MB page sent as one message is
 * serialised (and its answer read) in one task of the tab, seconds long; slices of PAGE_PART_CHARS
 * each cost their own short task. The background answers each slice with null and the `last` one
 * with the analysis of the whole page (src/background/page-parts.ts).
 */
export interface AnalyzePagePart extends AnalyzePageRequest {
  /** The same for every slice of one request (a new one replaces an unfinished one). */
  id: string;
  last: boolean;
}

/** Characters of HTML per message (~1 MB: a few ms to send in the tab). */
export const PAGE_PART_CHARS = 1_000_000;

/**
 * The end of a slice of `text` from `at`, at most `size` characters long and never between the
 * halves of a surrogate pair: Chrome's messages travel as UTF-8, where a lone half turns into U+FFFD.
 */
export function sliceEnd(text: string, at: number, size: number): number {
  let end = Math.min(at + size, text.length);
  const code = text.charCodeAt(end - 1);
  if (end < text.length && end - 1 > at && code >= 0xd800 && code <= 0xdbff) end--;
  return end;
}

/**
 * An article whose HTML and text stay in the background after the answer: a 10 MB article and its
 * text (20 MB) as one reply are read in one multi-second task of the tab, so the tab pulls them in
 * PAGE_PART_CHARS slices instead ('article-part'), one message (one short task) each.
 */
export interface HeldArticle {
  id: string;
  /** Length of article.html and article.text, left empty in the answer. */
  html: number;
  text: number;
}

/**
 * An analysis made off the tab, with where a large article's HTML may be cut for parsing
 * (src/shared/html-pieces.ts; only where the tab's own parser cannot take it in slices).
 */
export type OffTabAnalysis = PageAnalysis & { pieces?: HtmlPieces };

/** The answer to the last slice: the analysis, with its article's strings held back when large. */
export type AnalyzePageAnswer = OffTabAnalysis & { held?: HeldArticle };

/** Articles whose HTML and text together exceed this many characters are held back. */
export const HELD_ARTICLE_CHARS = PAGE_PART_CHARS;

/** One slice of a held article's `field`, from character `at`. */
export interface ArticlePartRequest {
  id: string;
  field: 'html' | 'text';
  at: number;
}

/**
 * Messages from the content script to the background: "inject this feature's script into my tab"
 * (src/shared/features.ts; answered once the script has run), "I left this page", and a slice of
 * a page's HTML to analyse (answered with null, then the core's PageAnalysis, plain JSON, for the
 * last slice).
 */
export type BackgroundMessage =
  | { type: 'load-feature'; feature: FeatureName }
  /** The content script left the page (src/content/index.ts): the next click injects it again. */
  | { type: 'content-left' }
  | ({ type: 'analyze-page' } & AnalyzePagePart)
  | ({ type: 'article-part' } & ArticlePartRequest);

export interface BackgroundResponseMap {
  'load-feature': { loaded: true };
  'content-left': null;
  'analyze-page': AnalyzePageAnswer | null;
  /** The slice; an empty string past the end. */
  'article-part': string;
}

export type BackgroundResponseTo<M extends BackgroundMessage> = BackgroundResponseMap[M['type']];

/** The content script's typed send to the background (src/platform/messaging.ts sendToBackground). */
export type SendToBackground = <M extends BackgroundMessage>(
  message: M,
) => Promise<BackgroundResponseTo<M>>;

export type BackgroundHandlers = {
  [T in BackgroundMessage['type']]: (
    message: Extract<BackgroundMessage, { type: T }>,
    tabId: number,
  ) => Promise<BackgroundResponseMap[T]>;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isAnalyzePageRequest(value: unknown): value is AnalyzePageRequest {
  return (
    isRecord(value) &&
    typeof value.html === 'string' &&
    typeof value.url === 'string' &&
    Array.isArray(value.kinds) &&
    value.kinds.every((kind) => (CLUTTER_KINDS as readonly unknown[]).includes(kind)) &&
    (value.pieces === undefined || typeof value.pieces === 'boolean')
  );
}

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'load-feature') return isFeatureName(value.feature);
  if (value.type === 'content-left') return true;
  if (value.type === 'article-part') {
    return (
      typeof value.id === 'string' &&
      (value.field === 'html' || value.field === 'text') &&
      typeof value.at === 'number' &&
      Number.isInteger(value.at) &&
      value.at >= 0
    );
  }
  return (
    value.type === 'analyze-page' &&
    typeof value.id === 'string' &&
    typeof value.last === 'boolean' &&
    isAnalyzePageRequest(value)
  );
}

/** Sends a page's HTML as it is produced, piece by piece (pagePartSender). */
export interface PagePartSender {
  /**
   * Adds the next piece of the HTML. Once a slice is full it is sent: the promise settles when
   * every full slice has been answered (undefined when nothing was sent).
   */
  add(piece: string): Promise<void> | undefined;
  /** Sends what is left as the last slice; resolves with its answer (the analysis). */
  finish(): Promise<AnalyzePageAnswer | null | undefined>;
}

/**
 * Sends a page's HTML in slices of `size` characters, one message at a time (each waits for the
 * previous one's answer, so the tab gets its thread back between slices), while the HTML is still
 * being written: a slice goes as soon as it is full, so the tab never holds the whole page's HTML
 * as one string (on a 20 MB page that string and its copies set off a garbage collection that
 * froze the tab for 350 ms). The answer to the last slice is the analysis.
 */
export function pagePartSender(
  request: Omit<AnalyzePageRequest, 'html'>,
  send: (part: AnalyzePagePart) => Promise<AnalyzePageAnswer | null | undefined>,
  size = PAGE_PART_CHARS,
): PagePartSender {
  const id = `${Date.now()}-${Math.random()}`;
  let pieces: string[] = [];
  let length = 0;
  /** Sends full slices of what is pending (all of it, when last); keeps the rest pending. */
  async function flush(last: boolean): Promise<AnalyzePageAnswer | null | undefined> {
    const text = pieces.join('');
    pieces = [];
    length = 0;
    for (let at = 0; ;) {
      if (!last && text.length - at < size) {
        if (at < text.length) pieces.push(text.slice(at));
        length = text.length - at;
        return null;
      }
      const end = sliceEnd(text, at, size);
      const final = last && end >= text.length;
      const answer = await send({ ...request, id, html: text.slice(at, end), last: final });
      at = end;
      if (final) return answer;
    }
  }
  return {
    add(piece) {
      pieces.push(piece);
      length += piece.length;
      return length >= size ? flush(false).then(() => undefined) : undefined;
    },
    finish: () => flush(true),
  };
}

/**
 * From the background to its offscreen document (Chrome: the service worker has no DOM, the
 * offscreen document parses and analyses). `to` keeps every other extension page out: runtime
 * messages reach all of them, and the content script's own `analyze-page` reaches the offscreen
 * document too, which must leave it to the background.
 */
export interface OffscreenMessage {
  to: 'offscreen';
  type: 'analyze-page';
  request: AnalyzePageRequest;
}

export function isOffscreenMessage(value: unknown): value is OffscreenMessage {
  return (
    isRecord(value) &&
    value.to === 'offscreen' &&
    value.type === 'analyze-page' &&
    isAnalyzePageRequest(value.request)
  );
}
