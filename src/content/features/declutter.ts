// Entry of dist/*/declutter.js, injected the first time on-page Declutter or its hidden panel is
// used (src/content/features/registry.ts).
import { mountDeclutterToolbar } from '../../ui/declutter/page-toolbar';
import { mountHiddenPanel } from '../../ui/declutter/hidden-panel';
import { keptOutList } from '../../ui/declutter/kept-out-list';
import { createPageDeclutter } from '../declutter/page-declutter';
import { registerFeature } from './registry';

registerFeature('declutter', {
  createPageDeclutter,
  mountHiddenPanel,
  mountDeclutterToolbar,
  keptOutList,
});
