// What a click, a shortcut or a menu item does: check the page can be scripted, inject the content
// script (once), then send it the typed command. Every failure ends in a visible message.
import { restrictedPageReason } from '../core/reader/restricted';
import type { ActionTab } from '../platform/action';
import { sendToTab } from '../platform/messaging';
import { loadSettings } from '../platform/storage';
import type { Message } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { errorMessage, injectContentScript, isNoReceiver } from './inject';
import { injectionFailureReason } from './injection-failure';
import { showTabNotice } from './tab-notice';

export type TabCommand = Extract<Message, { type: 'toggle-reader' | 'toggle-declutter' }>;

export type ActivationResult = 'sent' | 'restricted' | 'inject-failed' | 'no-answer' | 'no-tab';

/**
 * Tabs whose current page has our content script: it answered there, or was injected, since the
 * page loaded (index.ts forgets a tab when it loads a new page or closes). Only this background's
 * lifetime: after a restart every tab is unknown again, which costs one redundant injection.
 */
const scripted = new Set<number>();

/** The tab loads a new page (or is gone): its content script, if any, went with the old one. */
export function forgetContentScript(tabId: number): void {
  scripted.delete(tabId);
}

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
  const tabId = tab.id;
  // On a page we have not injected yet (the first click there), the injection starts now, while
  // the command is on its way, instead of after the command came back unanswered: one round trip
  // fewer before the view opens. Where a copy runs already (a restarted background forgot the
  // tab), the injected script finds it and does nothing (src/content/index.ts).
  const injecting = scripted.has(tabId) ? null : injectContentScript(tabId);
  // Its failure matters only if the command finds no receiver (handled below).
  injecting?.catch(() => undefined);
  // Where our content script already runs (every click after the first on a page), it answers
  // the command itself: one round trip, where asking "are you there?" first took two. Only "no
  // receiver" leads to injecting; any other error is the content script's answer. While injecting,
  // the command waits for the settings (read in the meantime): it often reaches the script just
  // injected, which then need not read them itself before the view can open.
  try {
    await sendToTab(tabId, injecting ? withSettings(command, await settings) : command);
    scripted.add(tabId);
    return 'sent';
  } catch (error) {
    if (!isNoReceiver(error)) return noAnswer(tab, error);
  }
  try {
    await (injecting ?? injectContentScript(tabId));
    scripted.add(tabId);
  } catch (error) {
    await showTabNotice(tab, injectionFailureReason(tab.url, errorMessage(error)));
    return 'inject-failed';
  }
  try {
    await sendToTab(tabId, withSettings(command, await settings));
    return 'sent';
  } catch (error) {
    return noAnswer(tab, error);
  }
}

function withSettings(command: TabCommand, settings: Settings | undefined): TabCommand {
  return settings ? { ...command, settings } : command;
}

async function noAnswer(tab: ActionTab, error: unknown): Promise<ActivationResult> {
  await showTabNotice(tab, {
    code: 'parse-error',
    message: `Declutter started on this page but did not answer (${errorMessage(error)}). Reload the page and try again.`,
  });
  return 'no-answer';
}
