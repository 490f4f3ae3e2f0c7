// The content script's small stand-in for webextension-polyfill on Chrome: promise-returning
// onMessage listeners answer through sendResponse, errors travel in the polyfill's shape.
import { describe, expect, it, vi } from 'vitest';
import { wrapChrome } from '../../src/platform/content-browser';

type ChromeListener = (m: unknown, s: unknown, respond: (r: unknown) => void) => boolean;

function fakeChrome(sendMessage: (m: unknown) => Promise<unknown> = async () => undefined) {
  const listeners = new Set<ChromeListener>();
  const chrome = {
    runtime: {
      id: 'abc',
      onMessage: {
        addListener: (l: ChromeListener) => listeners.add(l),
        removeListener: (l: ChromeListener) => listeners.delete(l),
        hasListener: (l: ChromeListener) => listeners.has(l),
      },
      sendMessage: vi.fn(sendMessage),
    },
    storage: { local: {} },
  };
  /** Delivers a message the way Chrome does; resolves with the answer (or 'no answer'). */
  const deliver = (message: unknown) =>
    new Promise((resolve) => {
      let open = false;
      for (const listener of listeners) open = listener(message, {}, resolve) || open;
      if (!open) resolve('no answer');
    });
  return { chrome, listeners, deliver };
}

describe('content-script browser adapter (Chrome)', () => {
  it('answers with what a listener’s promise resolves to, and leaves other messages alone', async () => {
    const { chrome, deliver } = fakeChrome();
    const api = wrapChrome(chrome);
    api.runtime.onMessage.addListener(((m: { type: string }) =>
      m.type === 'ping' ? Promise.resolve({ ready: true }) : undefined) as never);
    await expect(deliver({ type: 'ping' })).resolves.toEqual({ ready: true });
    await expect(deliver({ type: 'other' })).resolves.toBe('no answer');
  });

  it('sends a rejection in the polyfill’s error shape, which the background turns back into an error', async () => {
    const { chrome, deliver } = fakeChrome();
    const api = wrapChrome(chrome);
    api.runtime.onMessage.addListener((() => Promise.reject(new Error('broken'))) as never);
    await expect(deliver({})).resolves.toEqual({
      __mozWebExtensionPolyfillReject__: true,
      message: 'broken',
    });
  });

  it('removes the wrapper it added', () => {
    const { chrome, listeners } = fakeChrome();
    const api = wrapChrome(chrome);
    const listener = (() => undefined) as never;
    api.runtime.onMessage.addListener(listener);
    expect(listeners.size).toBe(1);
    api.runtime.onMessage.removeListener(listener);
    expect(listeners.size).toBe(0);
  });

  it('sendMessage: resolves answers, rejects error answers, reads the id live', async () => {
    const answers: unknown[] = [
      { loaded: true },
      { __mozWebExtensionPolyfillReject__: true, message: 'Cannot access contents of the page' },
    ];
    const { chrome } = fakeChrome(async () => answers.shift());
    const api = wrapChrome(chrome);
    await expect(api.runtime.sendMessage({ type: 'load-feature' })).resolves.toEqual({
      loaded: true,
    });
    await expect(api.runtime.sendMessage({})).rejects.toThrow('Cannot access contents');
    expect(api.runtime.id).toBe('abc');
    chrome.runtime.id = undefined as unknown as string; // extension reloaded
    expect(api.runtime.id).toBeUndefined();
  });
});
