// User settings: one schema, one set of defaults, and validation of anything read back from
// storage. Storage is user-writable (sync from another device, an older version, a devtools edit),
// so nothing read from it is trusted: unknown keys are dropped, values of the wrong type fall back
// to the default and numbers are clamped to their range (the Dark Reader habit).
import { CLUTTER_KINDS, type ClutterKind } from '../core/types';

export const THEMES = ['auto', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_FAMILIES = ['serif', 'sans', 'mono', 'readable'] as const;
/** `readable` is the dyslexia-friendly stack (system fonts only: no downloads). */
export type FontFamily = (typeof FONT_FAMILIES)[number];

export interface Settings {
  theme: Theme;
  fontFamily: FontFamily;
  /** Body text size in CSS px. */
  fontSize: number;
  /** Unitless line height. */
  lineHeight: number;
  /** Measure of the text column in `ch`. */
  contentWidth: number;
  /** Which clutter kinds are kept out of the view and hidden in Declutter mode. */
  hideKinds: Record<ClutterKind, boolean>;
  /** Switch quote marking on whenever the view opens. */
  quotesOnOpen: boolean;
  /** Hide clutter on the page itself whenever the view opens. */
  declutterOnOpen: boolean;
}

interface NumberRange {
  min: number;
  max: number;
  step: number;
}

export const RANGES = {
  fontSize: { min: 12, max: 36, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.05 },
  contentWidth: { min: 40, max: 110, step: 1 },
} as const satisfies Record<string, NumberRange>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'auto',
  fontFamily: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  contentWidth: 68,
  hideKinds: Object.freeze({ comments: true, donation: true, newsletter: false, social: false }),
  quotesOnOpen: false,
  declutterOnOpen: false,
});

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function numberIn(range: NumberRange, value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const clamped = Math.min(range.max, Math.max(range.min, value));
  const stepped = Math.round((clamped - range.min) / range.step) * range.step + range.min;
  // Rounding in steps of 0.05 leaves binary noise (1.6500000000000001); keep two decimals.
  return Math.round(stepped * 100) / 100;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A complete, valid Settings object built from whatever `raw` is. Never throws. */
export function validateSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const kindsIn = isRecord(input.hideKinds) ? input.hideKinds : {};
  const hideKinds = {} as Record<ClutterKind, boolean>;
  for (const kind of CLUTTER_KINDS) hideKinds[kind] = bool(kindsIn[kind], d.hideKinds[kind]);
  return {
    theme: oneOf(THEMES, input.theme, d.theme),
    fontFamily: oneOf(FONT_FAMILIES, input.fontFamily, d.fontFamily),
    fontSize: numberIn(RANGES.fontSize, input.fontSize, d.fontSize),
    lineHeight: numberIn(RANGES.lineHeight, input.lineHeight, d.lineHeight),
    contentWidth: numberIn(RANGES.contentWidth, input.contentWidth, d.contentWidth),
    hideKinds,
    quotesOnOpen: bool(input.quotesOnOpen, d.quotesOnOpen),
    declutterOnOpen: bool(input.declutterOnOpen, d.declutterOnOpen),
  };
}

/** Applies a partial change and validates the result (so a bad patch cannot corrupt settings). */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  return validateSettings({
    ...current,
    ...patch,
    hideKinds: { ...current.hideKinds, ...(patch.hideKinds ?? {}) },
  });
}

/** The clutter kinds switched on, in the canonical order. */
export function enabledKinds(settings: Settings): ClutterKind[] {
  return CLUTTER_KINDS.filter((kind) => settings.hideKinds[kind]);
}

/** Storage key under which the settings object lives (storage.sync, or storage.local). */
export const SETTINGS_KEY = 'settings';
