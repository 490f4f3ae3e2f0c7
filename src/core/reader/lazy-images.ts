// Lazy-loaded images, resolved before Readability runs. Pages ship a placeholder (nothing, a 1×1
// GIF, an inline SVG box) in `src` and the real URL in a data attribute that a script swaps in on
// scroll, or keep the real <img> in a <noscript>. Readability scores and cleans what it sees, so an
// unresolved figure can be dropped as empty; resolving first keeps figures in the article.
import { largestSrcsetCandidate } from './urls';

/** Attributes lazy-loading libraries (lazysizes, WP Rocket, lozad, jQuery Lazy…) keep the URL in. */
const LAZY_SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-src',
  'data-actualsrc',
];

const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

/** A file name that says "I am not the picture". */
const PLACEHOLDER_FILE =
  /(?:^|[/_-])(?:blank|placeholder|spacer|pixel|transparent|lazy|loading|loader|grey|gray|empty)[\w-]*\.(?:gif|png|svg|jpe?g|webp)(?:$|[?#])/i;

const LOOKS_LIKE_URL =
  /^(?:https?:)?\/\/|^\/|^\.{0,2}\/|^[\w-]+(?:\/[\w.-]*)*\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|[?#])/i;

/** True when `src` is absent or obviously a stand-in for the real image. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (src === null) return true;
  const value = src.trim();
  if (!value || value === 'about:blank' || value === '#') return true;
  if (/^data:/i.test(value)) return true;
  return PLACEHOLDER_FILE.test(value);
}

function firstAttribute(element: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value && !/^data:/i.test(value)) return value;
  }
  return null;
}

function resolveImage(img: Element): void {
  const lazySrc = firstAttribute(img, LAZY_SRC_ATTRIBUTES);
  const lazySrcset = firstAttribute(img, LAZY_SRCSET_ATTRIBUTES);
  const src = img.getAttribute('src');
  if (lazySrcset) img.setAttribute('srcset', lazySrcset);
  if (lazySrc && LOOKS_LIKE_URL.test(lazySrc) && (isPlaceholderSrc(src) || lazySrc !== src)) {
    img.setAttribute('src', lazySrc);
  } else if (isPlaceholderSrc(src)) {
    const srcset = img.getAttribute('srcset') ?? pictureSrcset(img);
    const best = srcset ? largestSrcsetCandidate(srcset) : null;
    if (best) img.setAttribute('src', best);
  }
}

function pictureSrcset(img: Element): string | null {
  const picture = img.parentElement;
  if (!picture || picture.localName !== 'picture') return null;
  for (const source of picture.querySelectorAll('source')) {
    const value = source.getAttribute('srcset');
    if (value && !/^data:/i.test(value.trim())) return value;
  }
  return null;
}

function resolveSources(root: ParentNode): void {
  for (const source of root.querySelectorAll('picture > source')) {
    const lazy = firstAttribute(source, LAZY_SRCSET_ATTRIBUTES);
    const current = source.getAttribute('srcset');
    if (lazy && (!current || /^data:/i.test(current.trim()))) source.setAttribute('srcset', lazy);
  }
}

/** Parses markup into nodes of a document without a browsing context (src/core/reader/parse-html.ts). */
export type ParseInert = (markup: string) => ParentNode;

/** The single <img> a <noscript> holds, as an element of `doc` (noscript may be raw text). */
function noscriptImage(noscript: Element, parse: ParseInert): Element | null {
  let holder: ParentNode = noscript;
  if (!noscript.querySelector('img')) {
    const markup = noscript.textContent ?? '';
    if (!/<img[\s>]/i.test(markup)) return null;
    // With scripting on, a browser keeps noscript content as text. Parse it in a document that
    // has no browsing context (nothing loads or runs there) and keep only the <img> attributes.
    holder = parse(markup);
  }
  const images = holder.querySelectorAll('img');
  if (images.length !== 1) return null;
  const text = (holder.textContent ?? '').trim();
  if (text.length > 0 && holder === noscript) return null;
  const found = images[0] as Element;
  const img = noscript.ownerDocument.createElement('img');
  for (const attribute of Array.from(found.attributes)) {
    img.setAttribute(attribute.name, attribute.value);
  }
  return img;
}

/** The placeholder <img> a noscript fallback stands next to, if any. */
function placeholderBefore(noscript: Element): Element | null {
  const previous = noscript.previousElementSibling;
  if (!previous) return null;
  const img = previous.localName === 'img' ? previous : previous.querySelector('img');
  if (!img || previous.querySelectorAll('img').length > 1) return null;
  const looksLazy =
    isPlaceholderSrc(img.getAttribute('src')) ||
    /lazy/i.test(img.getAttribute('class') ?? '') ||
    LAZY_SRC_ATTRIBUTES.some((name) => img.hasAttribute(name));
  return looksLazy ? img : null;
}

/**
 * Resolves lazy images under `root` in place (call it on a clone). `parse` turns noscript text
 * into nodes of a document without a browsing context.
 */
export function resolveLazyImages(root: ParentNode, parse: ParseInert): void {
  for (const noscript of Array.from(root.querySelectorAll('noscript'))) {
    const img = noscriptImage(noscript, parse);
    if (!img) continue;
    const placeholder = placeholderBefore(noscript);
    if (placeholder) {
      placeholder.replaceWith(img);
      noscript.remove();
    } else {
      noscript.replaceWith(img);
    }
  }
  resolveSources(root);
  for (const img of root.querySelectorAll('img')) resolveImage(img);
  resolveLazyFrames(root);
}

/** Frames (video players) lazy-load the same way: the real address waits in a data attribute. */
function resolveLazyFrames(root: ParentNode): void {
  for (const frame of root.querySelectorAll('iframe')) {
    const lazy = firstAttribute(frame, LAZY_SRC_ATTRIBUTES);
    const src = frame.getAttribute('src')?.trim() ?? '';
    if (lazy && (!src || src === 'about:blank' || /^data:|^javascript:/i.test(src))) {
      frame.setAttribute('src', lazy);
    }
  }
}
