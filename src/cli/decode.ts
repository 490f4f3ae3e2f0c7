// Bytes to text for saved pages. Many saved pages are not UTF-8: the charset comes from a byte
// order mark, a <meta charset>, or a <meta http-equiv="Content-Type">, as a browser would read it
// (only the first 1024 bytes are scanned, as the HTML spec's prescan does). Bytes that are not valid
// UTF-8 without a declaration are taken as windows-1252, the most common legacy encoding.

export interface Decoded {
  text: string;
  /** The encoding used, as a WHATWG label (e.g. "utf-8", "windows-1252"). */
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'meta' | 'declared' | 'utf-8-valid' | 'fallback';
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a <meta> in the first 1024 bytes declares, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 1024));
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const attr of match[0].matchAll(/([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = (attr[1] ?? '').toLowerCase();
      if (!attributes.has(name)) attributes.set(name, (attr[2] ?? '').replace(/^["']|["']$/g, ''));
    }
    const charset = attributes.get('charset')?.trim();
    if (charset) return charset;
    if (attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(attributes.get('content') ?? '');
      if (declared) return declared[1] ?? null;
    }
  }
  return null;
}

/** True when `bytes` are valid UTF-8 and contain at least one multi-byte sequence. */
function isMultibyteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A WHATWG encoding for `label`, or null when TextDecoder does not know it. */
function normalise(label: string): string | null {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    // A page cannot really be UTF-16 when its ASCII meta tag was readable: browsers use UTF-8.
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes a saved page. `declared` is a charset known from outside (an HTTP header, a flag) and
 * wins over the document's own meta tag, but not over a byte order mark.
 */
export function decodeHtml(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom, source: 'bom' };
  const fromOutside = declared ? normalise(declared) : null;
  if (fromOutside) {
    return { text: decodeLoosely(bytes, fromOutside), charset: fromOutside, source: 'declared' };
  }
  const meta = metaCharset(bytes);
  const fromMeta = meta ? normalise(meta) : null;
  // A page re-saved as UTF-8 often keeps its old meta charset. Non-ASCII text that happens to be
  // valid UTF-8 is vanishingly rare in legacy encodings, so valid multi-byte UTF-8 wins.
  if (fromMeta && fromMeta !== 'utf-8' && isMultibyteUtf8(bytes)) {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      charset: 'utf-8',
      source: 'utf-8-valid',
    };
  }
  if (fromMeta && fromMeta !== 'utf-8') {
    return { text: decodeLoosely(bytes, fromMeta), charset: fromMeta, source: 'meta' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, charset: 'utf-8', source: fromMeta ? 'meta' : 'utf-8-valid' };
  } catch {
    // Declared UTF-8 (or nothing) but the bytes are not: legacy pages mislabelled or unlabelled.
    return {
      text: decodeWindows1252(bytes),
      charset: 'windows-1252',
      source: 'fallback',
    };
  }
}

/**
 * windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €). Node's TextDecoder (small-ICU builds,
 * Node 20 included) maps them to C1 control characters instead, so this decoder is done here.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (ch) =>
      WINDOWS_1252_HIGH.charAt(ch.charCodeAt(0) - 0x80),
    );
  }
  return text;
}

/** Decodes `bytes` as `charset` (a WHATWG encoding name). */
function decodeLoosely(bytes: Uint8Array, charset: string): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(charset).decode(bytes);
}
