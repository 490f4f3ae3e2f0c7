import { PLATFORM, type ClutterRule } from '../../rule';
import { frameBlock } from '../../engine/dom';
import { closestMatch } from '../../engine/matcher';

export const facebook: ClutterRule = {
  id: 'comments/facebook',
  kind: 'comments',
  why: 'The Facebook comments plugin is a .fb-comments div (or XFBML <fb:comments>) that loads facebook.com/plugins/comments.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['.fb-comments', '.fb_comments', '.fb-comments-wrapper'],
  customElements: ['fb:comments'],
  frames: [
    { host: 'facebook.com', path: '/plugins/comments' },
    { host: 'facebook.com', path: '/plugins/feedback' },
  ],
  toBlock: (el) => {
    const wrapper = closestMatch(el, '.fb-comments, .fb_comments, .fb-comments-wrapper');
    if (wrapper) return wrapper;
    return el.tagName === 'IFRAME' ? frameBlock(el) : el;
  },
};
