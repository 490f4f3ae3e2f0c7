import { PLATFORM, type ClutterRule } from '../../rule';
import { smallBox } from '../../engine/boxes';

export const convertkit: ClutterRule = {
  id: 'newsletter/convertkit',
  kind: 'newsletter',
  why: 'ConvertKit (Kit) forms are .formkit-form with data-sv-form, posting to app.convertkit.com/forms.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: [
    'form.formkit-form',
    'form[data-sv-form]',
    'form[action*="convertkit.com/forms"]',
    'form[action*="app.kit.com/forms"]',
  ],
  toBlock: (el, page) => smallBox(el, page, 600),
};
