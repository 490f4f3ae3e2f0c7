// A comment or reply form on any site: a form with a textarea that says it is for comments (by
// its names, its action, its submit button or the heading above it). Contact forms and search
// boxes do not qualify; the engine keeps it to blocks after the article.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { isPageForm, names } from '../../engine/dom';
import { COMMENT_HEADING } from './generic-thread';
import { closestMatch } from '../../engine/matcher';

const FORM_NAMES = /comment|reply|respond|discuss|reaction/;
const SUBMIT_TEXT =
  /\b(?:post|submit|add|publish|send)\s+(?:a\s+|your\s+)?(?:comment|reply|response)\b|^\s*(?:comment|reply)\s*$/i;

function headingBefore(form: Element, page: PageContext): boolean {
  let node: Element | null = form;
  for (let up = 0; up < 3 && node; up++, node = node.parentElement) {
    for (
      let sib = node.previousElementSibling, n = 0;
      sib && n < 3;
      sib = sib.previousElementSibling, n++
    ) {
      if (/^H[1-6]$/.test(sib.tagName) && COMMENT_HEADING.test(page.text(sib))) return true;
    }
  }
  return false;
}

function isCommentForm(form: Element, page: PageContext): boolean {
  if (!form.querySelector('textarea') || form.querySelector('input[type="password"]')) return false;
  if (isPageForm(form)) return false;
  const action = (form.getAttribute('action') ?? '').toLowerCase();
  if (FORM_NAMES.test(names(form)) || /comment|reply/.test(action)) return true;
  const textarea = form.querySelector('textarea');
  if (
    textarea &&
    FORM_NAMES.test(names(textarea) + ' ' + (textarea.getAttribute('name') ?? '').toLowerCase())
  )
    return true;
  for (const b of form.querySelectorAll('button, input[type="submit"]')) {
    const label = b.tagName === 'INPUT' ? (b.getAttribute('value') ?? '') : page.text(b);
    if (SUBMIT_TEXT.test(label)) return true;
  }
  return headingBefore(form, page);
}

export const replyForm: ClutterRule = {
  id: 'comments/reply-form',
  kind: 'comments',
  why: "A form with a textarea labelled for comments or replies (names, action, button, heading) is the comment section's reply form.",
  confidence: 0.7,
  specificity: HEURISTIC,
  needsThread: true,
  detect(page) {
    const out: Element[] = [];
    for (const form of page.queryAll('form')) {
      if (!isCommentForm(form, page)) continue;
      const wrapper =
        form.parentElement &&
        closestMatch(
          form.parentElement,
          '[id*="respond"], [class*="respond"], [id*="omment-form"], [class*="omment-form"]',
        );
      out.push(wrapper || form);
    }
    return out;
  },
};
