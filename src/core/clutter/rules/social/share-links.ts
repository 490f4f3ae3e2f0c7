// Share bars on any site: a small group of links to the networks' share endpoints (Facebook
// sharer, X/Twitter intent, LinkedIn shareArticle, WhatsApp send, Reddit submit, mailto with a
// subject…). Two or more different networks in one small box make a share bar.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { isPageRoot } from '../../engine/dom';
import { WHEN_WORDS } from '../../engine/thread';

const SHARE_LINKS = [
  'a[href*="facebook.com/sharer"]',
  'a[href*="facebook.com/share"]',
  'a[href*="twitter.com/share"]',
  'a[href*="twitter.com/intent/tweet"]',
  'a[href*="x.com/intent/"]',
  'a[href*="x.com/share"]',
  'a[href*="linkedin.com/shareArticle"]',
  'a[href*="linkedin.com/sharing"]',
  'a[href*="api.whatsapp.com/send"]',
  'a[href*="wa.me/?text"]',
  'a[href^="whatsapp://send"]',
  'a[href*="reddit.com/submit"]',
  'a[href*="pinterest.com/pin/create"]',
  'a[href*="t.me/share"]',
  'a[href*="telegram.me/share"]',
  'a[href*="tumblr.com/share"]',
  'a[href*="tumblr.com/widgets/share"]',
  'a[href*="plus.google.com/share"]',
  'a[href*="digg.com/submit"]',
  'a[href*="stumbleupon.com/submit"]',
  'a[href*="bsky.app/intent"]',
  'a[href*="news.ycombinator.com/submitlink"]',
  'a[href^="mailto:?"]',
].join(', ');

function network(href: string): string {
  const m =
    /(facebook|twitter|x\.com|linkedin|whatsapp|wa\.me|reddit|pinterest|t\.me|telegram|tumblr|google|digg|stumbleupon|bsky|ycombinator|mailto)/i.exec(
      href,
    );
  const n = (m?.[1] ?? href).toLowerCase();
  return n === 'x.com' ? 'twitter' : n === 'wa.me' ? 'whatsapp' : n === 't.me' ? 'telegram' : n;
}

/**
 * The article's title, byline or dateline: share buttons often sit in the article header next
 * to them, and they are short enough to pass for a bar's labels. A bar's own heading says
 * "Share this"; a bar has no date and no "by <Name>".
 */
function holdsArticleHead(node: Element, page: PageContext): boolean {
  if (node.querySelector('time, [itemprop="headline"], [rel="author"]')) return true;
  const text = page.text(node);
  if (WHEN_WORDS.test(text) || /\bby\s+\p{Lu}/u.test(text)) return true;
  for (const h of node.querySelectorAll('h1, h2, h3')) {
    if (!/share|follow|tweet|spread|send/i.test(page.text(h))) return true;
  }
  return false;
}

/** The networks each ancestor of the links holds links to, in one pass up from each link. */
function networksByAncestor(links: readonly Element[]): Map<Element, Set<string>> {
  const byNode = new Map<Element, Set<string>>();
  for (const a of links) {
    const net = network(a.getAttribute('href') ?? '');
    for (let node = a.parentElement; node; node = node.parentElement) {
      let nets = byNode.get(node);
      if (!nets) byNode.set(node, (nets = new Set()));
      nets.add(net);
    }
  }
  return byNode;
}

function shareBar(
  link: Element,
  page: PageContext,
  nets: Map<Element, Set<string>>,
  heads: Map<Element, boolean>,
): Element | null {
  let best: Element | null = null;
  let node = link.parentElement;
  for (let up = 0; node && up < 5 && !isPageRoot(node); up++, node = node.parentElement) {
    if (page.textLength(node) > 300) break;
    let head = heads.get(node);
    if (head === undefined) heads.set(node, (head = holdsArticleHead(node, page)));
    if (head) break;
    if ((nets.get(node)?.size ?? 0) >= 2) best = node;
  }
  return best;
}

export const shareLinks: ClutterRule = {
  id: 'social/share-links',
  kind: 'social',
  why: "Links to two or more networks' share endpoints grouped in a small box are a share bar.",
  confidence: 0.85,
  specificity: HEURISTIC,
  detect(page) {
    const out: Element[] = [];
    const links = page.queryAll(SHARE_LINKS);
    // Pages with share bars hold dozens of such links (one bar at the top, one at the foot, one
    // per embedded post): what each ancestor holds is gathered once, not per link and level.
    const nets = networksByAncestor(links);
    const heads = new Map<Element, boolean>();
    for (const link of links) {
      if (out.some((o) => o.contains(link))) continue;
      const bar = shareBar(link, page, nets, heads);
      if (bar && !out.includes(bar)) out.push(bar);
    }
    return out;
  },
};
