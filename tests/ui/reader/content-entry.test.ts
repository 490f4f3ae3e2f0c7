// The content script may be injected into the same page more than once (every click re-runs
// executeScript when a ping is lost): it must still install exactly one message listener. A copy
// left by a previous version of the extension (dead connection) is replaced.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageHandlers } from '../../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const state = vi.hoisted(() => ({
  installs: 0,
  removed: 0,
  alive: true,
  handlers: null as MessageHandlers | null,
  sent: [] as unknown[],
}));

vi.mock('../../../src/platform/messaging', () => ({
  handleMessages: (handlers: MessageHandlers) => {
    state.installs += 1;
    state.handlers = handlers;
    return () => {
      state.removed += 1;
    };
  },
  sendToBackground: async (message: unknown) => {
    state.sent.push(message);
    return null;
  },
}));
vi.mock('../../../src/platform/runtime', () => ({
  isExtensionContextAlive: () => state.alive,
}));
vi.mock('../../../src/platform/storage', () => ({
  loadSettings: async () => ({ ...DEFAULT_SETTINGS }),
  saveSettings: async (s: unknown) => s,
  onSettingsChanged: () => () => {},
}));

const INSTALLED = Symbol.for('declutter.content-script');

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[INSTALLED];
  Object.assign(state, { installs: 0, removed: 0, alive: true, handlers: null, sent: [] });
  vi.resetModules();
});

describe('content script entry', () => {
  it('is idempotent: a second injection adds no second listener or state', async () => {
    await import('../../../src/content/index');
    expect(state.installs).toBe(1);
    vi.resetModules();
    await import('../../../src/content/index');
    expect(state.installs).toBe(1);
    expect(state.removed).toBe(0);
  });

  it('replaces a copy whose extension connection died (extension reloaded or updated)', async () => {
    await import('../../../src/content/index');
    state.alive = false;
    vi.resetModules();
    await import('../../../src/content/index');
    expect(state.removed).toBe(1);
    expect(state.installs).toBe(2);
  });

  it('leaves the page once the view is closed and nothing is hidden, and comes back fresh', async () => {
    document.body.innerHTML = `<article><h1>Harbour dredging</h1>${'<p>The council voted on Tuesday to resume dredging the harbour channel after two years of delay.</p>'.repeat(8)}</article>`;
    const scope = globalThis as Record<symbol, unknown>;
    await import('../../../src/content/index');
    const toggle = (type: 'toggle-reader' | 'toggle-declutter') =>
      (state.handlers![type] as (m: { type: string }) => Promise<unknown>)({ type });
    await expect(toggle('toggle-reader')).resolves.toEqual({ open: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Open: it stays.
    expect(state.removed).toBe(0);
    expect(scope[INSTALLED]).toBeDefined();
    await expect(toggle('toggle-reader')).resolves.toEqual({ open: false });
    await vi.waitFor(() => expect(state.removed).toBe(1));
    expect(scope[INSTALLED]).toBeUndefined();
    expect(scope[Symbol.for('declutter.core')]).toBeUndefined();
    expect(scope[Symbol.for('declutter.features')]).toBeUndefined();
    expect(state.sent).toEqual([{ type: 'content-left' }]);
    // The next click injects it again: a new copy with its own listener.
    vi.resetModules();
    await import('../../../src/content/index');
    expect(state.installs).toBe(2);
    expect(scope[INSTALLED]).toBeDefined();
    document.body.replaceChildren();
  });
});
