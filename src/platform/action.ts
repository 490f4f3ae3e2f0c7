// The toolbar button: per-tab popup, title and badge, and its click event.
import browser from 'webextension-polyfill';

export interface ActionTab {
  id?: number;
  url?: string;
  windowId?: number;
}

export function onActionClicked(listener: (tab: ActionTab) => void): void {
  browser.action.onClicked.addListener((tab) => listener(tab));
}

/** Sets (or with '' clears) the popup shown for this tab instead of firing onClicked. */
export function setTabPopup(tabId: number, popup: string): Promise<void> {
  return browser.action.setPopup({ tabId, popup });
}

/** Opens the action's popup. Rejects where the browser refuses (no user gesture, old version). */
export async function openPopup(windowId?: number): Promise<void> {
  const action = browser.action as { openPopup?: (o?: { windowId?: number }) => Promise<void> };
  if (typeof action.openPopup !== 'function') throw new Error('action.openPopup is unavailable');
  await action.openPopup(windowId === undefined ? undefined : { windowId });
}

/** Per-tab title; `null` goes back to the manifest's default title. */
export function setTabTitle(tabId: number, title: string | null): Promise<void> {
  return browser.action.setTitle({ tabId, title });
}

export async function setTabBadge(tabId: number, text: string, color?: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text });
  if (color) await browser.action.setBadgeBackgroundColor({ tabId, color });
}
