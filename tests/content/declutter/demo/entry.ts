// Entry of the demo bundle the screenshot harness injects into a fixture page (an IIFE exposing
// the on-page Declutter pieces as `DeclutterDemo`). Only for looking at the result in a browser.
export { createPageDeclutter } from '../../../../src/content/declutter/page-declutter';
export { mountPageQuotes } from '../../../../src/content/declutter/page-quotes';
export { mountDeclutterToolbar } from '../../../../src/ui/declutter/page-toolbar';
export { buildLateThread } from '../late-thread';
export { topMostRoots } from '../../../../src/content/declutter/added-subtrees';
export { detectClutter } from '../../../../src/core';
