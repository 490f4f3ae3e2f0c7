// Helpers for widgets that are recognised by one element (a link, a button, a form) but hidden as
// the small box around it: a donation appeal, a newsletter form, a share bar.
import type { PageContext } from './context';
import { inNavigation, isPageRoot } from './dom';
import { closestMatch } from './matcher';

/**
 * The box around a widget: climbs from `el` while the parent stays within `maxChars` and adds
 * little of its own (at most max(300, 2 × the box so far)), so it stops before the article's
 * paragraphs or a sidebar full of other widgets.
 */
export function smallBox(el: Element, page: PageContext, maxChars: number): Element {
  let box = el;
  for (
    let parent = el.parentElement;
    parent && !isPageRoot(parent);
    parent = parent.parentElement
  ) {
    const len = page.textLength(parent);
    const own = page.textLength(box);
    if (len > maxChars || len - own > Math.max(300, 2 * own)) break;
    if (parent.tagName === 'ARTICLE') break;
    box = parent;
  }
  return box;
}

const BLOCK_TAGS = 'p, div, li, section, aside, figure, td, dd, h1, h2, h3, h4, h5, h6, form';

/**
 * True when a link or button stands on its own as a call to action (a button, an image or a
 * line of its own), rather than being a few words inside a sentence of the article.
 */
export function isStandaloneCta(el: Element, page: PageContext): boolean {
  if (el.tagName === 'BUTTON' || el.tagName === 'INPUT' || el.getAttribute('role') === 'button') {
    return true;
  }
  if (/\b(btn|button|cta)\b/i.test(el.getAttribute('class') ?? '')) return true;
  const own = page.textLength(el);
  if (own === 0 && el.querySelector('img, svg, picture') != null) return true;
  const block = el.parentElement ? closestMatch(el.parentElement, BLOCK_TAGS) : null;
  if (!block) return true;
  return page.textLength(block) <= own + 40;
}

/** Money amounts like `$25`, `2,500 $`, `€ 10`, `100 USD`. */
export const MONEY =
  /(?:[$€£¥₽₹]\s?\d[\d.,\s]*\d?|\b\d[\d.,\s]*\s?(?:[$€£¥₽₹]|usd\b|eur\b|gbp\b|dollars\b|euros?\b))/gi;

export function countMoney(text: string): number {
  return text.match(MONEY)?.length ?? 0;
}

/** Words of an appeal. Weak evidence only: articles about charities use them too. */
export const ASK_WORDS =
  /\b(donat\w*|support (?:us|our|independent|this|the site)|contribut\w*|become a (?:member|patron|supporter)|membership|patrons?|chip in|keep (?:us|\w+) (?:going|alive|free|independent)|reader[- ]funded|fund(?:ing|raiser|raising)?|give now|pledge|subscribe to support|sponsor)\b/i;

/**
 * toBlock for rules that recognise a widget by a link, button or form: inline mentions in the
 * article's sentences and links in site navigation are rejected; otherwise the small box around
 * the call to action is the block.
 */
export function ctaBlock(maxChars: number) {
  return (el: Element, page: PageContext): Element | null => {
    if (inNavigation(el)) return null;
    if (el.tagName === 'A' && !isStandaloneCta(el, page)) return null;
    if (el.tagName === 'SCRIPT') return null;
    return smallBox(el, page, maxChars);
  };
}
