// Small values that must survive the background being unloaded (MV3 service worker / event page)
// but not a browser restart: storage.session, with an in-memory fallback where it is missing.
import browser from 'webextension-polyfill';

const memory = new Map<string, unknown>();

function sessionArea(): browser.Storage.StorageArea | undefined {
  return (browser.storage as { session?: browser.Storage.StorageArea }).session;
}

export async function sessionGet<T>(key: string, fallback: T): Promise<T> {
  const area = sessionArea();
  if (!area) return (memory.has(key) ? memory.get(key) : fallback) as T;
  const got = await area.get(key);
  return key in got ? (got[key] as T) : fallback;
}

export async function sessionSet(key: string, value: unknown): Promise<void> {
  const area = sessionArea();
  if (!area) {
    memory.set(key, value);
    return;
  }
  await area.set({ [key]: value });
}
