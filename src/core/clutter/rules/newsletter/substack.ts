import { PLATFORM, type ClutterRule } from '../../rule';
import { smallBox } from '../../engine/boxes';
import { closestMatch } from '../../engine/matcher';

export const substackSignup: ClutterRule = {
  id: 'newsletter/substack',
  kind: 'newsletter',
  why: 'Substack subscribe prompts: .subscribe-widget / .subscription-widget forms posting to /api/v1/free, and the substack.com/embed iframe.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '.subscribe-widget',
    '.subscription-widget-wrap',
    '.subscription-widget',
    'form[action*="/api/v1/free"]',
    '.show-subscribe',
  ],
  frames: [{ host: 'substack.com', path: '/embed' }],
  toBlock: (el, page) => smallBox(closestMatch(el, '.subscription-widget-wrap') ?? el, page, 600),
};
