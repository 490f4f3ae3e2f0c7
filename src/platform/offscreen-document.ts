// Chrome's offscreen document: the one place a MV3 service worker gets a DOM. "Try anyway" on a
// very large page parses and analyses the page there (src/offscreen) instead of on the tab's main
// thread. Reason DOM_PARSER: exactly what it is for. The "offscreen" permission (manifest/chrome.json)
// shows no install warning. Firefox has no offscreen API: its background page has a DOM already.
import { extensionUrl } from './runtime';

const OFFSCREEN_PAGE = 'offscreen.html';

interface OffscreenApi {
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
  closeDocument(): Promise<void>;
}

interface ChromeRuntimeContexts {
  getContexts?(filter: {
    contextTypes: string[];
    documentUrls?: string[];
  }): Promise<Array<{ documentUrl?: string }>>;
}

function chromeApis(): { offscreen?: OffscreenApi; runtime?: ChromeRuntimeContexts } {
  return (
    (globalThis as { chrome?: { offscreen?: OffscreenApi; runtime?: ChromeRuntimeContexts } })
      .chrome ?? {}
  );
}

export function offscreenAvailable(): boolean {
  return typeof chromeApis().offscreen?.createDocument === 'function';
}

let creating: Promise<void> | null = null;

async function documentExists(): Promise<boolean> {
  const runtime = chromeApis().runtime;
  if (!runtime?.getContexts) return false;
  const contexts = await runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [extensionUrl(OFFSCREEN_PAGE)],
  });
  return contexts.length > 0;
}

/** Creates the offscreen document unless it is there (or on its way). */
export async function openOffscreenDocument(): Promise<void> {
  const offscreen = chromeApis().offscreen;
  if (!offscreen) throw new Error('this browser has no offscreen documents');
  if (creating) return creating;
  if (await documentExists()) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['DOM_PARSER'],
      justification: 'Parses and analyses a very large page away from its tab',
    })
    .finally(() => {
      creating = null;
    });
  return creating;
}

/** Closes the offscreen document (its parsed page is large); no-op when there is none. */
export async function closeOffscreenDocument(): Promise<void> {
  if (creating) await creating.catch(() => undefined);
  if (!(await documentExists())) return;
  await chromeApis().offscreen?.closeDocument();
}
