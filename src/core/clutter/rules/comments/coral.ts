import { PLATFORM, type ClutterRule } from '../../rule';

export const coral: ClutterRule = {
  id: 'comments/coral',
  kind: 'comments',
  why: 'Coral Talk mounts in #coral_thread (v5, shadow DOM) or #coral_talk_stream (v4) and loads /embed/stream from the publisher host.',
  confidence: 0.95,
  specificity: PLATFORM,
  selectors: [
    '#coral_thread',
    '#coral_talk_stream',
    '#coral-container',
    '[id^="coral_talk_"]',
    '.coral-comments',
    'iframe[src*="/embed/stream?"][src*="storyURL"]',
  ],
};
