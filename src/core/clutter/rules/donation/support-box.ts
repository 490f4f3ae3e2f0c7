// "Support <site>" / "support our journalism" / membership and contribution boxes: a call to
// action that links to this site's own /donate, /support, /membership or /contribute page,
// standing on its own (a button or a line of its own), in a small box. The link target and the
// structure decide; ask words are only needed as a tie-breaker for the bare /support path.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { hostOf, inNavigation, pathOf } from '../../engine/dom';
import { ASK_WORDS, isStandaloneCta, smallBox } from '../../engine/boxes';

const LINKS =
  'a[href*="donat"], a[href*="support"], a[href*="contribut"], a[href*="member"], a[href*="/give"], a[href*="fundrais"], a[href*="patron"], form[action*="donat"]';

/** Paths that are donation pages by themselves. */
const DONATE_PATH =
  /(?:^|\/)(?:donate|donation|donations|donate-now|give|give-now|contribute|contribution|contributions|fundraiser|fundraising|become-a-(?:member|patron|supporter)|membership|memberships|join-us|patrons?)(?:[/-]|$|\.)/;
/** Paths that need ask words too (/support is often a help desk). */
const SUPPORT_PATH = /(?:^|\/)support(?:-us|-[a-z0-9]+)?(?:\/|$|\.)/;

function isAskLink(el: Element, page: PageContext): boolean {
  const url = el.getAttribute(el.tagName === 'FORM' ? 'action' : 'href');
  if (!page.isSameSite(url)) return false;
  const path = pathOf(url);
  if (DONATE_PATH.test(path)) return true;
  // donate.example.org, support.example.com/contribute: the host itself is the ask.
  if (/^(?:donate|give|contribute|membership|join|support)\./.test(hostOf(url) ?? '')) {
    return ASK_WORDS.test(page.text(el)) || /support|donat|give|join/i.test(page.text(el));
  }
  if (SUPPORT_PATH.test(path))
    return ASK_WORDS.test(page.text(el)) || /support/i.test(page.text(el));
  return false;
}

/**
 * A list of links where the membership or donate link is one item among others that go
 * elsewhere (a footer column "Community: Membership, Feedback, Guidelines, Jobs", a menu): that
 * is the site's navigation, not an appeal. An appeal's own links (amount buttons, "Donate",
 * "Become a member") all lead to the ask.
 */
function isLinkList(box: Element, page: PageContext): boolean {
  let other = 0;
  let linkText = 0;
  for (const a of box.getElementsByTagName('a')) {
    linkText += page.textLength(a);
    if (!isAskLink(a, page)) other++;
  }
  return other >= 3 && linkText >= page.textLength(box) * 0.6;
}

export const supportBox: ClutterRule = {
  id: 'donation/support-box',
  kind: 'donation',
  why: "A standalone call to action to the site's own donate/support/membership page, in a small box, is a reader-revenue ask.",
  confidence: 0.8,
  specificity: HEURISTIC,
  detect(page) {
    const out: Element[] = [];
    for (const el of page.queryAll(LINKS)) {
      if (out.some((o) => o.contains(el)) || inNavigation(el)) continue;
      if (!isAskLink(el, page) || (el.tagName === 'A' && !isStandaloneCta(el, page))) continue;
      const box = smallBox(el, page, 1200);
      if (!ASK_WORDS.test(page.text(box)) && !DONATE_PATH.test(pathOf(el.getAttribute('href'))))
        continue;
      if (isLinkList(box, page)) continue;
      out.push(box);
    }
    return out;
  },
};
