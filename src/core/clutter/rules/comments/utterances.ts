import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const utterances: ClutterRule = {
  id: 'comments/utterances',
  kind: 'comments',
  why: 'utterances loads GitHub-issue comments in an iframe from utteranc.es inside a .utterances wrapper.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: ['.utterances', 'iframe.utterances-frame'],
  frames: [{ host: 'utteranc.es' }],
  toBlock: (el) => closestMatch(el, '.utterances') ?? el,
};
