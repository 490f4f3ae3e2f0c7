// The on-page Declutter state shared by the view, the shortcut and the menu.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageDeclutterSession } from '../../../src/content/reader/page-declutter-session';

afterEach(() => {
  document.body.replaceChildren();
  for (const el of Array.from(document.querySelectorAll('[data-declutter-root]'))) el.remove();
});

describe('page declutter session', () => {
  it('creates one controller lazily and shows the page toolbar only while enabled and allowed', () => {
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments', 'donation'],
    });
    expect(session.peek()).toBeNull();
    session.enable(['comments', 'donation']);
    expect(session.get()).toBe(session.peek());
    expect(session.isEnabled()).toBe(true);
    expect(document.querySelector('[data-declutter-root="toolbar"]')).not.toBeNull();
    session.setToolbarAllowed(false); // the reading view opened over the page
    expect(document.querySelector('[data-declutter-root="toolbar"]')).toBeNull();
    session.setToolbarAllowed(true);
    expect(document.querySelector('[data-declutter-root="toolbar"]')).not.toBeNull();
    session.disable();
    expect(session.isEnabled()).toBe(false);
    expect(document.querySelector('[data-declutter-root]')).toBeNull();
  });

  it('reports kind changes made by the user, not the ones that came from settings', () => {
    const onKindsChanged = vi.fn();
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments', 'donation'],
      onKindsChanged,
    });
    session.enable(['comments', 'donation']);
    expect(onKindsChanged).not.toHaveBeenCalled();
    session.get().setKinds(['comments', 'donation', 'social']); // the hidden panel's checkbox
    expect(onKindsChanged).toHaveBeenCalledWith(['comments', 'donation', 'social']);
    session.disable();
  });
});
