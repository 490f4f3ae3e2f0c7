import { PLATFORM, type ClutterRule } from '../../rule';

export const jetpackDonations: ClutterRule = {
  id: 'donation/jetpack-donations',
  kind: 'donation',
  why: 'The Jetpack Donations block is a .wp-block-jetpack-donations form (one-time / monthly / yearly tabs).',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: ['.wp-block-jetpack-donations', '.jetpack-donations'],
};
