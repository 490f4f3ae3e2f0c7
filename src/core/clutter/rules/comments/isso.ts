import { PLATFORM, type ClutterRule } from '../../rule';

export const isso: ClutterRule = {
  id: 'comments/isso',
  kind: 'comments',
  why: 'Isso (self-hosted, any host) renders into section#isso-thread from a script[data-isso] embed.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: ['#isso-thread', '.isso-thread'],
};
