import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const intensedebate: ClutterRule = {
  id: 'comments/intensedebate',
  kind: 'comments',
  why: 'IntenseDebate replaces the comment template with #idc-container inside #idc-container-parent.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['#idc-container-parent', '#idc-container', '#idc-cover', '#IDCommentsPostTitle'],
  toBlock: (el) => closestMatch(el, '#idc-container-parent') ?? el,
};
