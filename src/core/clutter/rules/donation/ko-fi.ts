import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';

export const kofi: ClutterRule = {
  id: 'donation/ko-fi',
  kind: 'donation',
  why: 'Ko-fi buttons and the floating "Support me" chat widget (.floatingchat-container-wrap) link to ko-fi.com.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    'a[href*="ko-fi.com/"]',
    '.floatingchat-container-wrap',
    '.floating-chat-kofi-popup-iframe',
    '.kofi-button',
    '.ko-fi-button',
  ],
  frames: [{ host: 'ko-fi.com' }],
  toBlock: ctaBlock(500),
};
