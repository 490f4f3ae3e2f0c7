// Runtime messaging with the typed messages of src/shared/messages.ts.
import browser, { type Runtime } from 'webextension-polyfill';
import type { PageAnalysis } from '../core/index';
import type {
  AnalyzePageRequest,
  BackgroundHandlers,
  BackgroundMessage,
  BackgroundResponseMap,
  BackgroundResponseTo,
  Message,
  MessageHandlers,
  OffscreenMessage,
  ResponseTo,
} from '../shared/messages';
import { createDispatcher, isBackgroundMessage, isOffscreenMessage } from '../shared/messages';

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
 * Answers content scripts' messages in the background. Each handler gets the sending tab's id; a
 * message from anything that is not a tab (another extension page) is left unanswered.
 */
export function handleBackgroundMessages(handlers: BackgroundHandlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (!isBackgroundMessage(raw) || sender.tab?.id === undefined) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    const handler = handlers[raw.type] as (
      message: BackgroundMessage,
      tabId: number,
    ) => Promise<BackgroundResponseMap[BackgroundMessage['type']]>;
    return handler(raw, sender.tab.id);
  });
}

/** The background asks its offscreen document (src/offscreen) to analyse a page's HTML. */
export async function sendToOffscreen(request: AnalyzePageRequest): Promise<PageAnalysis> {
  const message: OffscreenMessage = { to: 'offscreen', type: 'analyze-page', request };
  const answer = (await browser.runtime.sendMessage(message)) as PageAnalysis | undefined;
  // No listener answered: the document was closed or had not started listening.
  if (!answer) throw new Error('the offscreen document did not answer');
  return answer;
}

/**
 * Answers the background's requests in the offscreen document. Only our own extension's
 * background (a sender without a tab) is answered; content scripts' messages are not for it.
 */
export function handleOffscreenMessages(
  analyze: (request: AnalyzePageRequest) => Promise<PageAnalysis>,
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (!isOffscreenMessage(raw) || sender.tab !== undefined) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    return analyze(raw.request);
  });
}
