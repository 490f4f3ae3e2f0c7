import { CONVENTION, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

/**
 * The conventional ids and classes of a comment section (`#comments`, `.comments-section`…),
 * used by countless themes and home-made sites. A convention, not a platform: the engine's
 * discussion-page check and article guard decide whether it is clutter on this page.
 */
export const sectionId: ClutterRule = {
  id: 'comments/section-id',
  kind: 'comments',
  why: 'An element named #comments / comment-section / comments-wrapper is a comment section by convention.',
  confidence: 0.9,
  specificity: CONVENTION,
  selectors: [
    'div#comments',
    'section#comments',
    'aside#comments',
    'ol#comments',
    'ul#comments',
    'dl#comments',
    '#comments-section',
    '#comment-section',
    '#commentsSection',
    '#comments-wrapper',
    '#comments-container',
    '#comment-wrapper',
    'section.comments',
    'div.comments-section',
    'section.comments-section',
    'div.comment-section',
    'div.comments-wrapper',
    'div.comments-container',
    '#user-comments',
    '#reader-comments',
  ],
  toBlock: (el) => (el.parentElement && closestMatch(el.parentElement, 'li, p, span') ? null : el),
};
