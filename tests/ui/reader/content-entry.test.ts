// The content script may be injected into the same page more than once (every click re-runs
// executeScript when a ping is lost): it must still install exactly one message listener. A copy
// left by a previous version of the extension (dead connection) is replaced.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ installs: 0, removed: 0, alive: true }));

vi.mock('../../../src/platform/messaging', () => ({
  handleMessages: () => {
    state.installs += 1;
    return () => {
      state.removed += 1;
    };
  },
}));
vi.mock('../../../src/platform/runtime', () => ({
  isExtensionContextAlive: () => state.alive,
}));
vi.mock('../../../src/platform/storage', () => ({
  loadSettings: async () => ({}),
  saveSettings: async (s: unknown) => s,
  onSettingsChanged: () => () => {},
}));

const INSTALLED = Symbol.for('declutter.content-script');

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[INSTALLED];
  Object.assign(state, { installs: 0, removed: 0, alive: true });
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
});
