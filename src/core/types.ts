// Data contracts of the core. Everything here is plain JSON-serialisable data: the content script
// renders it, the CLI prints it, tests compare it. No DOM nodes cross this boundary.

/** Kinds of clutter. `comments` and `donation` are hidden by default; the others are opt-in. */
export type ClutterKind = 'comments' | 'donation' | 'newsletter' | 'social';

export const CLUTTER_KINDS: readonly ClutterKind[] = [
  'comments',
  'donation',
  'newsletter',
  'social',
];

/** One block of the page recognised as clutter. */
export interface ClutterFinding {
  kind: ClutterKind;
  /** Id of the rule that matched, e.g. `comments/wpdiscuz`. */
  rule: string;
  /**
   * A CSS selector that matches exactly this element in the document that was analysed (and in
   * any clone of it). Ids are used when unique, otherwise a `:nth-child` path from `html`.
   */
  selector: string;
  /** Visible text of the block, whitespace collapsed (full text; UIs truncate). */
  text: string;
  /** 0..1: how sure the rule is. Signature rules are ≥ 0.9, generic heuristics lower. */
  confidence: number;
}

/** Why a page gave no article. The view shows `message`; code branches on `code`. */
export type NoArticleCode =
  'restricted' | 'not-html' | 'empty' | 'no-article' | 'parse-error' | 'too-large';

export interface NoArticleReason {
  code: NoArticleCode;
  message: string;
}

export interface ArticleData {
  /** Sanitised HTML of the article body (safe to insert into a shadow root). */
  html: string;
  /** Canonical plain text of the article (blocks separated by blank lines). Quote offsets point here. */
  text: string;
  /** Length of `text` in characters. */
  length: number;
  readingMinutes: number;
}

export type SpeakerKind = 'named' | 'unnamed' | 'unknown';

export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Offsets of `text` in the analysed text (article.text, or the `--text` input). */
  start: number;
  end: number;
  /** The speaker as a reader would name them (full name when the article gives it), or null. */
  speaker: string | null;
  /** The words that name the speaker for this quote ("he", "Mr. Zelin"), or null. */
  mention: Mention | null;
  speakerKind: SpeakerKind;
  /** The description the article gives of the speaker, or null. */
  role: string | null;
  /** The reporting cue: "said", "warned", "according to", ":" … or null. */
  cue: string | null;
  /** True when the quote is a fragment inside the writer's own sentence. */
  partial: boolean;
  /** 0..1 */
  confidence: number;
}

export interface Speaker {
  name: string;
  kind: SpeakerKind;
  role: string | null;
  quoteCount: number;
}

export interface QuoteResult {
  quotes: Quote[];
  speakers: Speaker[];
}

export interface PageMetadata {
  url: string | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  /**
   * What `isProbablyReaderable` thought: a hint, never a gate. Null when it was not asked: the
   * content script's entry (analyzeArticleWithDetector) leaves it out, since nothing in the view
   * reads it and it costs a pass over the page's paragraphs on every click.
   */
  readerable: boolean | null;
}

export interface PageAnalysis extends PageMetadata {
  article: ArticleData | null;
  /** Present when `article` is null. */
  reason: NoArticleReason | null;
  hidden: ClutterFinding[];
  quotes: Quote[];
  speakers: Speaker[];
  /**
   * Milliseconds per stage: guard (is there a page to read), clutter (found on the page), clone
   * (the page without it), prepare (lazy images), readability, cleanup (embeds, absolute URLs),
   * sanitise (includes computing the canonical text), quotes, total.
   */
  timings: Record<string, number>;
  /** Non-fatal problems met on the way (e.g. a clutter rule threw and was skipped). */
  warnings?: string[];
}

export interface AnalyzeOptions {
  /** Absolute URL of the page; defaults to the document's own URL. Used to absolutise links. */
  url?: string;
  /** Which clutter kinds to remove before extraction. Default: comments and donation. */
  hideKinds?: readonly ClutterKind[];
  /** Run quote extraction on the article. Default true. */
  quotes?: boolean;
  /** Clock for timings (performance.now in a page, process.hrtime in Node). Default Date.now. */
  now?: () => number;
  /** Refuse documents with more elements than this (reason `too-large`). Default: no limit. */
  maxElements?: number;
  /**
   * The clutter detector to run (both passes). Default: detectClutter, every rule. The content
   * script passes its own, which holds only the rules it has loaded (analyzeArticleWithDetector).
   */
  detect?: (doc: Document, options: { kinds: readonly ClutterKind[] }) => ClutterFinding[];
  /**
   * Window whose DOM classes the sanitiser uses. Default: `doc.defaultView`. Needed only for
   * documents without one (made by DOMParser or createHTMLDocument).
   */
  window?: Window;
}
