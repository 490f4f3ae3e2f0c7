import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const centralNotice: ClutterRule = {
  id: 'donation/centralnotice',
  kind: 'donation',
  why: 'Wikimedia fundraising banners are injected by CentralNotice into #centralNotice with frbanner / frb-* ids and classes.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '#centralNotice',
    '[id^="frbanner"]',
    '[id*="frb-inline"]',
    '.frb',
    '.frb-main',
    '.cn-fundraising',
    '[class*="frbanner"]',
  ],
  toBlock: (el) => closestMatch(el, '#centralNotice') ?? el,
};
