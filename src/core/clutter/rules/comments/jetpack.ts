import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const jetpack: ClutterRule = {
  id: 'comments/jetpack',
  kind: 'comments',
  why: 'Jetpack Comments swaps the WordPress respond form for iframe#jetpack_remote_comment loaded from jetpack.wordpress.com.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    'iframe#jetpack_remote_comment',
    'iframe.jetpack_remote_comment',
    '#jp-post-flair.comments',
  ],
  frames: [{ host: 'jetpack.wordpress.com', path: '/jetpack-comment' }],
  toBlock: (el) => closestMatch(el, '#comments, .comments-area, #respond') ?? el,
};
