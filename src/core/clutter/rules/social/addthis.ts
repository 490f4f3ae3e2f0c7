import { PLATFORM, type ClutterRule } from '../../rule';

export const addthis: ClutterRule = {
  id: 'social/addthis',
  kind: 'social',
  why: 'AddThis toolboxes (.addthis_toolbox, .addthis_sharing_toolbox, .addthis_inline_share_toolbox) are share bars.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '.addthis_toolbox',
    '.addthis_sharing_toolbox',
    '.addthis_inline_share_toolbox',
    '.addthis_native_toolbox',
    '#at4-share',
  ],
};
