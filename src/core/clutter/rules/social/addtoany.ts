import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const addtoany: ClutterRule = {
  id: 'social/addtoany',
  kind: 'social',
  why: 'AddToAny share kits are .a2a_kit / .addtoany_share_save_container blocks with a2a_button_* links.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: [
    '.addtoany_share_save_container',
    '.a2a_kit',
    '.addtoany_content',
    '.a2a_floating_style',
  ],
  toBlock: (el) => closestMatch(el, '.addtoany_share_save_container') ?? el,
};
