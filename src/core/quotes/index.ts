// Direct quotations and who said them.
// (Initial contract; the extractor is built in this folder.)
import type { QuoteResult } from '../types';

/** Finds every direct quotation in `text` (canonical article text) and attributes it. */
export function extractQuotes(_text: string): QuoteResult {
  return { quotes: [], speakers: [] };
}
