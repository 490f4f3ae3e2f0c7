import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

/** wpDiscuz replaces the WordPress comment template with its own app. */
export const wpdiscuz: ClutterRule = {
  id: 'comments/wpdiscuz',
  kind: 'comments',
  why: 'wpDiscuz renders #wpdcom (wpdiscuz_auth/unauth) with #wpd-threads, items wpd-comm-N_M and a floating bubble.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: [
    '#wpdcom',
    '.wpdiscuz_auth',
    '.wpdiscuz_unauth',
    '#wpd-threads',
    '.wpd-thread-wrapper',
    '#wpd-bubble-wrapper',
    '.wpdiscuz-subscribe-bar',
    '#wpdiscuz_hidden_secondary_form',
  ],
  toBlock: (el) => closestMatch(el, '#comments, .comments-area, .wpdiscuz-comment-area') ?? el,
};
