// Tab events the background needs (no "tabs" permission: URLs are only visible where activeTab
// granted them, so this listens to loading status, which every extension sees).
import browser from 'webextension-polyfill';

/** Calls `listener(tabId)` whenever a tab starts loading a new document. */
export function onTabNavigating(listener: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') listener(tabId);
  });
}

export function onTabClosed(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}
