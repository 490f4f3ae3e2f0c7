// Entry of dist/*/declutter.js, injected the first time on-page Declutter or its hidden panel is
// used (src/content/features/registry.ts), and by the reading view before it analyses a page with
// an opt-in clutter kind switched on: this script brings those kinds' rules (newsletter boxes,
// share bars), which content.js leaves out, and adds them to the content script's detector.
import { OPT_IN_RULES } from '../../core/index';
import { mountDeclutterToolbar } from '../../ui/declutter/page-toolbar';
import { mountHiddenPanel } from '../../ui/declutter/hidden-panel';
import { keptOutList } from '../../ui/declutter/kept-out-list';
import { createPageDeclutter } from '../declutter/page-declutter';
import { createDeclutterSession } from '../declutter/declutter-session';
import { registerFeature } from './registry';
import { sharedCore } from './shared-core';

// Before registering: whoever loads this feature may detect any kind as soon as it resolves.
sharedCore().registerClutterRules(OPT_IN_RULES);

registerFeature('declutter', {
  createDeclutterSession,
  createPageDeclutter,
  mountHiddenPanel,
  mountDeclutterToolbar,
  keptOutList,
});
