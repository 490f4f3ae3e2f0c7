import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const discourse: ClutterRule = {
  id: 'comments/discourse',
  kind: 'comments',
  why: "Discourse embeds a topic's replies in #discourse-comments through an iframe to /embed/comments on the forum host.",
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '#discourse-comments',
    'iframe#discourse-embed-frame',
    'iframe[src*="/embed/comments?embed_url="]',
  ],
  toBlock: (el) => closestMatch(el, '#discourse-comments') ?? el,
};
