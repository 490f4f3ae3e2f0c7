// Absolute URLs for everything the reading view links to or loads. The view lives in an overlay on
// the page (and the CLI's output lives nowhere at all), so a relative URL would resolve against the
// wrong base or not at all. Fragment-only links ("#fn1") stay as they are: they point into the
// article itself and the view handles them.

/** The base URL of `doc`: its first <base href> resolved against `pageUrl`, else `pageUrl`. */
export function documentBase(doc: Document, pageUrl: string | null): string | null {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) {
    const resolved = resolveUrl(baseHref, pageUrl);
    if (resolved && isHierarchical(resolved)) return resolved;
  }
  return pageUrl && isHierarchical(pageUrl) ? pageUrl : null;
}

function isHierarchical(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'file:'
    );
  } catch {
    return false;
  }
}

/** `value` resolved against `base`; the value itself when it cannot be resolved. */
export function resolveUrl(value: string, base: string | null): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    return base ? new URL(trimmed, base).href : new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}

/** Resolves every candidate URL of a srcset ("a.jpg 1x, b.jpg 2x"). */
export function resolveSrcset(value: string, base: string | null): string {
  return splitSrcset(value)
    .map(({ url, descriptor }) => {
      const resolved = resolveUrl(url, base) ?? url;
      return descriptor ? `${resolved} ${descriptor}` : resolved;
    })
    .join(', ');
}

export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/**
 * Splits a srcset into candidates, following the HTML parsing algorithm: URLs may contain commas
 * (CDN transforms like `w_800,q_80`), so a URL runs to the next white space and only a comma
 * after the descriptors (or at the very end of the URL) separates candidates.
 */
export function splitSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  while (i < n) {
    while (i < n && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    let end = i;
    while (end < n && !isSpace(value[end])) end++;
    let url = value.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const start = i;
      while (i < n) {
        const ch = value[i];
        if (ch === '(') depth++;
        else if (ch === ')') depth = Math.max(0, depth - 1);
        else if (ch === ',' && depth === 0) break;
        i++;
      }
      descriptor = value.slice(start, i).trim();
      i++;
    }
    if (url) candidates.push({ url, descriptor });
  }
  return candidates;
}

/** The candidate with the largest width or density descriptor (the last one when undescribed). */
export function largestSrcsetCandidate(value: string): string | null {
  let best: { url: string; size: number } | null = null;
  for (const { url, descriptor } of splitSrcset(value)) {
    const size = parseFloat(descriptor) || 0;
    if (!best || size >= best.size) best = { url, size };
  }
  return best?.url ?? null;
}

const URL_ATTRIBUTES: Array<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['iframe[src]', 'src'],
  ['blockquote[cite]', 'cite'],
  ['q[cite]', 'cite'],
  ['ins[cite]', 'cite'],
  ['del[cite]', 'cite'],
];

/** Rewrites link and media URLs under `root` to absolute ones. Writes only to `root`'s nodes. */
export function absolutizeUrls(root: ParentNode, base: string | null): void {
  if (!base) return;
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of root.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute) ?? '';
      if (value.trim().startsWith('#')) continue;
      const resolved = resolveUrl(value, base);
      if (resolved && resolved !== value) element.setAttribute(attribute, resolved);
    }
  }
  for (const element of root.querySelectorAll('img[srcset], source[srcset]')) {
    const value = element.getAttribute('srcset') ?? '';
    element.setAttribute('srcset', resolveSrcset(value, base));
  }
}
