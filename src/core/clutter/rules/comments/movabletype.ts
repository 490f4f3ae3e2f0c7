import { CMS, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const movabletype: ClutterRule = {
  id: 'comments/movabletype',
  kind: 'comments',
  why: 'Typepad and Movable Type templates wrap comments in .comments-content / #comments-content with a #comments-open form posting to mt-comments.cgi or /comments/ on typepad.',
  confidence: 0.93,
  specificity: CMS,
  selectors: [
    '#comments-content',
    '#comments-open',
    '.comments-open',
    '#comments-form',
    'form[action*="mt-comments.cgi"]',
    'form[action*="typepad.com/services/comments"]',
  ],
  toBlock: (el) => closestMatch(el, '#comments, .comments') ?? el,
};
