// Getting our content script into a tab, once. Chromium sometimes rejects the first injection in a
// fresh tab with "Cannot access contents of the page" although the click did grant activeTab
// (e2e-recipe §3.4, ~10% of first clicks); the same call succeeds moments later, so that one error
// is retried once after a short pause. Every other error is final.
import { injectFiles } from '../platform/scripting';
import { featureFile, type FeatureName } from '../shared/features';

export const CONTENT_SCRIPT = 'content.js';
export const RACE_RETRY_DELAY_MS = 50;

const FIRST_INJECTION_RACE = /Cannot access contents of the page/i;

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What sending to a tab says when no content script of ours listens there (Chromium, Firefox). */
const NO_RECEIVER = /Receiving end does not exist/i;

/** True when `error` means "nothing of ours in that tab", as opposed to a failing handler. */
export function isNoReceiver(error: unknown): boolean {
  return NO_RECEIVER.test(errorMessage(error));
}

/** Injects the content script (a no-op where a live copy already runs: see src/content/index.ts). */
export async function injectContentScript(tabId: number): Promise<void> {
  try {
    await injectFiles(tabId, [CONTENT_SCRIPT]);
  } catch (error) {
    if (!FIRST_INJECTION_RACE.test(errorMessage(error))) throw error;
    await sleep(RACE_RETRY_DELAY_MS);
    await injectFiles(tabId, [CONTENT_SCRIPT]);
  }
}

/**
 * Runs a feature's script (src/shared/features.ts) in `tabId`, next to the content script that
 * asked for it. executeScript resolves after the script ran, so when the answer reaches the
 * content script the feature has registered itself. The click that injected the content script
 * granted activeTab for this page, which covers this injection too.
 */
export async function injectFeature(tabId: number, feature: FeatureName): Promise<void> {
  await injectFiles(tabId, [featureFile(feature)]);
}
