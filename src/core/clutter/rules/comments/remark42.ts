import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const remark42: ClutterRule = {
  id: 'comments/remark42',
  kind: 'comments',
  why: 'Remark42 (self-hosted) mounts in #remark42 and loads /web/iframe.html from its server.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '#remark42',
    '.remark42',
    'iframe[name^="remark42"]',
    'iframe[src*="/web/iframe.html?"][src*="site_id"]',
  ],
  toBlock: (el) => closestMatch(el, '#remark42, .remark42') ?? el,
};
