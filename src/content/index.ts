// Content script entry. Injected on demand by the background (never declared in the manifest),
// possibly more than once into the same page: the first run installs one listener and one state,
// later runs find the marker on the page's global object and do nothing.
import { enabledKinds, DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { handleMessages } from '../platform/messaging';
import { loadSettings, onSettingsChanged, saveSettings } from '../platform/storage';
import { createPageDeclutterSession } from './reader/page-declutter-session';
import { createReaderSession } from './reader/reader-session';

const INSTALLED = Symbol.for('declutter.content-script');

function start() {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let loaded: Promise<Settings> | null = null;
  const currentSettings = () =>
    (loaded ??= loadSettings().then(
      (s) => (settings = s),
      () => settings,
    ));

  const declutter = createPageDeclutterSession(document, () => enabledKinds(settings));
  const reader = createReaderSession({
    document,
    settings: currentSettings,
    saveSettings: (next) => {
      settings = next;
      saveSettings(next).catch((error: unknown) =>
        console.warn('Declutter: settings not saved', error),
      );
    },
    declutter,
  });

  onSettingsChanged((next) => {
    settings = next;
    loaded = Promise.resolve(next);
    reader.settingsChanged(next);
  });

  handleMessages({
    ping: () => ({ ready: true }),
    'toggle-reader': async () => ({ open: await reader.toggle() }),
    'toggle-declutter': async () => {
      const current = await currentSettings();
      if (declutter.isEnabled()) declutter.disable();
      else declutter.enable(enabledKinds(current));
      const items = declutter.peek()?.items() ?? [];
      return { enabled: declutter.isEnabled(), hidden: items.filter((i) => i.hidden).length };
    },
  });
}

const scope = globalThis as typeof globalThis & { [INSTALLED]?: true };
if (!scope[INSTALLED]) {
  scope[INSTALLED] = true;
  start();
}
