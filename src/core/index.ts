// The one entry point of the core. Content script, CLI, tests and benchmarks all come through here.
export * from './types';
export {
  analyzeArticle,
  analyzeArticleInSteps,
  analyzeArticleWithDetector,
  analyzePage,
  type AnalysisSteps,
} from './analyze';
export {
  detectClutter,
  detectClutterWith,
  locateFinding,
  CLUTTER_RULES,
  OPT_IN_RULES,
  READER_RULES,
  type ClutterDetector,
  type ClutterRule,
  type DetectOptions,
} from './clutter';
export { extractQuotes } from './quotes';
export {
  buildTextMap,
  canonicalText,
  textPieces,
  type TextMap,
  type TextPiece,
  type TextSegment,
} from './text/text-map';
export { findArticleRoot } from './reader/article-root';
export { releaseMedia } from './reader/inert-media';
export { asDocument, parseHtmlBody, type ParserWindow } from './reader/parse-html';
export { restrictedPageReason } from './reader/restricted';
