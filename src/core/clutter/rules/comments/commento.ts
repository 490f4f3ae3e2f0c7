import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const commento: ClutterRule = {
  id: 'comments/commento',
  kind: 'comments',
  why: 'Commento fills a #commento div (its root gets .commento-root) from cdn.commento.io/js/commento.js.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['div#commento', '.commento-root'],
  toBlock: (el) => closestMatch(el, '#commento') ?? el,
};
