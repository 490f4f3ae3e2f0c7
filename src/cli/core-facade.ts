// What the CLI uses of the core, in one place.
export { analyzePage, extractQuotes, type PageAnalysis } from '../core/index';
export { readingMinutes as readingTime } from '../core/reader/reading-time';
