// Pages whose main content *is* a discussion (forum threads, issue trackers, Q&A pages, wiki
// histories, a platform's own comments page): their "comments" are the content, never clutter.

/** Markup of forum, Q&A and issue-tracker software and of discussion-page microdata. */
import type { PageContext } from './context';

export const DISCUSSION_PAGE_MARKERS = [
  '[itemtype*="schema.org/QAPage"]',
  '[itemtype*="schema.org/DiscussionForumPosting"]',
  '.js-discussion',
  '.timeline-comment',
  '#question[data-questionid]',
  '.answer[data-answerid]',
  '#pagehistory',
  '.mw-changeslist',
  '.postprofile',
  '#postlist',
  '.postbit',
  '.message--post',
  '.topic-post',
  '#forumposts',
  '.cPost',
  '.comments-page',
  '.commentarea .nestedlisting',
  'shreddit-comment-tree',
  'table.comment-tree',
].join(', ');

export function isDiscussionPage(page: PageContext): boolean {
  return page.queryDocument(DISCUSSION_PAGE_MARKERS).length > 0;
}
