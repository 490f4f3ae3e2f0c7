import { PLATFORM, type ClutterRule } from '../../rule';
import { ctaBlock } from '../../engine/boxes';
import type { PageContext } from '../../engine/context';

const donateBlock = ctaBlock(500);

export const paypal: ClutterRule = {
  id: 'donation/paypal',
  kind: 'donation',
  why: 'PayPal donate buttons are forms posting to paypal.com/donate or /cgi-bin/webscr with a donation cmd, or links to paypal.com/donate and paypal.me.',
  confidence: 0.93,
  specificity: PLATFORM,
  selectors: [
    'form[action*="paypal.com/donate"]',
    'form[action*="paypal.com/cgi-bin/webscr"]',
    'a[href*="paypal.com/donate"]',
    'a[href*="paypal.me/"]',
    'a[href*="paypal.com/cgi-bin/webscr"][href*="donation"]',
    '.paypal-donate',
    '.paypal-donations',
  ],
  toBlock: (el: Element, page: PageContext) => {
    if (el.tagName === 'FORM' && /webscr/i.test(el.getAttribute('action') ?? '')) {
      // The generic webscr endpoint is also a shop checkout: only its donation commands count.
      const cmd = el.querySelector('input[name="cmd"]')?.getAttribute('value') ?? '';
      if (!/_donations|_s-xclick/.test(cmd)) return null;
    }
    return donateBlock(el, page);
  },
};
