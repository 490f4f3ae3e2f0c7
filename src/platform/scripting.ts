// Injecting the content script on demand (nothing is declared in the manifest, so pages the user
// never clicks on run none of our code).
import browser from 'webextension-polyfill';

/** Runs the bundled `files` in the top frame of `tabId`. Rejects with the browser's error. */
export async function injectFiles(tabId: number, files: string[]): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files });
}
