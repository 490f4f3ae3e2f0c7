import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const viafoura: ClutterRule = {
  id: 'comments/viafoura',
  kind: 'comments',
  why: 'Viafoura renders its conversations as <vf-conversations>/<vf-comments> custom elements inside a .viafoura container.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['.viafoura', '#viafoura-comments', '.vf-comments', '.vf3-conversations'],
  customElements: ['vf-conversations', 'vf-comments', 'vf-conversation-starter'],
  toBlock: (el) => closestMatch(el, '.viafoura') ?? el,
};
