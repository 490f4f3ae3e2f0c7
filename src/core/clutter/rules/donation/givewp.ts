import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const givewp: ClutterRule = {
  id: 'donation/givewp',
  kind: 'donation',
  why: 'GiveWP renders donation forms as .give-form-wrap / form.give-form (id give-form-N) and goals as .give-goal-progress bars.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: [
    '.give-form-wrap',
    'form.give-form',
    '[id^="give-form-"][class*="give-form"]',
    '.give-goal-progress',
    '.give-progress-bar',
    '.give-card',
    '.give-embed-form-wrapper',
    '.wp-block-give-donation-form',
    'iframe[name="give-embed-form"]',
  ],
  toBlock: (el) =>
    closestMatch(el, '.give-form-wrap, .give-embed-form-wrapper, .give-grid, .give-card') ?? el,
};
