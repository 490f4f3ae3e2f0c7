import { PLATFORM, type ClutterRule } from '../../rule';

export const openweb: ClutterRule = {
  id: 'comments/openweb',
  kind: 'comments',
  why: 'OpenWeb (formerly Spot.IM) conversations mount on [data-spotim-module] / a spot-im shadow host or an openweb-convo element.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '[data-spotim-module="conversation"]',
    '[data-spotim-module="spotim-launcher"]',
    '[data-openweb-module="conversation"]',
    '.spot-im-frame-inpage',
    '#spot-im-root',
    '.spotim-comments',
    '[data-spotim-app]',
  ],
  customElements: ['openweb-convo', 'ow-conversation'],
  shadowHosts: ['data-spot-im-shadow-host', 'data-openweb-shadow-host'],
  frames: [{ host: 'spot.im' }, { host: 'openweb.com' }],
};
