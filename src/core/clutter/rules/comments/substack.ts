import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const substack: ClutterRule = {
  id: 'comments/substack',
  kind: 'comments',
  why: 'Substack posts end with a #discussion section holding .comments-section / .comment-list-container.',
  confidence: 0.93,
  specificity: PLATFORM,
  selectors: [
    '.comments-section',
    '.comment-list-container',
    '#discussion.post-discussion',
    '.single-post-comments',
  ],
  toBlock: (el) => closestMatch(el, '#discussion') ?? el,
};
