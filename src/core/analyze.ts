// analyzePage: the whole core pipeline over one Document, which it never writes to.
//
//   guard → clutter (detected on the page itself) → clone (the page without it) → prepare (lazy
//   images and frames) → Readability → clean-up (embeds become inert links, absolute URLs) →
//   sanitise (DOMPurify) → canonical text (of the sanitised tree) → quotes
//
// analyzeArticle is the same pipeline without the last stage: what the reading view needs to
// paint. The content script uses it (as analyzeArticleWithDetector), so the quote code (loaded on
// demand with the Quotes switch, src/content/features) stays out of its bundle: analyzePage is the
// only reference to extractQuotes here, and a bundle that does not use analyzePage drops it. In
// the same way only analyzeArticle and analyzePage default to detectClutter (every rule).
//
// Every stage is timed with the caller's clock. Failures become a `reason` the view can show.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { detectClutter, locateFinding } from './clutter';
import { extractQuotes } from './quotes';
import { parseHtmlBody, type ParserWindow } from './reader/parse-html';
import { guardDocument } from './reader/guard';
import { extractArticle, type Extraction } from './reader/extract';
import { resolveLazyImages } from './reader/lazy-images';
import { replaceEmbeds } from './reader/embeds';
import { hideMedia, releaseMedia, restoreMedia } from './reader/inert-media';
import { absolutizeUrls, documentBase } from './reader/urls';
import { NoWindowError, sanitizeArticle } from './reader/sanitize';
import { textSurvivesReparse } from './reader/reparse';
import { readingMinutes, WORD } from './reader/reading-time';
import { canonicalText } from './text/text-map';
import type {
  AnalyzeOptions,
  ClutterFinding,
  ClutterKind,
  NoArticleReason,
  PageAnalysis,
  QuoteResult,
} from './types';

export const DEFAULT_HIDE_KINDS: readonly ClutterKind[] = ['comments', 'donation'];

const NO_ARTICLE: NoArticleReason = {
  code: 'no-article',
  message:
    'No article found on this page. It looks like an app, a list or a form rather than a text to read.',
};

/** Elements clutter removal must never take away, whatever a rule says. */
const NEVER_REMOVED = new Set(['html', 'head', 'body']);

class Stopwatch {
  readonly timings: Record<string, number> = {};
  private readonly started: number;
  private last: number;
  /** Time spent paused between stages (analyzeArticleInSteps): in no stage and not in the total. */
  private paused = 0;
  constructor(private readonly now: () => number) {
    this.started = now();
    this.last = this.started;
  }
  lap(stage: string) {
    const time = this.now();
    this.timings[stage] = (this.timings[stage] ?? 0) + (time - this.last);
    this.last = time;
  }
  /** Called after a pause: the time since the last lap was spent waiting, not working. */
  resume() {
    const time = this.now();
    this.paused += time - this.last;
    this.last = time;
  }
  finish(): Record<string, number> {
    this.timings.total = this.now() - this.started - this.paused;
    return this.timings;
  }
}

function documentUrl(doc: Document): string | null {
  const url = doc.URL;
  return url && url !== 'about:blank' ? url : null;
}

function attribute(doc: Document, name: string): string | null {
  return doc.documentElement?.getAttribute(name)?.trim() || null;
}

function emptyAnalysis(doc: Document, url: string | null): PageAnalysis {
  return {
    url,
    title: doc.title?.trim() || null,
    byline: null,
    siteName: null,
    lang: attribute(doc, 'lang'),
    dir: attribute(doc, 'dir'),
    publishedTime: null,
    excerpt: null,
    readerable: null,
    article: null,
    reason: null,
    hidden: [],
    quotes: [],
    speakers: [],
    timings: {},
  };
}

type Detect = NonNullable<AnalyzeOptions['detect']>;

/** Clutter findings on `doc` of the kinds the user hides. A broken rule must not cost the article. */
function findClutter(
  doc: Document,
  kinds: readonly ClutterKind[],
  warnings: string[],
  detect: Detect,
) {
  try {
    // Only the hidden kinds' rules run: cheaper, and a finding of a kind the user keeps (a share
    // bar) cannot absorb a hidden one nested in it when findings merge into the outermost.
    return kinds.length === 0 ? [] : detect(doc, { kinds });
  } catch (error) {
    warnings.push(`Clutter detection failed and was skipped: ${describe(error)}`);
    return [];
  }
}

/** The elements of `doc` the findings name (never its html, head or body). */
function locateFindings(doc: Document, findings: ClutterFinding[]): Set<Element> {
  const located = new Set<Element>();
  for (const finding of findings) {
    const element = locateFinding(doc, finding);
    if (element && !NEVER_REMOVED.has(element.localName)) located.add(element);
  }
  return located;
}

/**
 * A copy of `doc` without the `left` elements and what they hold, in a new document without a
 * browsing context, as `doc.cloneNode(true)` makes it: each subtree that holds none of them is
 * copied whole in one native call, and only the few elements on the way to one are copied a
 * level at a time.
 */
function copyWithout(doc: Document, left: ReadonlySet<Element>): Document {
  if (left.size === 0) return doc.cloneNode(true) as Document;
  const onPath = new Set<Node>();
  for (const element of left) {
    for (let node = element.parentNode; node && !onPath.has(node); node = node.parentNode) {
      onPath.add(node);
    }
  }
  const copy = doc.cloneNode(false) as Document;
  const fill = (from: Node, into: Node) => {
    for (let child = from.firstChild; child; child = child.nextSibling) {
      if (left.has(child as Element)) continue;
      if (onPath.has(child)) fill(child, into.appendChild(copy.importNode(child, false)));
      else into.appendChild(copy.importNode(child, true));
    }
  };
  fill(doc, copy);
  return copy;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function applyMetadata(result: PageAnalysis, extraction: Extraction): void {
  result.title = extraction.title ?? result.title;
  result.byline = extraction.byline;
  result.siteName = extraction.siteName;
  result.lang = extraction.lang ?? result.lang;
  result.dir = extraction.dir ?? result.dir;
  result.publishedTime = extraction.publishedTime;
  result.excerpt = extraction.excerpt;
}

/**
 * Readability resolves the article's links against the document's base URI. When the caller
 * names another address for the page (the CLI's --url for a saved file), the clone gets a
 * <base> saying so; otherwise the clone's own base already is the page's.
 */
function pinBase(clone: Document, base: string | null): void {
  if (!base || clone.baseURI === base) return;
  let element = clone.querySelector('base[href]');
  if (!element) {
    element = clone.createElement('base');
    (clone.head ?? clone.documentElement)?.prepend(element);
  }
  element.setAttribute('href', base);
}

/** Fewer words than this outside links may be a form or a menu rather than an article. */
const MIN_ARTICLE_WORDS = 25;

const CJK_CHARACTER = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Words, with a Chinese, Japanese or Korean character counted as half a word. */
const countWords = (text: string) =>
  (text.match(WORD)?.length ?? 0) + (text.match(CJK_CHARACTER)?.length ?? 0) / 2;

/**
 * countWords(text) >= n, reading only as far as it must: an article's first words usually
 * settle it, and the whole text is counted again for its reading time anyway.
 */
function hasWords(text: string, n: number): boolean {
  const word = new RegExp(WORD);
  let count = 0;
  while (count < n && word.exec(text)) count++;
  return count >= n || countWords(text) >= n;
}

/** Form controls a person fills in: a sign-in or search page, an app screen. */
function isFormPage(doc: Document): boolean {
  const controls = doc.querySelectorAll(
    'input:not([type="hidden"]):not([type="submit"]):not([type="button"]), textarea, select',
  ).length;
  return controls >= 2 || doc.querySelector('input[type="password"]') !== null;
}

/**
 * Readability returns its best attempt even on an app or a sign-in page (the form labels, a menu).
 * When what it found is a few words, mostly links or the labels of a form, say there is no
 * article instead. A short text that is just short (a brief, a notice) is still shown, and so is
 * anything with a picture, table or code block.
 */
function looksLikeArticle(text: string, rendered: Element, page: Document): boolean {
  if (!text.trim()) return false;
  const linkWords = Array.from(rendered.querySelectorAll('a'), (a) =>
    countWords(a.textContent ?? ''),
  ).reduce((sum, n) => sum + n, 0);
  if (hasWords(text, linkWords + MIN_ARTICLE_WORDS)) return true;
  if (rendered.querySelector('video, table, pre, figure') !== null) return true;
  // A picture on its own counts unless it is a logo or icon: small, or the face of a link.
  const picture = Array.from(rendered.querySelectorAll('img')).some((img) => {
    const width = Number(img.getAttribute('width')) || 0;
    return !img.closest('a') && (width === 0 || width >= 300);
  });
  if (picture) return true;
  // Short of the threshold, so counting every word is cheap.
  const ownWords = countWords(text) - linkWords;
  return !(linkWords > ownWords || isFormPage(page));
}

/**
 * Parses sanitised article HTML exactly as the reading view does (DOMParser, into the body of a
 * document without a browsing context: src/ui/dom/safe-html.ts), so that `article.text` offsets
 * match the view's text map. `view` defaults to the document's window.
 */
export function parseArticleHtml(html: string, doc: Document, view?: ParserWindow): HTMLElement {
  const parser = view ?? (doc.defaultView as ParserWindow | null);
  if (!parser) throw new NoWindowError();
  return parseHtmlBody(html, parser);
}

/**
 * The pipeline paused between its stages: each `next()` runs the stages up to the next pause and
 * yields the name of the last one run; the last `next()` returns the analysis. A caller on
 * the page's main thread can give the event loop a turn between stages, so that a large page
 * never freezes the tab for the whole analysis at once (src/content/reader/run-in-slices.ts).
 * It pauses after Readability, once the page has been read and copied (afterwards only a very
 * short article's check for form controls looks at the page again), and after sanitising.
 */
export type AnalysisSteps = Generator<string, PageAnalysis, void>;

/** Runs the steps to the end without pausing. */
function runToEnd(steps: AnalysisSteps): PageAnalysis {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Everything but quotations: `quotes` and `speakers` stay empty, no `quotes` timing. */
export function analyzeArticle(doc: Document, options: AnalyzeOptions = {}): PageAnalysis {
  return runToEnd(
    runPipeline(doc, options, null, options.detect ?? detectClutter, isProbablyReaderable),
  );
}

/**
 * analyzeArticle with the caller's detector and no default one: the content script's entry. A
 * bundle that uses it and neither analyzeArticle nor analyzePage does not reference
 * detectClutter, so it carries only the rules its detector holds (READER_RULES in content.js).
 * Nor does it ask isProbablyReaderable (`readerable` is null): the view never shows that hint.
 */
export function analyzeArticleWithDetector(
  doc: Document,
  options: AnalyzeOptions & { detect: Detect },
): PageAnalysis {
  return runToEnd(analyzeArticleInSteps(doc, options));
}

/** analyzeArticleWithDetector, a stage at a time (AnalysisSteps). */
export function analyzeArticleInSteps(
  doc: Document,
  options: AnalyzeOptions & { detect: Detect },
): AnalysisSteps {
  return runPipeline(doc, options, null, options.detect, null);
}

/**
 * analyzeArticle, then the article's quotations (offsets into `article.text`), timed as the
 * `quotes` stage. `options.quotes: false` skips the extraction.
 */
export function analyzePage(doc: Document, options: AnalyzeOptions = {}): PageAnalysis {
  return runToEnd(
    runPipeline(doc, options, extractQuotes, options.detect ?? detectClutter, isProbablyReaderable),
  );
}

function* runPipeline(
  doc: Document,
  options: AnalyzeOptions,
  findQuotes: ((text: string) => QuoteResult) | null,
  detect: Detect,
  readerable: ((doc: Document) => boolean) | null,
): AnalysisSteps {
  const clock = new Stopwatch(options.now ?? Date.now);
  const pageUrl = options.url ?? documentUrl(doc);
  const result = emptyAnalysis(doc, pageUrl);
  const warnings: string[] = [];
  const done = (reason: NoArticleReason | null): PageAnalysis => {
    result.reason = reason;
    if (warnings.length > 0) result.warnings = warnings;
    result.timings = clock.finish();
    return result;
  };

  const refusal = guardDocument(doc, options.maxElements);
  if (refusal) return done(refusal);
  const view = options.window ?? doc.defaultView;
  if (!view) return done({ code: 'parse-error', message: new NoWindowError().message });
  // Window's type does not list the DOM constructors it carries (DOMParser); every window has it.
  const parser = view as unknown as ParserWindow;
  if (readerable) result.readerable = readerable(doc);

  // Media elements pin a document without a browsing context in memory (reader/inert-media.ts):
  // stand-ins from here on, real again only in the extracted article.
  // Most pages have none: then the restore and release walks below are skipped.
  let media = false;
  const copyPage = (left: ReadonlySet<Element>) => {
    const copy = copyWithout(doc, left);
    if (hideMedia(copy) > 0) media = true;
    return copy;
  };
  const base = documentBase(doc, pageUrl);
  // Lazy images before Readability, which scores and cleans what it sees. URLs are made
  // absolute after it, on the article alone (the clean-up below): doing it on the whole clone
  // first cost as much again and Readability's own output is rewritten either way.
  const prepare = (copy: Document) => {
    // The body's: a <noscript> in <head> holds tracking pixels, and Readability reads the body.
    resolveLazyImages(copy.body ?? copy, (markup) => {
      const body = parseHtmlBody(markup, parser);
      if (hideMedia(body) > 0) media = true;
      return body;
    });
    pinBase(copy, base);
  };

  clock.lap('guard');

  // Clutter is found on the page itself, then left out of the copy Readability reads: a comment
  // thread can be most of a page, and is then never copied at all.
  const kinds = options.hideKinds ?? DEFAULT_HIDE_KINDS;
  const findings = findClutter(doc, kinds, warnings, detect);
  const left = locateFindings(doc, findings);
  result.hidden = findings;
  clock.lap('clutter');

  const clone = copyPage(left);
  clock.lap('clone');
  prepare(clone);
  clock.lap('prepare');

  // When an attempt finds too little text, Readability starts again from the page as it was
  // given: made again from the document here (only pages that retry pay for it), rather than a
  // copy of the whole body kept on every page just in case.
  const refill = () => {
    const copy = copyPage(left);
    prepare(copy);
    return copy.body ?? copy.createElement('body');
  };

  let extraction: Extraction | null;
  try {
    extraction = extractArticle(clone, refill);
  } catch (error) {
    clock.lap('readability');
    return done({
      code: 'parse-error',
      message: `The page could not be read: ${describe(error)}`,
    });
  }
  clock.lap('readability');
  if (!extraction) return done(NO_ARTICLE);
  // The first pause, once the page has been read: clutter found on it, the copy made without
  // that clutter, and Readability's retries (which copy the page again) all come before it.
  yield 'readability';
  clock.resume();
  applyMetadata(result, extraction);

  // No second clutter pass over the extracted article: clutter is found on the whole page, where
  // a comment list or an ask has its context, and removed from the clone before Readability. A
  // pass over the article alone (a document holding just it) found nothing more on any of the
  // 322 corpus pages or the fixtures, and cost about 0.5 ms a page (Chromium median).
  const content = extraction.content;
  replaceEmbeds(content, base);
  if (media) restoreMedia(content);
  absolutizeUrls(content, base);
  clock.lap('cleanup');

  // The text and the article test are read off the sanitised tree itself, while it still holds
  // its media: parsing the HTML again gives the same text (reader/reparse.ts) except on a tree
  // the parser would rebuild, and only then is it parsed again, as the view will parse it.
  let html: string;
  let text = '';
  let isArticle = false;
  const read = (tree: HTMLElement) => {
    text = canonicalText(tree);
    isArticle = looksLikeArticle(text, tree, doc);
  };
  let reparse = false;
  try {
    html = sanitizeArticle(content, view, pageUrl, (tree) => {
      read(tree);
      reparse = !textSurvivesReparse(tree, text);
    });
  } catch (error) {
    clock.lap('sanitise');
    return done({ code: 'parse-error', message: describe(error) });
  } finally {
    if (media) releaseMedia(content);
  }
  if (reparse) {
    const rendered = parseArticleHtml(html, doc, parser);
    read(rendered);
    if (media) releaseMedia(rendered);
  }
  clock.lap('sanitise');
  if (!isArticle) return done(NO_ARTICLE);
  // Before the quotes, or (in the reading view) before the view is drawn.
  yield 'sanitise';
  clock.resume();

  result.article = { html, text, length: text.length, readingMinutes: readingMinutes(text) };

  if (findQuotes) {
    if (options.quotes !== false) {
      const { quotes, speakers } = findQuotes(text);
      result.quotes = quotes;
      result.speakers = speakers;
    }
    clock.lap('quotes');
  }
  return done(null);
}
