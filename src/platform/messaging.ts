// Runtime messaging with the typed messages of src/shared/messages.ts.
import browser from 'webextension-polyfill';
import type { Message, MessageHandlers, ResponseTo } from '../shared/messages';
import { createDispatcher } from '../shared/messages';

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
