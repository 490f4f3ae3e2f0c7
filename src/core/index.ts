// The one entry point of the core. Content script, CLI, tests and benchmarks all come through here.
export * from './types';
export { analyzeArticle, analyzePage } from './analyze';
export { detectClutter, locateFinding, CLUTTER_RULES, type DetectOptions } from './clutter';
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
export { restrictedPageReason } from './reader/restricted';
