import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';
import { closestMatch } from '../../engine/matcher';

export const liberapay: ClutterRule = {
  id: 'donation/liberapay',
  kind: 'donation',
  why: 'Liberapay donate buttons and widgets link to or load from liberapay.com.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    'a[href*="liberapay.com/"][href*="donate"]',
    'a[href*="liberapay.com/"] img',
    '.liberapay-button',
  ],
  frames: [{ host: 'liberapay.com' }],
  toBlock: (el, page) =>
    ctaBlock(500)(el.tagName === 'IMG' ? (closestMatch(el, 'a') ?? el) : el, page),
};
