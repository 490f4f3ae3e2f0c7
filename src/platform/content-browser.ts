// The extension API as the content script uses it, without webextension-polyfill: the polyfill is
// 9.4 KB of the content script's 150 KB budget (issue 5), and the content script needs little of
// it. scripts/build.ts resolves `webextension-polyfill` to this file for content.js only; the
// background and extension pages keep the real polyfill.
//
// What the content script touches (src/platform/messaging.ts, storage.ts, runtime.ts):
// runtime.id, runtime.onMessage, runtime.sendMessage, storage.{local,sync}.get/set and
// storage.onChanged. Firefox's `browser` already is promise-based and is used as it is (the
// polyfill does the same). Chrome's MV3 `chrome` returns promises from storage and
// runtime.sendMessage by itself; the one gap is runtime.onMessage, whose listeners cannot answer
// by returning a promise. Listeners are wrapped to answer through sendResponse, and errors travel
// in the polyfill's own shape both ways, so the background (which keeps the polyfill) rejects the
// sender's promise with the same message as before.
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;
type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => boolean;

interface ChromeEvent<T> {
  addListener(listener: T): void;
  removeListener(listener: T): void;
  hasListener(listener: T): boolean;
}

interface ChromeLike {
  runtime?: {
    id?: string;
    onMessage: ChromeEvent<ChromeListener>;
    sendMessage(message: unknown): Promise<unknown>;
  };
  storage: unknown;
}

/** The polyfill's marker for an error answer (webextension-polyfill's wrapAsyncListener). */
const REJECT = '__mozWebExtensionPolyfillReject__';
const NO_ANSWER = /The message port closed before a response was received/;

function errorAnswer(error: unknown) {
  const text = (error as { message?: unknown } | null)?.message;
  const message = typeof text === 'string' ? text : 'An unexpected error occurred';
  return { [REJECT]: true, message };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function wrapChrome(chrome: ChromeLike | undefined): Api {
  const wrappers = new Map<Listener, ChromeListener>();
  const onMessage = {
    addListener(listener: Listener) {
      if (wrappers.has(listener)) return;
      const wrapper: ChromeListener = (message, sender, sendResponse) => {
        let result: unknown;
        try {
          result = listener(message, sender);
        } catch (error) {
          sendResponse(errorAnswer(error));
          return false;
        }
        if (!isThenable(result)) return false; // not ours: another listener may answer
        result.then(sendResponse, (error: unknown) => sendResponse(errorAnswer(error)));
        return true; // keeps the channel open for the asynchronous answer
      };
      wrappers.set(listener, wrapper);
      chrome?.runtime?.onMessage.addListener(wrapper);
    },
    removeListener(listener: Listener) {
      const wrapper = wrappers.get(listener);
      if (!wrapper) return;
      wrappers.delete(listener);
      chrome?.runtime?.onMessage.removeListener(wrapper);
    },
    hasListener: (listener: Listener) => wrappers.has(listener),
  };
  const runtime = {
    // Read each time: it disappears when the extension is reloaded (isExtensionContextAlive).
    get id() {
      return chrome?.runtime?.id;
    },
    onMessage,
    async sendMessage(message: unknown) {
      if (!chrome?.runtime) throw new Error('Extension context invalidated.');
      let answer: unknown;
      try {
        answer = await chrome.runtime.sendMessage(message);
      } catch (error) {
        // Nobody answered: undefined, as in Firefox and the polyfill.
        if (error instanceof Error && NO_ANSWER.test(error.message)) return undefined;
        throw error;
      }
      if (typeof answer === 'object' && answer !== null && REJECT in answer) {
        throw new Error(String((answer as { message?: unknown }).message));
      }
      return answer;
    },
  };
  return { runtime, storage: chrome?.storage } as unknown as Api;
}

const scope = globalThis as unknown as { browser?: Api; chrome?: ChromeLike };

const api: Api =
  __BROWSER__ === 'firefox' && scope.browser ? scope.browser : wrapChrome(scope.chrome);

export default api;
