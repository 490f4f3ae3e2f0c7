// What a click, a shortcut or a menu item does: check the page can be scripted, inject the content
// script (once), then send it the typed command. Every failure ends in a visible message.
import { restrictedPageReason } from '../core/reader/restricted';
import type { ActionTab } from '../platform/action';
import { sendToTab } from '../platform/messaging';
import { loadSettings } from '../platform/storage';
import type { Message } from '../shared/messages';
import { errorMessage, injectContentScript, isNoReceiver } from './inject';
import { injectionFailureReason } from './injection-failure';
import { showTabNotice } from './tab-notice';

export type TabCommand = Extract<Message, { type: 'toggle-reader' | 'toggle-declutter' }>;

export type ActivationResult = 'sent' | 'restricted' | 'inject-failed' | 'no-answer' | 'no-tab';

export async function activateInTab(
  tab: ActionTab | undefined,
  command: TabCommand,
): Promise<ActivationResult> {
  if (tab?.id === undefined) return 'no-tab';
  const restricted = restrictedPageReason(tab.url);
  if (restricted) {
    await showTabNotice(tab, restricted);
    return 'restricted';
  }
  // Read while the content script is being injected: the settings then travel with the command
  // instead of costing the view its own storage round trips after the click.
  const settings = loadSettings().catch(() => undefined);
  // Where our content script already runs (every click after the first on a page), it answers
  // the command itself: one round trip, where asking "are you there?" first took two. Only "no
  // receiver" leads to injecting; any other error is the content script's answer.
  try {
    await sendToTab(tab.id, command);
    return 'sent';
  } catch (error) {
    if (!isNoReceiver(error)) return noAnswer(tab, error);
  }
  try {
    await injectContentScript(tab.id);
  } catch (error) {
    await showTabNotice(tab, injectionFailureReason(tab.url, errorMessage(error)));
    return 'inject-failed';
  }
  try {
    const known = await settings;
    await sendToTab(tab.id, known ? { ...command, settings: known } : command);
    return 'sent';
  } catch (error) {
    return noAnswer(tab, error);
  }
}

async function noAnswer(tab: ActionTab, error: unknown): Promise<ActivationResult> {
  await showTabNotice(tab, {
    code: 'parse-error',
    message: `Declutter started on this page but did not answer (${errorMessage(error)}). Reload the page and try again.`,
  });
  return 'no-answer';
}
