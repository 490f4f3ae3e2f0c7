// Pages no extension may script, or where a reading view makes no sense. The background asks
// this before injecting, so the user gets a message instead of a silent failure.
import type { NoArticleReason } from '../types';

const RESTRICTED_SCHEMES = [
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'data:',
  'blob:',
  'javascript:',
];

/** Extension galleries: browsers forbid content scripts there. */
const STORE_HOSTS: Array<[host: string, pathPrefix: string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

const PDF_PATH = /\.pdf$/i;

/** A reason when `url` cannot get a reading view, or null when it can be tried. */
export function restrictedPageReason(url: string | null | undefined): NoArticleReason | null {
  if (!url) {
    return { code: 'restricted', message: 'This tab has no web page the reading view can open.' };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'restricted', message: 'This tab has no web page the reading view can open.' };
  }
  if (parsed.protocol === 'view-source:') {
    return { code: 'restricted', message: 'Source views cannot be opened in the reading view.' };
  }
  if (RESTRICTED_SCHEMES.includes(parsed.protocol)) {
    return {
      code: 'restricted',
      message:
        'Browser pages (settings, new tab, extensions) cannot be opened in the reading view.',
    };
  }
  if (
    STORE_HOSTS.some(
      ([host, prefix]) => parsed.hostname === host && parsed.pathname.startsWith(prefix),
    )
  ) {
    return {
      code: 'restricted',
      message: 'The browser does not let extensions run on its extension store.',
    };
  }
  if (PDF_PATH.test(parsed.pathname)) {
    return {
      code: 'restricted',
      message: 'PDF documents open in the browser’s PDF viewer, which extensions cannot read.',
    };
  }
  return null;
}

/** Shown when injecting into a file: URL fails (the browser's per-extension file access is off). */
export const FILE_ACCESS_REASON: NoArticleReason = {
  code: 'restricted',
  message:
    'Local files need “Allow access to file URLs” for Declutter in the browser’s extension settings.',
};
