import { PLATFORM, type ClutterRule } from '../../rule';

export const hyvorTalk: ClutterRule = {
  id: 'comments/hyvor-talk',
  kind: 'comments',
  why: 'Hyvor Talk is the <hyvor-talk-comments> custom element (legacy embed: #hyvor-talk-view with an iframe from talk.hyvor.com).',
  confidence: 0.97,
  specificity: PLATFORM,
  selectors: ['#hyvor-talk-view'],
  customElements: ['hyvor-talk-comments'],
  frames: [{ host: 'talk.hyvor.com' }],
};
