import { PLATFORM, type ClutterRule } from '../../rule';
import { closestMatch } from '../../engine/matcher';

export const ghost: ClutterRule = {
  id: 'comments/ghost',
  kind: 'comments',
  why: 'Ghost native comments: the {{comments}} helper emits a .gh-comments block with a script[data-ghost-comments] that mounts the comments-ui iframe.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['.gh-comments', 'script[data-ghost-comments]', 'iframe[title="comments-frame"]'],
  toBlock: (el) => {
    const block = closestMatch(el, '.gh-comments');
    if (block) return block;
    // The script and the iframe it inserts sit in the theme's comments wrapper.
    return el.parentElement && el.parentElement.tagName !== 'BODY' ? el.parentElement : null;
  },
};
