// The options page: every setting, validated on the way in and out (the form can only produce
// valid values, and whatever storage holds goes through validateSettings), the shortcuts as the
// browser currently has them, and where to change them.
import { CLUTTER_KINDS } from '../../core/types';
import { listShortcuts } from '../../platform/commands';
import { loadSettings, onSettingsChanged, saveSettings } from '../../platform/storage';
import {
  DEFAULT_SETTINGS,
  FONT_FAMILIES,
  RANGES,
  THEMES,
  validateSettings,
  type Settings,
} from '../../shared/settings';
import { FONT_LABELS, FONT_STACKS } from '../theme/fonts';
import { THEME_LABELS } from '../theme/palette';
import { formatShortcut, shortcutHelp } from './lib/shortcuts';

const form = document.getElementById('settings') as HTMLFormElement;
const status = document.getElementById('status') as HTMLElement;
const preview = document.getElementById('preview') as HTMLElement;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`options.html lacks #${id}`);
  return el as T;
}

function fillSelect(id: string, entries: Array<[string, string]>) {
  const select = byId<HTMLSelectElement>(id);
  for (const [value, label] of entries) select.append(new Option(label, value));
}

function setUpRange(id: keyof typeof RANGES) {
  const input = byId<HTMLInputElement>(id);
  const range = RANGES[id];
  input.min = String(range.min);
  input.max = String(range.max);
  input.step = String(range.step);
}

const UNITS: Record<keyof typeof RANGES, (v: number) => string> = {
  fontSize: (v) => `${v} px`,
  lineHeight: (v) => v.toFixed(2),
  contentWidth: (v) => `${v} characters`,
};

function render(settings: Settings) {
  byId<HTMLSelectElement>('theme').value = settings.theme;
  byId<HTMLSelectElement>('fontFamily').value = settings.fontFamily;
  for (const key of Object.keys(RANGES) as Array<keyof typeof RANGES>) {
    byId<HTMLInputElement>(key).value = String(settings[key]);
    byId<HTMLOutputElement>(`${key}-out`).textContent = UNITS[key](settings[key]);
  }
  for (const kind of CLUTTER_KINDS)
    byId<HTMLInputElement>(`hide-${kind}`).checked = settings.hideKinds[kind];
  byId<HTMLInputElement>('quotesOnOpen').checked = settings.quotesOnOpen;
  byId<HTMLInputElement>('declutterOnOpen').checked = settings.declutterOnOpen;
  preview.style.fontFamily = FONT_STACKS[settings.fontFamily];
  preview.style.fontSize = `${settings.fontSize}px`;
  preview.style.lineHeight = String(settings.lineHeight);
  preview.style.maxWidth = `${settings.contentWidth}ch`;
}

function readForm(): Settings {
  const hideKinds: Record<string, boolean> = {};
  for (const kind of CLUTTER_KINDS)
    hideKinds[kind] = byId<HTMLInputElement>(`hide-${kind}`).checked;
  return validateSettings({
    theme: byId<HTMLSelectElement>('theme').value,
    fontFamily: byId<HTMLSelectElement>('fontFamily').value,
    fontSize: Number(byId<HTMLInputElement>('fontSize').value),
    lineHeight: Number(byId<HTMLInputElement>('lineHeight').value),
    contentWidth: Number(byId<HTMLInputElement>('contentWidth').value),
    hideKinds,
    quotesOnOpen: byId<HTMLInputElement>('quotesOnOpen').checked,
    declutterOnOpen: byId<HTMLInputElement>('declutterOnOpen').checked,
  });
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;
async function save(settings: Settings) {
  render(settings);
  try {
    await saveSettings(settings);
    status.textContent = 'Saved.';
  } catch (error) {
    status.textContent = `Could not save: ${error instanceof Error ? error.message : String(error)}`;
  }
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (status.textContent = ''), 2500);
}

async function showShortcuts() {
  const list = byId<HTMLDListElement>('shortcuts');
  byId('shortcut-help').textContent = shortcutHelp(__BROWSER__);
  try {
    const shortcuts = await listShortcuts();
    list.replaceChildren();
    for (const command of shortcuts) {
      const description =
        command.description ||
        (command.name === '_execute_action' ? 'Open or close the reading view' : command.name);
      const dt = document.createElement('dt');
      dt.textContent = description;
      const dd = document.createElement('dd');
      dd.textContent = formatShortcut(command.shortcut);
      list.append(dt, dd);
    }
  } catch {
    // Keep the defaults written in the page.
  }
}

async function main() {
  fillSelect(
    'theme',
    THEMES.map((t) => [t, THEME_LABELS[t]]),
  );
  fillSelect(
    'fontFamily',
    FONT_FAMILIES.map((f) => [f, FONT_LABELS[f]]),
  );
  for (const key of Object.keys(RANGES) as Array<keyof typeof RANGES>) setUpRange(key);
  render(await loadSettings().catch(() => ({ ...DEFAULT_SETTINGS })));
  form.addEventListener('input', () => render(readForm()));
  form.addEventListener('change', () => void save(readForm()));
  byId('reset').addEventListener('click', () => void save({ ...DEFAULT_SETTINGS }));
  onSettingsChanged((settings) => render(settings));
  await showShortcuts();
}

void main();
