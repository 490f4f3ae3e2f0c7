// Turns the browser's refusal to inject into a sentence the user can act on. The browsers'
// messages are not a stable API, so the URL decides first and the message only refines it.
// Direct imports (not core/index): the background must not bundle the whole extraction pipeline.
import type { NoArticleReason } from '../core/types';
import { FILE_ACCESS_REASON, restrictedPageReason } from '../core/reader/restricted';

export function injectionFailureReason(url: string | undefined, error: string): NoArticleReason {
  if (url?.startsWith('file:')) return FILE_ACCESS_REASON;
  const restricted = restrictedPageReason(url);
  if (restricted) return restricted;
  if (/gallery|webstore|addons/i.test(error)) {
    return {
      code: 'restricted',
      message: 'The browser does not let extensions run on its extension store.',
    };
  }
  return {
    code: 'restricted',
    message:
      'The browser did not let Declutter read this page. Built-in viewers (PDF, images) and ' +
      'some protected pages cannot be opened in the reading view.',
  };
}
