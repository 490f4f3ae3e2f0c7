import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const disqus: ClutterRule = {
  id: 'comments/disqus',
  kind: 'comments',
  why: 'Disqus mounts its thread in #disqus_thread (older WordPress plugin: #dsq-content) and loads it in an iframe from disqus.com/embed.',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: ['#disqus_thread', '#dsq-content', '#dsq-comments', '#disqus_comments', '.dsq-brlink'],
  frames: [{ host: 'disqus.com', path: '/embed' }],
  toBlock: (el) =>
    closestMatch(el, '#disqus_thread, #dsq-content') ??
    (el.tagName === 'A' ? el.parentElement : el),
};
