// Entry of the demo bundle the screenshot harness injects into a fixture page (an IIFE exposing
// the on-page Declutter pieces as `DeclutterDemo`). Only for looking at the result in a browser.
export { createPageDeclutter } from '../../../../src/content/declutter/page-declutter';
export { mountPageQuotes } from '../../../../src/content/declutter/page-quotes';
export { mountDeclutterToolbar } from '../../../../src/ui/declutter/page-toolbar';
export { buildLateThread } from '../late-thread';
export { topMostRoots } from '../../../../src/content/declutter/added-subtrees';
export { detectClutter } from '../../../../src/core';
export { mountQuoteLayer, QUOTE_LAYER_CSS } from '../../../../src/ui/quotes/quote-layer';
export { mountHiddenPanel } from '../../../../src/ui/declutter/hidden-panel';
export { extractQuotes, buildTextMap } from '../../../../src/core';
export { paletteCss } from '../../../../src/ui/theme/palette';
