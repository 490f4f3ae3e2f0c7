import { PLATFORM, type ClutterRule } from '../../rule';

export const vuukle: ClutterRule = {
  id: 'comments/vuukle',
  kind: 'comments',
  why: 'Vuukle mounts its comment widget in #vuukle-comments (iframes from vuukle.com).',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['#vuukle-comments', '#vuukle_div', '.vuukle-comments'],
  frames: [{ host: 'vuukle.com', path: 'comments' }],
};
