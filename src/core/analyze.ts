// analyzePage: the whole core pipeline over one Document. (Initial contract.)
import type { AnalyzeOptions, PageAnalysis } from './types';

export function analyzePage(_doc: Document, _options: AnalyzeOptions = {}): PageAnalysis {
  throw new Error('not built yet');
}
