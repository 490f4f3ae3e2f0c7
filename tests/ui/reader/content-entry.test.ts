// The content script may be injected into the same page more than once (every click re-runs
// executeScript when a ping is lost): it must still install exactly one message listener.
import { describe, expect, it, vi } from 'vitest';

const installs = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../../src/platform/messaging', () => ({
  handleMessages: () => {
    installs.count += 1;
    return () => {};
  },
}));
vi.mock('../../../src/platform/storage', () => ({
  loadSettings: async () => ({}),
  saveSettings: async (s: unknown) => s,
  onSettingsChanged: () => () => {},
}));

describe('content script entry', () => {
  it('is idempotent: a second injection adds no second listener or state', async () => {
    await import('../../../src/content/index');
    expect(installs.count).toBe(1);
    vi.resetModules();
    await import('../../../src/content/index');
    expect(installs.count).toBe(1);
  });
});
