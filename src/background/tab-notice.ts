// Telling the user, on the button itself, why a tab cannot get the reading view. The message
// becomes this tab's popup and is opened right away; where the browser refuses to open a popup
// (Firefox outside a user gesture, older Chrome) the badge shows "!" and the tooltip carries the
// message, and the next click opens the popup. Navigating the tab clears it all.
import type { NoArticleReason } from '../core/types';
import {
  openPopup,
  setTabBadge,
  setTabPopup,
  setTabTitle,
  type ActionTab,
} from '../platform/action';
import { sessionGet, sessionSet } from '../platform/session-store';

const NOTICE_TABS_KEY = 'noticeTabs';
export const MESSAGE_PAGE = 'message.html';

export function messagePageUrl(reason: NoArticleReason): string {
  const query = new URLSearchParams({ reason: reason.code, text: reason.message });
  return `${MESSAGE_PAGE}?${query.toString()}`;
}

async function rememberNoticeTab(tabId: number, on: boolean): Promise<void> {
  const tabs = new Set(await sessionGet<number[]>(NOTICE_TABS_KEY, []));
  if (on) tabs.add(tabId);
  else tabs.delete(tabId);
  await sessionSet(NOTICE_TABS_KEY, [...tabs]);
}

/**
 * Shows `reason` for `tab`. setPopup and openPopup are issued in the same tick, before any await,
 * so that Firefox still sees the click's user gesture; the browser handles the two calls in order.
 */
export async function showTabNotice(tab: ActionTab, reason: NoArticleReason): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  const popupSet = setTabPopup(tabId, messagePageUrl(reason));
  const opened = openPopup(tab.windowId).then(
    () => true,
    () => false,
  );
  await popupSet;
  await rememberNoticeTab(tabId, true);
  if (!(await opened)) {
    await setTabBadge(tabId, '!', '#b3261e');
    await setTabTitle(tabId, `Declutter: ${reason.message}`);
  }
}

/** Clears a notice when its tab navigates. Cheap no-op for tabs that never had one. */
export async function clearTabNotice(tabId: number): Promise<void> {
  const tabs = await sessionGet<number[]>(NOTICE_TABS_KEY, []);
  if (!tabs.includes(tabId)) return;
  await Promise.all([setTabPopup(tabId, ''), setTabBadge(tabId, ''), setTabTitle(tabId, null)]);
  await rememberNoticeTab(tabId, false);
}

/** Forgets a closed tab (its per-tab action state is gone with it). */
export async function forgetTab(tabId: number): Promise<void> {
  const tabs = await sessionGet<number[]>(NOTICE_TABS_KEY, []);
  if (tabs.includes(tabId)) await rememberNoticeTab(tabId, false);
}
