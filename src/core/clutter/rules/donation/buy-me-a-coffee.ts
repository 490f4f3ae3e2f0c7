import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';

export const buyMeACoffee: ClutterRule = {
  id: 'donation/buy-me-a-coffee',
  kind: 'donation',
  why: 'Buy Me a Coffee buttons (data-name=bmc-button, .bmc-btn) and its floating widget (#bmc-wbtn) link to buymeacoffee.com.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    'a[href*="buymeacoffee.com/"]',
    '#bmc-wbtn',
    '.bmc-btn-container',
    '.bmc-button',
    '[data-name="bmc-button"]',
  ],
  frames: [{ host: 'buymeacoffee.com' }],
  toBlock: ctaBlock(500),
};
