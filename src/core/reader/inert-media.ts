// Media elements in the documents the pipeline creates (the clone of the page, DOMPurify's and
// DOMParser's documents) are stand-ins until the very end.
//
// Why: in Chromium, a <video> or <audio> element, or a <source media="…"> (its media query list
// listens to the viewport), created in a document without a browsing context keeps that whole
// document alive for as long as the page lives, unless it is taken out of its parent before the
// document is dropped (measured: a DOMParser document holding `<video></video>` is never
// collected; the same document is collected once the video has no parent). Readability copies and
// drops subtrees we cannot reach afterwards, so detaching at the end is not enough for the clone:
// there, each such element becomes an inert stand-in as soon as the clone exists (`hideMedia`), and
// comes back only in the extracted article (`restoreMedia`) just before sanitising. Every document
// that then holds real media elements is released with `releaseMedia` when the pipeline is done
// with it.
//
// Adopting the elements into the page's document would also free them, but a media element
// adopted into a document that has a browsing context starts loading its source: a network
// request of the extension's own. Nothing here touches the page's document.

/** The elements that pin their document (see above). Only HTML elements, not SVG look-alikes. */
const PINNING = 'video, audio, source[media]';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The stand-in's tag and the attribute naming the element it stands for. */
export const MEDIA_STAND_IN = 'declutter-media';
export const MEDIA_STAND_IN_ATTRIBUTE = 'data-declutter-media';
const RESTORABLE = new Set(['video', 'audio', 'source']);

/** Moves `from`'s attributes (but `skip`) and children onto `to`, then puts `to` in its place. */
function swap(from: Element, to: Element, skip: string | null): void {
  for (const attribute of Array.from(from.attributes)) {
    if (attribute.name !== skip) to.setAttribute(attribute.name, attribute.value);
  }
  to.append(...Array.from(from.childNodes));
  from.replaceWith(to);
}

function pinning(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(PINNING)).filter((el) => el.namespaceURI === HTML_NS);
}

/**
 * Replaces every video, audio and source[media] under `root` with an inert stand-in holding the
 * same attributes and children. The original elements end up without a parent, so they no longer
 * hold their document. Returns how many were replaced.
 */
export function hideMedia(root: ParentNode): number {
  const found = pinning(root);
  for (const element of found) {
    const standIn = element.ownerDocument.createElement(MEDIA_STAND_IN);
    standIn.setAttribute(MEDIA_STAND_IN_ATTRIBUTE, element.localName);
    swap(element, standIn, null);
  }
  return found.length;
}

/** Turns the stand-ins under `root` back into the media elements they stand for. */
export function restoreMedia(root: ParentNode): void {
  for (const standIn of Array.from(root.querySelectorAll(`${MEDIA_STAND_IN}`))) {
    const tag = standIn.getAttribute(MEDIA_STAND_IN_ATTRIBUTE) ?? '';
    if (!RESTORABLE.has(tag)) continue;
    swap(standIn, standIn.ownerDocument.createElement(tag), MEDIA_STAND_IN_ATTRIBUTE);
  }
}

/** True when `root` holds a media element that would pin its document. */
export function holdsMedia(root: ParentNode): boolean {
  const self = root as Partial<Element>;
  return (self.matches?.(PINNING) && self.namespaceURI === HTML_NS) || pinning(root).length > 0;
}

/**
 * Takes every media element under `root` out of its parent, so that the document they belong to
 * can be collected. Call it on a tree the pipeline is done with: it changes that tree.
 */
export function releaseMedia(root: ParentNode): void {
  for (const element of pinning(root)) element.remove();
}
