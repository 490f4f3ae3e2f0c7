import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';

export const patreon: ClutterRule = {
  id: 'donation/patreon',
  kind: 'donation',
  why: 'A "Become a patron" button or widget linking to patreon.com asks readers for money.',
  confidence: 0.92,
  specificity: PLATFORM,
  selectors: [
    'a[href*="patreon.com/"]',
    '[class*="patreon-widget"]',
    '[class*="patreon-button"]',
    '.patreon-sidebar',
  ],
  frames: [{ host: 'patreon.com' }],
  toBlock: ctaBlock(500),
};
