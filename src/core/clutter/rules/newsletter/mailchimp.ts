import { PLATFORM, type ClutterRule } from '../../rule';
import { smallBox } from '../../engine/boxes';
import { closestMatch } from '../../engine/matcher';

export const mailchimp: ClutterRule = {
  id: 'newsletter/mailchimp',
  kind: 'newsletter',
  why: 'Mailchimp embedded sign-up forms are #mc_embed_signup with a form posting to list-manage.com.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: [
    '#mc_embed_signup',
    'form[action*="list-manage.com/subscribe"]',
    '.mc4wp-form',
    '.mc-field-group',
  ],
  toBlock: (el, page) => {
    const root =
      closestMatch(el, '#mc_embed_signup, .mc4wp-form') ?? closestMatch(el, 'form') ?? el;
    return smallBox(root, page, 600);
  },
};
