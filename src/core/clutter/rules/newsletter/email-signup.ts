// Newsletter sign-up boxes on any site: a small form whose only real field is an email address
// (no textarea, no password, at most a name besides), inside a small box.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { inNavigation } from '../../engine/dom';
import { smallBox } from '../../engine/boxes';

const VISIBLE_FIELDS =
  'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="image"]):not([type="checkbox"]):not([type="radio"]), select, textarea';

function isSignupForm(form: Element): boolean {
  if (form.querySelector('textarea, input[type="password"], input[type="file"]')) return false;
  const email = form.querySelector(
    'input[type="email"], input[name*="email" i], input[name*="EMAIL"], input[placeholder*="mail" i]',
  );
  if (!email) return false;
  return form.querySelectorAll(VISIBLE_FIELDS).length <= 3;
}

export const emailSignup: ClutterRule = {
  id: 'newsletter/email-signup',
  kind: 'newsletter',
  why: 'A small form whose only field is an email address, with a submit button, is a newsletter sign-up box.',
  confidence: 0.8,
  specificity: HEURISTIC,
  detect(page: PageContext) {
    const out: Element[] = [];
    for (const form of page.queryAll('form')) {
      if (inNavigation(form) || !isSignupForm(form)) continue;
      const box = smallBox(form, page, 600);
      if (!out.some((o) => o.contains(box))) out.push(box);
    }
    return out;
  },
};
