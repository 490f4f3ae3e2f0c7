import { CMS, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const blogger: ClutterRule = {
  id: 'comments/blogger',
  kind: 'comments',
  why: 'Blogger templates render comments in #comment-holder / .comment-thread (classic: dl#comments-block) with the comment-editor iframe from blogger.com.',
  confidence: 0.95,
  specificity: CMS,
  selectors: [
    '#comment-holder',
    '.comment-thread',
    'dl#comments-block',
    '#comments-block',
    'iframe#comment-editor',
    '#comment-post-message',
    '.blogger-comments',
  ],
  frames: [{ host: 'blogger.com', path: '/comment' }],
  toBlock: (el) => closestMatch(el, '.comments, #comments') ?? el,
};
