// The on-page Declutter state shared by the view, the shortcut and the menu.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPageDeclutterSession,
  type PageDeclutterSessionOptions,
} from '../../../src/content/reader/page-declutter-session';
import { createPageDeclutter } from '../../../src/content/declutter/page-declutter';
import { createDeclutterSession } from '../../../src/content/declutter/declutter-session';
import { mountPageQuotes } from '../../../src/content/declutter/page-quotes';
import { extractQuotes } from '../../../src/core/index';
import { mountDeclutterToolbar } from '../../../src/ui/declutter/page-toolbar';
import { mountHiddenPanel } from '../../../src/ui/declutter/hidden-panel';
import { keptOutList } from '../../../src/ui/declutter/kept-out-list';
import { mountQuoteLayer } from '../../../src/ui/quotes/quote-layer';
import type { DeclutterFeature } from '../../../src/content/features/types';
import type { KnownFindings } from '../../../src/ui/declutter/page-declutter-types';
import { CLUTTER_KINDS } from '../../../src/core/index';

afterEach(() => {
  document.body.replaceChildren();
  for (const el of Array.from(document.querySelectorAll('[data-declutter-root]'))) el.remove();
});

/** The feature scripts' exports, as the registry hands them over once injected. */
const declutterFeature: DeclutterFeature = {
  createDeclutterSession,
  createPageDeclutter,
  mountHiddenPanel,
  mountDeclutterToolbar,
  keptOutList,
};
const features = () => ({
  loadDeclutter: vi.fn(async () => declutterFeature),
  loadQuotes: vi.fn(async () => ({ extractQuotes, mountQuoteLayer, mountPageQuotes })),
});

describe('page declutter session', () => {
  it('lists what the view kept out above the hidden panel, and removes both on destroy', async () => {
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments'],
      ...features(),
    });
    const column = document.createElement('div');
    document.body.append(column);
    const keptOut = [
      {
        kind: 'comments' as const,
        rule: 'comments/disqus',
        selector: '#disqus_thread',
        text: 'Great post, thanks',
        confidence: 0.95,
      },
    ];
    const panel = await session.mountHiddenPanel(column, { keptOut });
    const list = column.querySelector('.removed');
    expect(list?.textContent).toContain('Kept out of this view (1)');
    expect(list?.textContent).toContain('Disqus');
    expect(list?.nextElementSibling, 'the panel comes after the list').toBe(panel.element);
    panel.destroy();
    expect(column.querySelector('.removed')).toBeNull();
    expect(column.contains(panel.element)).toBe(false);
  });

  it('shows no kept-out list when the view left nothing out', async () => {
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments'],
      ...features(),
    });
    const column = document.createElement('div');
    document.body.append(column);
    const panel = await session.mountHiddenPanel(column, {});
    expect(column.querySelector('.removed')).toBeNull();
    panel.destroy();
  });

  it('is idle only with nothing hidden and no enable on its way (the content script may leave)', async () => {
    document.body.innerHTML = `<article>${'<p>Body text of the article about the harbour.</p>'.repeat(6)}</article><div id="disqus_thread"><p>Great post</p></div>`;
    let arrive: (feature: DeclutterFeature) => void = () => undefined;
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments'],
      ...features(),
      loadDeclutter: () => new Promise<DeclutterFeature>((resolve) => (arrive = resolve)),
    });
    expect(session.isIdle()).toBe(true);
    const enabling = session.enable(['comments']);
    expect(session.isIdle(), 'the Declutter script is on its way').toBe(false);
    arrive(declutterFeature);
    await enabling;
    expect(session.isEnabled()).toBe(true);
    expect(session.isIdle()).toBe(false);
    session.disable();
    expect(session.isIdle()).toBe(true);
  });

  describe('on a page too large to search here', () => {
    // A comment section detection would find (#disqus_thread), and another block that only the
    // analysis off the tab reports (#forum): which one ends up hidden shows who searched.
    const page = () => {
      document.body.innerHTML = `<article>${'<p>Body text of the article about the harbour.</p>'.repeat(6)}</article><div id="disqus_thread"><p>Great post</p></div><div id="forum"><p>Thread</p></div>`;
    };
    const awayFinding = {
      kind: 'comments' as const,
      rule: 'comments/generic-thread',
      selector: '#forum',
      text: 'Thread',
      confidence: 0.75,
    };
    const hidden = () =>
      Array.from(document.querySelectorAll('[data-declutter-hidden]'), (el) => el.id);
    const sessionFor = (veryLarge: boolean, findAway: PageDeclutterSessionOptions['findAway']) =>
      createPageDeclutterSession(document, {
        initialKinds: () => ['comments'],
        ...features(),
        isVeryLarge: () => veryLarge,
        findAway,
      });

    it('hides what the analysis off the tab found, for every kind, without searching the page', async () => {
      page();
      const findAway = vi.fn(async (kinds: readonly string[]) => ({
        kinds: [...kinds] as never,
        findings: [awayFinding],
      }));
      const session = sessionFor(true, findAway);
      await session.enable(['comments']);
      expect(findAway).toHaveBeenCalledWith(['comments', 'donation', 'newsletter', 'social']);
      expect(hidden()).toEqual(['forum']);
      session.disable();
    });

    it('reads the page off the tab once when Declutter is asked for again meanwhile', async () => {
      page();
      let answer: (known: KnownFindings) => void = () => undefined;
      const findAway = vi.fn(
        (_kinds: readonly string[]) => new Promise<KnownFindings>((resolve) => (answer = resolve)),
      );
      const session = sessionFor(true, findAway);
      const first = session.enable(['comments']);
      // Let the first press reach its wait for the reading.
      await vi.waitFor(() => expect(findAway).toHaveBeenCalledTimes(1));
      const second = session.enable(['comments']);
      answer({ kinds: [...CLUTTER_KINDS], findings: [awayFinding] });
      expect(await first, 'the earlier press gives way').toBe(false);
      expect(await second).toBe(true);
      expect(findAway).toHaveBeenCalledTimes(1);
      expect(hidden()).toEqual(['forum']);
      session.disable();
    });

    it('says it is at work while the page is read off the tab, and a disable meanwhile cancels', async () => {
      page();
      let answer: (known: KnownFindings) => void = () => undefined;
      const session = sessionFor(
        true,
        () => new Promise<KnownFindings>((resolve) => (answer = resolve)),
      );
      const heard: boolean[] = [];
      session.onChange(() => heard.push(session.isWorking()));
      expect(session.isWorking()).toBe(false);
      const pressed = session.enable(['comments']);
      expect(session.isWorking()).toBe(true);
      expect(heard, 'the switch can show it at once').toEqual([true]);
      session.disable();
      answer({ kinds: [...CLUTTER_KINDS], findings: [awayFinding] });
      expect(await pressed).toBe(false);
      expect(session.isWorking()).toBe(false);
      expect(heard[heard.length - 1]).toBe(false);
      expect(hidden()).toEqual([]);
    });

    it('searches the page after all when the analysis off the tab fails', async () => {
      page();
      const session = sessionFor(true, async () => {
        throw new Error('background went away');
      });
      await session.enable(['comments']);
      expect(hidden()).toEqual(['disqus_thread']);
      session.disable();
    });

    it('does not ask off the tab for a page of ordinary size', async () => {
      page();
      const findAway = vi.fn();
      const session = sessionFor(false, findAway);
      await session.enable(['comments']);
      expect(findAway).not.toHaveBeenCalled();
      expect(hidden()).toEqual(['disqus_thread']);
      session.disable();
    });
  });

  it('creates one controller lazily and shows the page toolbar only while enabled and allowed', async () => {
    const loaders = features();
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments', 'donation'],
      ...loaders,
    });
    expect(session.peek()).toBeNull();
    expect(loaders.loadDeclutter, 'nothing loaded before it is used').not.toHaveBeenCalled();
    await session.enable(['comments', 'donation']);
    expect(await session.load()).toBe(session.peek());
    expect(loaders.loadDeclutter).toHaveBeenCalledTimes(1);
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

  it('reports kind changes made by the user, not the ones that came from settings', async () => {
    const onKindsChanged = vi.fn();
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments', 'donation'],
      onKindsChanged,
      ...features(),
    });
    await session.enable(['comments', 'donation']);
    expect(onKindsChanged).not.toHaveBeenCalled();
    (await session.load()).setKinds(['comments', 'donation', 'social']); // the hidden panel's checkbox
    expect(onKindsChanged).toHaveBeenCalledWith(['comments', 'donation', 'social']);
    session.disable();
  });

  it('a disable that comes while the Declutter script is still loading wins', async () => {
    let arrive: (feature: DeclutterFeature) => void = () => {};
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments'],
      loadDeclutter: () => new Promise<DeclutterFeature>((resolve) => (arrive = resolve)),
      loadQuotes: features().loadQuotes,
    });
    const enabling = session.enable(['comments']);
    session.disable();
    arrive(declutterFeature);
    expect(await enabling).toBe(false);
    expect(session.isEnabled()).toBe(false);
    expect(document.querySelector('[data-declutter-root="toolbar"]')).toBeNull();
  });

  it('tells listeners about changes of a controller created after they subscribed', async () => {
    const session = createPageDeclutterSession(document, {
      initialKinds: () => ['comments'],
      ...features(),
    });
    const listener = vi.fn();
    session.onChange(listener);
    await session.enable(['comments']);
    expect(listener).toHaveBeenCalled();
    listener.mockClear();
    session.disable();
    expect(listener).toHaveBeenCalled();
  });
});
