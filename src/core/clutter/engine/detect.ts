// The detection pipeline: signature pass, generic detectors, article guard, merge, findings.
import type { ClutterFinding, ClutterKind } from '../../types';
import type { ClutterRule } from '../rule';
import { HEURISTIC } from '../rule';
import { ARTICLE_MARKERS, findArticle, type ArticleInfo } from './article';
import { PageContext } from './context';
import { isDiscussionPage } from './discussion';
import {
  childElements,
  documentOrder,
  frameBlock,
  inCode,
  isPageRoot,
  names,
  within,
  withAncestorMemo,
} from './dom';
import { compileRule, frameMatches, type CompiledRule } from './signatures';
import { closestMatch, firstWithin, matchesSelector } from './matcher';
import { uniqueSelector } from './selector';
import { COMMENT_ID, commentGroup } from './thread';

export interface DetectOptions {
  /** Only look inside these subtrees (e.g. nodes a MutationObserver saw added). Default: the whole page. */
  roots?: readonly Element[];
  /** Only run rules of these kinds. Default: every kind. */
  kinds?: readonly ClutterKind[];
  /**
   * Diagnostics (the benchmark's per-phase table): with a clock, adds the ms of each phase of the
   * pass (index, signatures, each generic rule by id, article, guard, merge, report) to `phases`.
   */
  phases?: { now: () => number; ms: Record<string, number> };
}

type Lap = (phase: string, detail?: string) => void;

/**
 * Adds the time since the last lap to `phase` (+ ` detail`); a no-op without a clock, which
 * builds no key either (detection runs on the user's page).
 */
function lapper(phases: DetectOptions['phases']): Lap {
  if (!phases) return () => {};
  let last = phases.now();
  return (phase, detail) => {
    const t = phases.now();
    const key = detail ? `${phase} ${detail}` : phase;
    phases.ms[key] = (phases.ms[key] ?? 0) + (t - last);
    last = t;
  };
}

interface Candidate {
  el: Element;
  rule: ClutterRule;
  /** Matched through a custom element or shadow host: may legitimately have no light-DOM text. */
  host: boolean;
}

/** Tags a signature may match that are never a block by themselves. */
const NOT_A_BLOCK = new Set(['A', 'SCRIPT', 'LINK', 'META', 'STYLE', 'BR', 'INPUT', 'NOSCRIPT']);

const compiledCache = new WeakMap<ClutterRule, CompiledRule>();

/**
 * Each rule compiled once: cached per rule, not per list, since a call for some kinds gets a
 * new filtered list every time (a cache keyed by the list missed on every click).
 */
function compiled(rules: readonly ClutterRule[]): CompiledRule[] {
  return rules.map((rule) => {
    let c = compiledCache.get(rule);
    if (!c) {
      c = compileRule(rule);
      compiledCache.set(rule, c);
    }
    return c;
  });
}

function signatureCandidates(
  page: PageContext,
  rules: readonly CompiledRule[],
  lap: Lap,
): Candidate[] {
  const hits: { el: Element; c: CompiledRule }[] = [];
  for (const c of rules) {
    if (!c.selector) continue;
    for (const el of page.queryAll(c.selector)) hits.push({ el, c });
    lap('signatures', c.rule.id);
  }
  hits.sort((a, b) => documentOrder(a.el, b.el));
  const out: Candidate[] = [];
  for (const { el, c } of hits) {
    if (el.tagName === 'IFRAME' && c.rule.frames && !frameMatches(el, c.rule.frames)) continue;
    const host = c.hostSelector !== '' && matchesSelector(el, c.hostSelector);
    let block: Element | null;
    if (c.rule.toBlock) block = c.rule.toBlock(el, page);
    else if (el.tagName === 'IFRAME') block = frameBlock(el);
    else block = NOT_A_BLOCK.has(el.tagName) ? null : el;
    if (block) out.push({ el: block, rule: c.rule, host });
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

/** Comment items (see thread.ts), or a lot of text outside forms. */
function holdsComments(page: PageContext, el: Element): boolean {
  if (el.tagName === 'FORM') return false;
  if (commentGroup(el, page)) return true;
  // A single comment, recognised by the anchor id blog engines give it.
  for (const item of el.querySelectorAll('[id^="c"], [id^="comment"], [id^="div-comment"]')) {
    if (COMMENT_ID.test(item.id) && page.textLength(item) >= 30) return true;
  }
  let len = page.textLength(el);
  for (const form of el.getElementsByTagName('form')) len -= page.textLength(form);
  return len >= 600;
}

function follows(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/** Characters of the article's paragraphs that come after `el` in document order. */
function articleTextAfter(article: ArticleInfo, el: Element): number {
  let n = 0;
  for (const b of article.blocks) if (!within(b.el, el) && follows(el, b.el)) n += b.len;
  return n;
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
    if (rule.specificity <= 1 && !/omment/i.test(names(el))) {
      // A thread not even named as comments that holds nearly all the text, with nothing else
      // that could be an article: the discussion is the page's content (a forum thread).
      const len = page.textLength(el);
      if (article.bodyScore < 300 && article.bodyScore < len * 0.1) return false;
    }
    // Below a named platform, a "comment section" must hold comments, not just a form or a
    // "no comments yet" line: an empty section on a page without comments is left alone.
    const structural = rule.specificity === HEURISTIC; // its thread test already saw comments
    if (rule.specificity < 3 && !structural && !holdsComments(page, el)) return false;
    if (rule.specificity === HEURISTIC && body) {
      // A home-made thread counts only after the article's last paragraph, never among its
      // paragraphs (quoted reader comments).
      // A short note after it ("Comments are moderated") does not make it part of the article.
      if (article.lastBlock && within(article.lastBlock, el)) return false;
      if (articleTextAfter(article, el) > Math.max(200, article.bodyScore * 0.15)) return false;
      if (!article.blocks.some((b) => follows(b.el, el)) && !follows(body, el)) return false;
      if (!within(el, body) && !follows(body, el)) return false;
    }
  } else if (body && within(el, body)) {
    // Asks inside the article body are small boxes, never a large part of it.
    if (page.textLength(el) > Math.max(article.bodyScore * 0.4, 0)) return false;
  }
  return true;
}

const COMMENTS_WORD = /comment|discuss|conversation|repl(?:y|ies)|respon|reactions|thoughts/i;

/** Grows a comment block to the wrapper that holds only it (its heading, count, form). */
function expandComments(page: PageContext, el: Element, article: ArticleInfo): Element {
  let block = el;
  for (let i = 0; i < 4; i++) {
    const parent = block.parentElement;
    if (!parent || isPageRoot(parent) || inCode(parent)) break;
    if (article.protectedEls.some((p) => within(p, parent))) break;
    const own = page.textLength(block);
    // An empty mount (a platform's container or iframe) grows only into a wrapper that holds
    // nothing else but a comments heading, never into a share bar or toolbar around it.
    if (own === 0 && page.textLength(parent) > 0 && !COMMENTS_WORD.test(page.text(parent))) break;
    if (page.textLength(parent) > own * 1.1 + 150) break;
    if (hasArticleSibling(block)) break;
    block = parent;
  }
  return block;
}

const ARTICLE_LIKE = `h1, article, .hentry, .post, .entry, .post-body, ${ARTICLE_MARKERS}`;

/** A sibling that is (or holds) a post or its title: the parent is the article's container. */
function hasArticleSibling(block: Element): boolean {
  const parent = block.parentElement;
  if (!parent) return false;
  for (const sib of childElements(parent)) {
    if (sib === block) continue;
    if (matchesSelector(sib, ARTICLE_LIKE) || firstWithin(sib, ARTICLE_LIKE)) return true;
  }
  return false;
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
  return withAncestorMemo(() => detectOnce(doc, rules, options));
}

function detectOnce(
  doc: Document,
  rules: readonly ClutterRule[],
  options: DetectOptions,
): ClutterFinding[] {
  if (!doc.documentElement) return [];
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const active = kinds ? rules.filter((r) => kinds.has(r.kind)) : rules;
  const lap = lapper(options.phases);
  const page = new PageContext(doc, options.roots);
  if (page.scopes.length === 0) return [];
  page.prepareIndex();
  lap('index');

  const candidates = signatureCandidates(page, compiled(active), lap);
  lap('signatures');
  for (const rule of active) {
    if (!rule.detect) continue;
    for (const el of rule.detect(page)) candidates.push({ el, rule, host: false });
    lap(rule.id);
  }
  if (candidates.length === 0) return [];

  // The article is located with every suspected comment block left out, so a long comment
  // thread cannot pass for the article.
  const excluded = new Set(candidates.filter((c) => c.rule.kind === 'comments').map((c) => c.el));
  const article = findArticle(doc, excluded, page.queryDocument(ARTICLE_MARKERS));
  const discussionPage = isDiscussionPage(page);
  lap('article');

  const accepted: Kept[] = [];
  const passed = candidates.filter((c) => passesGuard(page, c, article, discussionPage));
  const hasThread = passed.some((c) => c.rule.kind === 'comments' && !c.rule.needsThread);
  for (const cand of passed) {
    if (cand.rule.needsThread && !hasThread) continue;
    const el = cand.rule.kind === 'comments' ? expandComments(page, cand.el, article) : cand.el;
    accepted.push({ el, rule: cand.rule, confidence: cand.rule.confidence });
  }

  lap('guard');

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

  lap('merge');
  const findings = kept.map((k) => ({
    kind: k.rule.kind,
    rule: k.rule.id,
    selector: uniqueSelector(doc, k.el),
    text: page.text(k.el),
    confidence: k.confidence,
  }));
  lap('report');
  return findings;
}
