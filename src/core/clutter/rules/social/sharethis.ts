import { PLATFORM, type ClutterRule } from '../../rule';

export const sharethis: ClutterRule = {
  id: 'social/sharethis',
  kind: 'social',
  why: 'ShareThis inline/sticky buttons (.sharethis-inline-share-buttons, .st-sticky-share-buttons; classic st_* spans) are share bars.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '.sharethis-inline-share-buttons',
    '.sharethis-inline-reaction-buttons',
    '.st-sticky-share-buttons',
    '#st-1.st-sticky-share-buttons',
    '.sharethis-wrapper',
  ],
};
