import { CMS, type ClutterRule } from '../../rule';

/** WordPress core: the comments template and the respond form every theme inherits. */
export const wordpress: ClutterRule = {
  id: 'comments/wordpress',
  kind: 'comments',
  why: 'WordPress themes render comments as .comments-area/.commentlist with #comment-N items and a #respond form posting to wp-comments-post.php.',
  confidence: 0.95,
  specificity: CMS,
  selectors: [
    '.comments-area',
    'ol.commentlist',
    'ul.commentlist',
    'ol.comment-list',
    'ul.comment-list',
    '#respond.comment-respond',
    'div#respond',
    'form#commentform',
    'form[action*="wp-comments-post.php"]',
  ],
};
