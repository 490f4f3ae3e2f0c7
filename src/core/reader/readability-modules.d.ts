// Readability's package index (CommonJS) requires both of its modules, so a bundle importing
// either name from it carries both. Importing each from its own file lets the content script,
// which never asks the readerable check (analyzeArticleWithDetector), leave that one out.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}
declare module '@mozilla/readability/Readability.js' {
  import type { Readability } from '@mozilla/readability';
  const Reader: typeof Readability;
  export default Reader;
}
