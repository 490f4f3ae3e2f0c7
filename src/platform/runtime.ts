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
