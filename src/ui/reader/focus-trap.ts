// Keeps keyboard focus inside the modal view: Tab from the last control wraps to the first and
// Shift+Tab the other way, and focus that lands on the page underneath (a click on nothing, a
// page script) is brought back. role="dialog" + aria-modal tells assistive technology the same.

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function focusableIn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[hidden]') && !el.hasAttribute('inert'),
  );
}

/** Handles Tab inside `container` (in `shadow`). Returns true when it moved focus itself. */
export function wrapTab(event: KeyboardEvent, shadow: ShadowRoot, container: ParentNode): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusableIn(container);
  if (items.length === 0) return false;
  const first = items[0] as HTMLElement;
  const last = items[items.length - 1] as HTMLElement;
  const active = shadow.activeElement;
  if (event.shiftKey && (active === first || !active)) {
    last.focus();
  } else if (!event.shiftKey && (active === last || !active)) {
    first.focus();
  } else {
    return false;
  }
  event.preventDefault();
  return true;
}
