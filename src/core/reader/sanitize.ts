// The last gate before the reading view: DOMPurify with a reader-specific configuration. What the
// view receives can be inserted into a shadow root as is: no scripts, styles, event handlers,
// javascript: URLs, forms or frames; classes only where they carry meaning (code languages).
import createDOMPurify, { type DOMPurify, type Config } from 'dompurify';
import { holdsMedia, releaseMedia } from './inert-media';

/** Elements that never belong in a reading view, with or without their content. */
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'fieldset',
  'legend',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'dialog',
  'slot',
];

/** Removed together with everything inside (button labels, select options, leftovers). */
const FORBID_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'title',
  'dialog',
];

/** Presentation and behaviour the view replaces with its own. */
const FORBID_ATTR = [
  'style',
  'autoplay',
  'srcdoc',
  'formaction',
  'action',
  'ping',
  'target',
  'contenteditable',
  'draggable',
  'tabindex',
  'align',
  'bgcolor',
  'color',
  'face',
  'background',
];

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  FORBID_CONTENTS,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  // No Trusted Types policy. By default DOMPurify registers one named "dompurify" with the
  // window's policy factory, which a content script shares with the page: the name is then taken
  // for the page's own DOMPurify under a `trusted-types dompurify` CSP, and the page's factory
  // holds the policy's callbacks, so this module and the whole content script stay in memory
  // after the view closes. The sanitised tree is serialised here and parsed again by the view as
  // a plain string: nothing needs TrustedHTML.
  TRUSTED_TYPES_POLICY: null,
};

const DOM_CONFIG = { ...CONFIG, RETURN_DOM: true } as const;

const isParent = (node: Node): node is Element | DocumentFragment =>
  node.nodeType === 1 || node.nodeType === 11;

const LANGUAGE_CLASS = /^(?:language|lang)-[\w+#.-]+$/;

/** Per-call context for the hooks (sanitising is synchronous, so one slot is enough). */
interface SanitizeContext {
  pageOrigin: string | null;
}

interface Sanitizer {
  purify: DOMPurify;
  context: SanitizeContext;
}

const sanitizers = new WeakMap<object, Sanitizer>();

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function createSanitizer(view: Window): Sanitizer {
  const purify = createDOMPurify(view as unknown as Parameters<typeof createDOMPurify>[0]);
  const context: SanitizeContext = { pageOrigin: null };
  // Set once: a configuration passed to each sanitize() call is parsed again on every call
  // (its allow and deny lists rebuilt as new sets).
  purify.setConfig(DOM_CONFIG);

  // One hook, after DOMPurify has checked the attributes: a hook on each attribute
  // (uponSanitizeAttribute) makes DOMPurify copy its whole attribute allow-list on every call.
  purify.addHook('afterSanitizeAttributes', (node) => {
    const classes = node.getAttribute('class');
    if (classes !== null) {
      // Classes only where they say a code block's language; the rest would style nothing.
      const tag = node.localName;
      const kept =
        tag === 'code' || tag === 'pre'
          ? classes.split(/\s+/).filter((token) => LANGUAGE_CLASS.test(token))
          : [];
      if (kept.length > 0) node.setAttribute('class', kept.join(' '));
      else node.removeAttribute('class');
    }
    if (node.localName === 'a' && node.hasAttribute('href')) {
      const href = node.getAttribute('href') ?? '';
      if (!href.startsWith('#') && isExternal(href, context.pageOrigin)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (node.localName === 'img') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
    }
    if (node.localName === 'video' || node.localName === 'audio') {
      node.setAttribute('controls', '');
      node.setAttribute('preload', 'none');
    }
    // A default text track loads as soon as the view shows its video, whatever preload says
    // (scripts/bench/media-network.ts saw the .vtt requested): captions wait for the reader.
    if (node.localName === 'track') node.removeAttribute('default');
  });

  return { purify, context };
}

function isExternal(href: string, pageOrigin: string | null): boolean {
  const origin = originOf(href);
  if (!origin) return !/^(?:mailto|tel|sms):/i.test(href);
  return origin !== pageOrigin;
}

/** Thrown when there is no window to build the sanitiser from. */
export class NoWindowError extends Error {
  constructor() {
    super(
      'This document has no window (it was created outside a browsing context), so it cannot be sanitised. Pass options.window.',
    );
    this.name = 'NoWindowError';
  }
}

/**
 * Sanitises `root`'s content for the reading view and returns it as HTML. `view` is the window of
 * the page (or of the Node DOM) whose DOMParser DOMPurify uses; one sanitiser is kept per window.
 * `inspect` is handed the sanitised tree the HTML is made of (a <body> holding it), before its
 * media are released: what the caller reads there needs no second parse of the HTML.
 */
export function sanitizeArticle(
  root: Node,
  view: Window,
  pageUrl: string | null,
  inspect?: (body: HTMLElement) => void,
): string {
  let sanitizer = sanitizers.get(view);
  if (!sanitizer) {
    sanitizer = createSanitizer(view);
    if (!sanitizer.purify.isSupported) throw new NoWindowError();
    sanitizers.set(view, sanitizer);
  }
  sanitizer.context.pageOrigin = originOf(pageUrl);
  const { purify } = sanitizer;
  // Most articles hold no media: then nothing in DOMPurify's copy can pin its document, and the
  // walks over the output and every removed element are skipped.
  const media = isParent(root) && holdsMedia(root);
  try {
    // As a tree, not a string (DOMPurify's string is this body's innerHTML): media elements in
    // DOMPurify's document, kept or removed, must leave their parents before it is dropped.
    const body = purify.sanitize(root) as unknown as HTMLElement;
    const html = body.innerHTML;
    inspect?.(body);
    if (media) {
      releaseMedia(body);
      for (const entry of purify.removed) {
        if ('element' in entry && isParent(entry.element)) releaseMedia(entry.element);
      }
    }
    return html;
  } finally {
    // DOMPurify lists every removed element and attribute (with the element it came from) in
    // `removed` until the next call. The sanitiser lives as long as the window, so that list
    // would keep the last article's whole sanitised tree and its document alive after the view
    // closed. Nothing reads it after the media above were released.
    purify.removed = [];
  }
}
