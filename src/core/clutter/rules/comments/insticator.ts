import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const insticator: ClutterRule = {
  id: 'comments/insticator',
  kind: 'comments',
  why: "Insticator's commenting unit mounts in #insticator-commenting (an .insticator-unit).",
  confidence: 0.93,
  specificity: PLATFORM,
  selectors: ['#insticator-commenting', '.insticator-commenting', '[id^="insticator-commenting"]'],
  toBlock: (el) => closestMatch(el, '.insticator-unit') ?? el,
};
