// Settings persistence: storage.sync so the choice follows the user, falling back to
// storage.local where sync is unavailable or refuses (disabled sync, quota). Everything read back
// goes through validateSettings.
import browser from 'webextension-polyfill';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  mergeSettings,
  validateSettings,
  type Settings,
} from '../shared/settings';

async function readArea(area: 'sync' | 'local'): Promise<unknown> {
  const got = await browser.storage[area].get(SETTINGS_KEY);
  return got[SETTINGS_KEY];
}

export async function loadSettings(): Promise<Settings> {
  let raw: unknown;
  try {
    raw = await readArea('sync');
  } catch {
    raw = undefined;
  }
  if (raw === undefined) {
    try {
      raw = await readArea('local');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }
  return validateSettings(raw);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = validateSettings(settings);
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: valid });
  } catch {
    await browser.storage.local.set({ [SETTINGS_KEY]: valid });
  }
  return valid;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return saveSettings(mergeSettings(await loadSettings(), patch));
}

/** Calls `listener` with the validated settings whenever another context changes them. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) {
      listener(validateSettings(changes[SETTINGS_KEY]?.newValue));
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
