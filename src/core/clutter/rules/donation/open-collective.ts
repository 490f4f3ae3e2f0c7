import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';
import { closestMatch } from '../../engine/matcher';

export const openCollective: ClutterRule = {
  id: 'donation/open-collective',
  kind: 'donation',
  why: 'Open Collective contribute buttons and banners link to or embed opencollective.com/<collective>/donate or /contribute.',
  confidence: 0.93,
  specificity: PLATFORM,
  selectors: [
    'a[href*="opencollective.com/"][href*="donate"]',
    'a[href*="opencollective.com/"][href*="contribute"]',
    'a[href*="opencollective.com/"] img[src*="opencollective.com"]',
  ],
  frames: [{ host: 'opencollective.com' }],
  toBlock: (el, page) =>
    ctaBlock(500)(el.tagName === 'IMG' ? (closestMatch(el, 'a') ?? el) : el, page),
};
