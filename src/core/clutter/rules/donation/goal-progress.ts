// Fundraising goal bars: a progress bar (progress/meter/role=progressbar, or a bar-like element
// named progress/goal/thermometer) whose small surrounding box shows money amounts, like the seed
// page's "0 $ / 2,500 $ / 5,000 $" bar. Amounts and progress semantics decide; words only help.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { INLINE, inCode, isPageRoot } from '../../engine/dom';
import { countMoney } from '../../engine/boxes';

const BARS =
  'progress, meter, [role="progressbar"], [class*="progress"], [class*="thermometer"], [class*="goal-bar"], [class*="goalbar"], [class*="fundrais"], [class*="donation-bar"], [class*="donate-bar"], [id*="progress"], [id*="thermometer"]';

/** A bar draws progress; it is not a sentence that happens to carry a "progress" class. */
function isBar(el: Element, page: PageContext): boolean {
  const name = el.localName;
  if (name === 'progress' || name === 'meter' || el.getAttribute('role') === 'progressbar')
    return true;
  if (INLINE.has(name) && name !== 'span') return false;
  return page.textLength(el) <= 12;
}

const GOAL_WORDS =
  /\b(raised|goal|target|donat\w*|fundrais\w*|pledged|funded|of \S+ (?:goal|target))\b/i;
const MAX_BOX = 400;

function goalBox(bar: Element, page: PageContext): Element | null {
  let box: Element | null = null;
  for (let node: Element | null = bar; node && !isPageRoot(node); node = node.parentElement) {
    const text = page.text(node);
    if (text.length > MAX_BOX) break;
    const money = countMoney(text);
    if (money >= 2 || (money >= 1 && GOAL_WORDS.test(text))) box = node;
    else if (box) break;
  }
  return box;
}

export const goalProgress: ClutterRule = {
  id: 'donation/goal-progress',
  kind: 'donation',
  why: 'A progress bar inside a small box of money amounts (raised / goal) is a fundraising goal ask.',
  confidence: 0.85,
  specificity: HEURISTIC,
  detect(page) {
    const out: Element[] = [];
    for (const bar of page.queryAll(BARS)) {
      if (out.some((o) => o.contains(bar)) || inCode(bar) || !isBar(bar, page)) continue;
      const box = goalBox(bar, page);
      if (box && !out.includes(box)) out.push(box);
    }
    return out;
  },
};
