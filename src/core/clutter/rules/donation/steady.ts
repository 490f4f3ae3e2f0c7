import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';

export const steady: ClutterRule = {
  id: 'donation/steady',
  kind: 'donation',
  why: 'Steady (steadyhq.com) membership asks: #steadyAdblockContainer, steady-* checkout elements and links to steadyhq.com.',
  confidence: 0.93,
  specificity: PLATFORM,
  selectors: [
    '#steadyAdblockContainer',
    '[id^="steady-"]',
    '[class^="steady-"]',
    'a[href*="steadyhq.com/"]',
  ],
  customElements: ['steady-checkout', 'steady-paywall'],
  frames: [{ host: 'steadyhq.com' }],
  toBlock: ctaBlock(600),
};
