import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const livefyre: ClutterRule = {
  id: 'comments/livefyre',
  kind: 'comments',
  why: 'Livefyre streams mount in #livefyre / #livefyre_comment_stream and render a .fyre widget.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '#livefyre',
    '#livefyre_comment_stream',
    '#livefyre-body',
    '#livefyre-comments',
    '.livefyre-comments',
    'div.fyre',
  ],
  toBlock: (el) =>
    closestMatch(el, '#livefyre, #livefyre_comment_stream, #livefyre-comments') ?? el,
};
