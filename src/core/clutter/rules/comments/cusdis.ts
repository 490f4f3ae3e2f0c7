import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const cusdis: ClutterRule = {
  id: 'comments/cusdis',
  kind: 'comments',
  why: 'Cusdis mounts in #cusdis_thread (data-app-id, data-page-id) and loads an iframe from cusdis.com or the self-hosted server.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['#cusdis_thread', '#cusdis', '[data-app-id][data-page-id][data-host]'],
  frames: [{ host: 'cusdis.com' }],
  toBlock: (el) => closestMatch(el, '#cusdis_thread') ?? el,
};
