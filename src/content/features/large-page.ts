// Entry of dist/*/large-page.js, injected when the user clicks "Try anyway" on a very large page
// (src/content/reader/reader-session.ts): the page's HTML serialised in pieces across tasks and
// sent to the background in slices (src/content/reader/page-html.ts), where it is analysed off
// the tab (src/background/analyze-page.ts). Kept out of content.js, which has a size budget.
import { analyzeAway } from '../reader/page-html';
import { registerFeature } from './registry';

registerFeature('large-page', { analyzeAway });
