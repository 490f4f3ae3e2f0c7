// Entry of dist/*/large-page.js, injected when the user clicks "Try anyway" on a very large page
// (src/content/reader/reader-session.ts): the page's HTML serialised in pieces across tasks and
// sent to the background in slices (src/content/reader/page-html.ts), where it is analysed off
// the tab (src/background/analyze-page.ts). Kept out of content.js, which has a size budget.
// The article comes back in slices too, and a very large one is drawn in parts
// (src/ui/reader/article-parts.ts).
import { drawArticleBody } from '../../ui/reader/article-parts';
import { analyzeAway } from '../reader/page-html';
import { registerFeature } from './registry';

registerFeature('large-page', { analyzeAway, drawArticleBody });
