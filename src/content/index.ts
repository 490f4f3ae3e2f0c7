// Content script entry. Injected on demand by the background (never declared in the manifest),
// possibly more than once into the same page: the first run installs one listener and one state,
// later runs find the marker on the global object and do nothing. The one exception is a copy
// left behind by a previous version of the extension (reloaded or updated): its connection to
// the extension is dead, so it is shut down (closing its view) and this copy takes over.
//
// Once the view is closed and nothing is hidden on the page, the script leaves: it removes its
// listeners and its marks on the global object and tells the background, which injects it again
// at the next click. Its code, the feature scripts' and everything they built can then be
// collected, so a page read once does not carry about a megabyte of ours for the rest of its life
// (issue 5's heap budget: +1.23 MB after 20 open/close cycles before, +0.10 MB now). The cost is
// a new injection at the next click: the seed page reopens in 36 ms instead of 31 (median,
// scripts/measure-open.ts --reopen).
import { CLUTTER_KINDS, locateFinding } from '../core/index';
import {
  enabledKinds,
  mergeSettings,
  validateSettings,
  DEFAULT_SETTINGS,
  type Settings,
} from '../shared/settings';
import { handleMessages, sendToBackground } from '../platform/messaging';
import { isExtensionContextAlive } from '../platform/runtime';
import { loadSettings, onSettingsChanged, saveSettings } from '../platform/storage';
import { createPageDeclutterSession } from './reader/page-declutter-session';
import { createReaderSession } from './reader/reader-session';
import { HUGE_PAGE_ELEMENTS, isVeryLarge, measurePageSize } from './reader/page-size';
import { loadFeature, resetFeatures, type RequestFeature } from './features/registry';
import { exposeSharedCore, withdrawSharedCore } from './features/shared-core';
import { createContentDetector, type ContentDetector } from './clutter-detector';

const INSTALLED = Symbol.for('declutter.content-script');

interface Installed {
  alive(): boolean;
  shutDown(): void;
}

/** The background injects the feature's script into this tab (src/background/inject.ts). */
const requestFeature: RequestFeature = async (feature) => {
  await sendToBackground({ type: 'load-feature', feature });
};

/** `leave`: called once the view is closed and nothing is hidden on the page. */
function start(detector: ContentDetector, leave: () => void): Installed {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let loaded: Promise<Settings> | null = null;
  const currentSettings = () =>
    (loaded ??= loadSettings().then(
      (s) => (settings = s),
      () => settings,
    ));

  const persist = (next: Settings) => {
    settings = next;
    saveSettings(next).catch((error: unknown) =>
      console.warn('Declutter: settings not saved', error),
    );
  };
  const loadQuotes = () => loadFeature('quotes', requestFeature);
  const declutter = createPageDeclutterSession(document, {
    loadDeclutter: () => loadFeature('declutter', requestFeature),
    loadQuotes,
    initialKinds: () => enabledKinds(settings),
    // On a very large page, clutter is searched for off the tab, as "Try anyway" reads it.
    isVeryLarge: () => isVeryLarge(measurePageSize(document, HUGE_PAGE_ELEMENTS)),
    findAway: (kinds) =>
      loadFeature('large-page', requestFeature).then((large) =>
        large.findClutterAway(document, kinds, sendToBackground),
      ),
    // The hidden panel's kind switches are the same setting as the options page's.
    onKindsChanged: (kinds) => {
      const hideKinds = Object.fromEntries(CLUTTER_KINDS.map((k) => [k, kinds.includes(k)]));
      persist(mergeSettings(settings, { hideKinds: hideKinds as Settings['hideKinds'] }));
    },
  });
  // On the next task: a close can be followed at once by an enable ("Declutter the page instead").
  // A command that arrives meanwhile is safe too: toggle() marks the view as opening, and enable()
  // itself as pending, before their first await (the settings they await were read by the open
  // or enable that came before any close), so no task can run in between and see it idle.
  const leaveWhenIdle = () =>
    setTimeout(() => {
      if (reader.isIdle() && declutter.isIdle()) leave();
    });
  declutter.onChange(leaveWhenIdle);
  const reader = createReaderSession({
    document,
    settings: currentSettings,
    saveSettings: persist,
    declutter,
    loadQuotes,
    detector,
    // declutter.js brings the opt-in kinds' rules (src/content/features/declutter.ts).
    loadRules: () => loadFeature('declutter', requestFeature),
    // "Try anyway" on a very large page: analysed by the background (src/background/analyze-page.ts).
    tryAnyway: (attempt) =>
      loadFeature('large-page', requestFeature).then(
        (large) => large.tryAnyway(attempt, sendToBackground),
        (error: unknown) => attempt.show(attempt.unreadable(error)),
      ),
    onClosed: leaveWhenIdle,
  });

  // Start reading settings now, while the background's toggle message is still on its way.
  void currentSettings();

  const stopSettings = onSettingsChanged((next) => {
    settings = next;
    loaded = Promise.resolve(next);
    reader.settingsChanged(next);
  });

  /** Settings that came with a command (read by the background during injection). */
  const adopt = (raw: unknown) => {
    if (raw === undefined) return;
    settings = validateSettings(raw);
    loaded = Promise.resolve(settings);
  };

  const stopListening = handleMessages({
    ping: () => ({ ready: true }),
    'toggle-reader': async (message) => {
      adopt(message.settings);
      return { open: await reader.toggle() };
    },
    'toggle-declutter': async (message) => {
      adopt(message.settings);
      const current = await currentSettings();
      if (declutter.isEnabled()) declutter.disable();
      else await declutter.enable(enabledKinds(current));
      const items = declutter.peek()?.items() ?? [];
      return { enabled: declutter.isEnabled(), hidden: items.filter((i) => i.hidden).length };
    },
  });

  return {
    alive: isExtensionContextAlive,
    shutDown() {
      stopListening();
      stopSettings();
      reader.close();
      declutter.disable();
    },
  };
}

const scope = globalThis as typeof globalThis & { [INSTALLED]?: Installed };
const previous = scope[INSTALLED];
if (!previous || !previous.alive()) {
  try {
    previous?.shutDown();
  } catch {
    // A dead copy may fail half-way; the new one starts regardless.
  }
  // Feature scripts a dead copy loaded belong to the old version.
  if (previous) resetFeatures();
  // Before any feature script can be requested: they call these through it. The reading view and
  // the feature scripts share one detector, which starts with the reading view's rules only.
  const detector = createContentDetector();
  exposeSharedCore({
    detectClutter: detector.detect,
    locateFinding,
    registerClutterRules: detector.register,
  });
  const installed: Installed = start(detector, () => {
    if (scope[INSTALLED] !== installed) return;
    delete scope[INSTALLED];
    withdrawSharedCore();
    resetFeatures();
    installed.shutDown();
    sendToBackground({ type: 'content-left' }).catch(() => undefined);
  });
  scope[INSTALLED] = installed;
}
