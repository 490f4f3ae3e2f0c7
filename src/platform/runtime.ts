// Extension lifecycle and its own pages.
import browser from 'webextension-polyfill';

export function onInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/**
 * False in a content script whose extension was reloaded or updated: its API connection is gone
 * for good, and a freshly injected copy must take over.
 */
export function isExtensionContextAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string' && browser.runtime.id.length > 0;
  } catch {
    return false;
  }
}
