import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';

export const fundraiseUp: ClutterRule = {
  id: 'donation/fundraise-up',
  kind: 'donation',
  why: 'Fundraise Up (cdn.fundraiseup.com) mounts donate buttons and elements named fundraiseup-* and checkout iframes from fundraiseup.com.',
  confidence: 0.93,
  specificity: PLATFORM,
  selectors: ['[class*="fundraiseup"]', '[id*="fundraiseup"]', 'a[href*="fundraiseup.com/"]'],
  customElements: ['fundraiseup-element', 'fundraiseup-donate-button', 'fundraiseup-goal-meter'],
  frames: [{ host: 'fundraiseup.com' }],
  toBlock: ctaBlock(500),
};
