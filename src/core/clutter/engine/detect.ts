// The detection pipeline: signature pass, generic detectors, article guard, merge, findings.
import type { ClutterFinding, ClutterKind } from '../../types';
import type { ClutterRule } from '../rule';
import { HEURISTIC } from '../rule';
import { findArticle, type ArticleInfo } from './article';
import { PageContext } from './context';
import { isDiscussionPage } from './discussion';
import { frameBlock, inCode, isPageRoot, within } from './dom';
import { compileRule, frameMatches, signatureIndex, type CompiledRule } from './signatures';
import { closestMatch, matchesCompiled } from './matcher';
import { uniqueSelector } from './selector';

export interface DetectOptions {
  /** Only look inside these subtrees (e.g. nodes a MutationObserver saw added). Default: the whole page. */
  roots?: readonly Element[];
  /** Only run rules of these kinds. Default: every kind. */
  kinds?: readonly ClutterKind[];
}

interface Candidate {
  el: Element;
  rule: ClutterRule;
  /** Matched through a custom element or shadow host: may legitimately have no light-DOM text. */
  host: boolean;
}

/** Tags a signature may match that are never a block by themselves. */
const NOT_A_BLOCK = new Set(['A', 'SCRIPT', 'LINK', 'META', 'STYLE', 'BR', 'INPUT', 'NOSCRIPT']);

const compiledCache = new WeakMap<readonly ClutterRule[], CompiledRule[]>();

function compiled(rules: readonly ClutterRule[]): CompiledRule[] {
  let c = compiledCache.get(rules);
  if (!c) {
    c = rules.map(compileRule);
    compiledCache.set(rules, c);
  }
  return c;
}

function signatureCandidates(page: PageContext, rules: readonly CompiledRule[]): Candidate[] {
  const index = signatureIndex(rules);
  const out: Candidate[] = [];
  for (const el of page.elements) {
    for (const c of index.candidatesFor(el)) {
      if (!matchesCompiled(el, c.compiled)) continue;
      if (el.tagName === 'IFRAME' && c.rule.frames && !frameMatches(el, c.rule.frames)) continue;
      const host = c.hostCompiled != null && matchesCompiled(el, c.hostCompiled);
      let block: Element | null;
      if (c.rule.toBlock) block = c.rule.toBlock(el, page);
      else if (el.tagName === 'IFRAME') block = frameBlock(el);
      else block = NOT_A_BLOCK.has(el.tagName) ? null : el;
      if (block) out.push({ el: block, rule: c.rule, host });
    }
  }
  return out;
}

function hasContent(page: PageContext, el: Element): boolean {
  return (
    page.textLength(el) > 0 ||
    el.shadowRoot != null ||
    el.querySelector('iframe, form, img, video, object, embed') != null
  );
}

function follows(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

function passesGuard(
  page: PageContext,
  cand: Candidate,
  article: ArticleInfo,
  discussionPage: boolean,
): boolean {
  const { el, rule } = cand;
  if (isPageRoot(el) || inCode(el)) return false;
  // Empty containers of a named platform are kept (the thread loads later, or lives in a shadow
  // root); anything vaguer must hold something.
  if (!cand.host && rule.specificity < 3 && !hasContent(page, el)) return false;
  // The article is never hidden: no finding may contain the body or an explicit article marker.
  for (const p of article.protectedEls) if (within(p, el)) return false;
  const body = article.body;
  if (rule.kind === 'comments') {
    if (discussionPage) return false;
    if (closestMatch(el, 'blockquote, q')) return false;
    if (rule.specificity <= 1) {
      // When the "comments" hold nearly all the text and nothing else is an article, the
      // discussion is the page's content (a forum thread, a Q&A page).
      const len = page.textLength(el);
      if (article.bodyScore < 300 && article.bodyScore < len * 0.1) return false;
    }
    if (rule.specificity === HEURISTIC && body) {
      // A home-made thread counts only after the article, never inside it (quoted reader comments).
      if (within(el, body) || !follows(body, el)) return false;
    }
  } else if (body && within(el, body)) {
    // Asks inside the article body are small boxes, never a large part of it.
    if (page.textLength(el) > Math.max(article.bodyScore * 0.4, 0)) return false;
  }
  return true;
}

/** Grows a comment block to the wrapper that holds only it (its heading, count, form). */
function expandComments(page: PageContext, el: Element, article: ArticleInfo): Element {
  let block = el;
  for (let i = 0; i < 4; i++) {
    const parent = block.parentElement;
    if (!parent || isPageRoot(parent) || inCode(parent)) break;
    if (article.protectedEls.some((p) => within(p, parent))) break;
    const own = page.textLength(block);
    if (page.textLength(parent) > own * 1.1 + 150) break;
    block = parent;
  }
  return block;
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

interface Kept {
  el: Element;
  rule: ClutterRule;
  confidence: number;
}

export function runDetection(
  doc: Document,
  rules: readonly ClutterRule[],
  options: DetectOptions = {},
): ClutterFinding[] {
  if (!doc.documentElement) return [];
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const active = kinds ? rules.filter((r) => kinds.has(r.kind)) : rules;
  const page = new PageContext(doc, options.roots);
  if (page.scopes.length === 0) return [];

  const candidates = signatureCandidates(page, compiled(active));
  for (const rule of active) {
    if (!rule.detect) continue;
    for (const el of rule.detect(page)) candidates.push({ el, rule, host: false });
  }
  if (candidates.length === 0) return [];

  // The article is located with every suspected comment block left out, so a long comment
  // thread cannot pass for the article.
  const excluded = new Set(candidates.filter((c) => c.rule.kind === 'comments').map((c) => c.el));
  const article = findArticle(doc, excluded, page.allElements);
  const discussionPage = isDiscussionPage(page.allElements);

  const accepted: Kept[] = [];
  for (const cand of candidates) {
    if (!passesGuard(page, cand, article, discussionPage)) continue;
    const el = cand.rule.kind === 'comments' ? expandComments(page, cand.el, article) : cand.el;
    accepted.push({ el, rule: cand.rule, confidence: cand.rule.confidence });
  }

  // Keep the outermost block; a nested or identical match only lends its more specific rule.
  accepted.sort((a, b) => documentOrder(a.el, b.el));
  const kept: Kept[] = [];
  for (const f of accepted) {
    const outer = kept.find((k) => within(f.el, k.el));
    if (!outer) {
      kept.push({ ...f });
      continue;
    }
    if (outer.rule.kind === f.rule.kind && f.rule.specificity > outer.rule.specificity) {
      outer.rule = f.rule;
    }
    if (outer.rule.kind === f.rule.kind)
      outer.confidence = Math.max(outer.confidence, f.confidence);
  }

  return kept.map((k) => ({
    kind: k.rule.kind,
    rule: k.rule.id,
    selector: uniqueSelector(doc, k.el),
    text: page.text(k.el),
    confidence: k.confidence,
  }));
}
