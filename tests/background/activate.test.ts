// The background's click logic with the platform layer mocked: restricted pages get a message,
// the Chromium first-injection race is retried exactly once, other failures become a message,
// the first click on a page injects while the command is on its way, and a tab that already has
// our content script is not injected again.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  inject: vi.fn<(tabId: number, files: string[]) => Promise<void>>(),
  send: vi.fn<(tabId: number, message: unknown) => Promise<unknown>>(),
  setPopup: vi.fn<(tabId: number, popup: string) => Promise<void>>(),
  openPopup: vi.fn<(windowId?: number) => Promise<void>>(),
  badge: vi.fn<(tabId: number, text: string, color?: string) => Promise<void>>(),
  title: vi.fn<(tabId: number, title: string | null) => Promise<void>>(),
  session: new Map<string, unknown>(),
  loadSettings: vi.fn<() => Promise<unknown>>(),
}));

vi.mock('../../src/platform/scripting', () => ({ injectFiles: calls.inject }));
vi.mock('../../src/platform/messaging', () => ({ sendToTab: calls.send }));
vi.mock('../../src/platform/storage', () => ({ loadSettings: calls.loadSettings }));
vi.mock('../../src/platform/action', () => ({
  setTabPopup: calls.setPopup,
  openPopup: calls.openPopup,
  setTabBadge: calls.badge,
  setTabTitle: calls.title,
}));
vi.mock('../../src/platform/session-store', () => ({
  sessionGet: async (key: string, fallback: unknown) =>
    calls.session.has(key) ? calls.session.get(key) : fallback,
  sessionSet: async (key: string, value: unknown) => void calls.session.set(key, value),
}));

const { activateInTab, forgetContentScript } = await import('../../src/background/activate');
const { DEFAULT_SETTINGS } = await import('../../src/shared/settings');
const { clearTabNotice, messagePageUrl } = await import('../../src/background/tab-notice');

const ARTICLE = { id: 7, windowId: 1, url: 'https://example.org/news/story' };
const RACE = new Error(
  'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
);

let injected = false;

/** No content script listens until an injection of content.js has completed; then every message is answered. */
function contentScriptAbsent() {
  injected = false;
  calls.inject.mockImplementation(async () => {
    await Promise.resolve();
    injected = true;
  });
  calls.send.mockImplementation(async () => {
    if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { open: true };
  });
}

beforeEach(() => {
  vi.clearAllMocks();
  calls.session.clear();
  for (let tabId = 1; tabId < 10; tabId++) forgetContentScript(tabId);
  calls.setPopup.mockResolvedValue();
  calls.openPopup.mockResolvedValue();
  calls.badge.mockResolvedValue();
  calls.title.mockResolvedValue();
  calls.loadSettings.mockResolvedValue(DEFAULT_SETTINGS);
  contentScriptAbsent();
});

describe('activateInTab', () => {
  it('injects content.js into the tab, then sends the typed toggle', async () => {
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('sent');
    expect(calls.inject).toHaveBeenCalledExactlyOnceWith(7, ['content.js']);
    expect(calls.send).toHaveBeenLastCalledWith(7, {
      type: 'toggle-reader',
      settings: DEFAULT_SETTINGS,
    });
    expect(calls.setPopup).not.toHaveBeenCalled();
  });

  it('starts injecting on a page it has not injected yet without waiting for the command to fail', async () => {
    let injectingWhenSent: boolean | null = null;
    calls.send.mockImplementationOnce(async () => {
      injectingWhenSent = calls.inject.mock.calls.length > 0;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('sent');
    expect(injectingWhenSent).toBe(true);
    expect(calls.inject).toHaveBeenCalledOnce();
    expect(calls.send).toHaveBeenCalledTimes(2);
  });

  it('sends the settings with a command that may reach the script just injected', async () => {
    calls.send.mockResolvedValue({ open: true });
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('sent');
    expect(calls.send).toHaveBeenCalledExactlyOnceWith(7, {
      type: 'toggle-reader',
      settings: DEFAULT_SETTINGS,
    });
  });

  it('reads the settings while injecting, and sends the command without them if that fails', async () => {
    calls.loadSettings.mockImplementation(async () => {
      expect(injected, 'the read starts before the injection is done').toBe(false);
      throw new Error('storage unavailable');
    });
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('sent');
    expect(calls.loadSettings).toHaveBeenCalledOnce();
    expect(calls.send).toHaveBeenLastCalledWith(7, { type: 'toggle-reader' });
  });

  it('sends the command straight to a content script that is already there (one round trip)', async () => {
    await activateInTab(ARTICLE, { type: 'toggle-reader' });
    vi.clearAllMocks();
    calls.send.mockResolvedValue({ enabled: true, hidden: 2 });
    await expect(activateInTab(ARTICLE, { type: 'toggle-declutter' })).resolves.toBe('sent');
    expect(calls.inject).not.toHaveBeenCalled();
    expect(calls.send).toHaveBeenCalledExactlyOnceWith(7, { type: 'toggle-declutter' });
  });

  it('injects again once the tab has loaded a new page', async () => {
    await activateInTab(ARTICLE, { type: 'toggle-reader' });
    forgetContentScript(ARTICLE.id);
    contentScriptAbsent();
    vi.clearAllMocks();
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('sent');
    expect(calls.inject).toHaveBeenCalledOnce();
  });

  it('does not inject again when the content script is there but its answer is an error', async () => {
    await activateInTab(ARTICLE, { type: 'toggle-reader' });
    vi.clearAllMocks();
    calls.send.mockRejectedValue(new Error('The page could not be read'));
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('no-answer');
    expect(calls.inject).not.toHaveBeenCalled();
    expect(calls.send).toHaveBeenCalledOnce();
  });

  it('retries the Chromium first-injection race once and succeeds', async () => {
    calls.inject.mockRejectedValueOnce(RACE);
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('sent');
    expect(calls.inject).toHaveBeenCalledTimes(2);
    expect(calls.setPopup).not.toHaveBeenCalled();
  });

  it('retries only once: a second race error becomes a message', async () => {
    calls.inject.mockRejectedValue(RACE);
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('inject-failed');
    expect(calls.inject).toHaveBeenCalledTimes(2);
    expect(calls.setPopup).toHaveBeenCalledOnce();
  });

  it('does not retry other errors', async () => {
    calls.inject.mockRejectedValue(new Error('The extensions gallery cannot be scripted.'));
    await expect(activateInTab(ARTICLE, { type: 'toggle-reader' })).resolves.toBe('inject-failed');
    expect(calls.inject).toHaveBeenCalledOnce();
    const popup = calls.setPopup.mock.calls[0]?.[1] ?? '';
    expect(new URLSearchParams(popup.split('?')[1]).get('text')).toMatch(/extension store/);
  });

  it('shows a message instead of injecting on restricted pages, opening the popup at once', async () => {
    const tab = { id: 3, windowId: 2, url: 'chrome://settings/' };
    await expect(activateInTab(tab, { type: 'toggle-reader' })).resolves.toBe('restricted');
    expect(calls.inject).not.toHaveBeenCalled();
    const [tabId, popup] = calls.setPopup.mock.calls[0] ?? [];
    expect(tabId).toBe(3);
    expect(popup).toMatch(/^message\.html\?reason=restricted&text=/);
    expect(calls.openPopup).toHaveBeenCalledWith(2);
    expect(calls.badge).not.toHaveBeenCalled();
  });

  it('treats a tab whose URL the browser hides (no activeTab grant) as restricted', async () => {
    await expect(activateInTab({ id: 4 }, { type: 'toggle-reader' })).resolves.toBe('restricted');
    expect(calls.inject).not.toHaveBeenCalled();
  });

  it('explains file:// access when injection into a local file fails', async () => {
    calls.inject.mockRejectedValue(
      new Error('Cannot access contents of url "file:///tmp/a.html".'),
    );
    await activateInTab({ id: 5, url: 'file:///tmp/a.html' }, { type: 'toggle-reader' });
    const popup = calls.setPopup.mock.calls[0]?.[1] ?? '';
    expect(new URLSearchParams(popup.split('?')[1]).get('text')).toMatch(/file URLs/);
  });

  it('falls back to a badge and tooltip when the popup cannot be opened', async () => {
    calls.openPopup.mockRejectedValue(new Error('openPopup requires a user gesture'));
    await activateInTab({ id: 6, url: 'about:config' }, { type: 'toggle-reader' });
    expect(calls.badge).toHaveBeenCalledWith(6, '!', expect.any(String));
    expect(calls.title.mock.calls[0]?.[1]).toMatch(/^Declutter: Browser pages/);
  });

  it('clears the notice when its tab navigates, and only for tabs that had one', async () => {
    await activateInTab(
      { id: 8, url: 'view-source:https://a.example/' },
      { type: 'toggle-reader' },
    );
    vi.clearAllMocks();
    await clearTabNotice(9);
    expect(calls.setPopup).not.toHaveBeenCalled();
    await clearTabNotice(8);
    expect(calls.setPopup).toHaveBeenCalledWith(8, '');
    expect(calls.badge).toHaveBeenCalledWith(8, '');
    expect(calls.title).toHaveBeenCalledWith(8, null);
  });

  it('encodes the message so any text survives the URL', () => {
    const url = messagePageUrl({ code: 'restricted', message: 'a & b ? c = “d”' });
    expect(new URLSearchParams(url.split('?')[1]).get('text')).toBe('a & b ? c = “d”');
  });
});
