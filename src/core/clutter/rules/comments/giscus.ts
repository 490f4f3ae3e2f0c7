import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const giscus: ClutterRule = {
  id: 'comments/giscus',
  kind: 'comments',
  why: 'giscus loads GitHub Discussions comments in an iframe from giscus.app (.giscus / .giscus-frame, or <giscus-widget>).',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: ['.giscus', 'iframe.giscus-frame'],
  customElements: ['giscus-widget'],
  frames: [{ host: 'giscus.app' }],
  toBlock: (el) => closestMatch(el, '.giscus') ?? el,
};
