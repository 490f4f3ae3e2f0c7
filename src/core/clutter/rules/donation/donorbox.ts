import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';

export const donorbox: ClutterRule = {
  id: 'donation/donorbox',
  kind: 'donation',
  why: 'Donorbox forms are <dbox-widget> elements or iframes from donorbox.org; its buttons link to donorbox.org/<campaign>.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['a[href*="donorbox.org/"]', '.dbox-donation-button', '.dbox-donation-page-button'],
  customElements: ['dbox-widget'],
  frames: [{ host: 'donorbox.org' }],
  toBlock: ctaBlock(500),
};
