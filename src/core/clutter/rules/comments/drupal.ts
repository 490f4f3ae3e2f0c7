import { CMS, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const drupal: ClutterRule = {
  id: 'comments/drupal',
  kind: 'comments',
  why: 'Drupal renders comments in .comment-wrapper (D7) or a field--name-comment section (D8+) with a comment form posting to /comment/reply.',
  confidence: 0.93,
  specificity: CMS,
  selectors: [
    'div.comment-wrapper',
    'section.comment-wrapper',
    '.field--name-comment',
    '.field--type-comment',
    'form.comment-form[action*="/comment/reply"]',
    'form#comment-form',
    'form.comment-comment-form',
  ],
  toBlock: (el) => closestMatch(el, '#comments, .comment-wrapper, .field--type-comment') ?? el,
};
