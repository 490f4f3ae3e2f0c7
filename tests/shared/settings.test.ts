import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  enabledKinds,
  mergeSettings,
  validateSettings,
} from '../../src/shared/settings';

describe('validateSettings', () => {
  it('gives the defaults for nothing, null, arrays and other junk', () => {
    for (const raw of [undefined, null, 42, 'dark', [], [1, 2]]) {
      expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps the defaults the issue asks for: comments and donation hidden, others opt-in', () => {
    expect(DEFAULT_SETTINGS.hideKinds).toEqual({
      comments: true,
      donation: true,
      newsletter: false,
      social: false,
    });
    expect(enabledKinds(DEFAULT_SETTINGS)).toEqual(['comments', 'donation']);
  });

  it('keeps valid values', () => {
    const raw = {
      theme: 'sepia',
      fontFamily: 'readable',
      fontSize: 22,
      lineHeight: 1.8,
      contentWidth: 60,
      hideKinds: { comments: false, donation: true, newsletter: true, social: true },
      quotesOnOpen: true,
      declutterOnOpen: true,
    };
    expect(validateSettings(raw)).toEqual(raw);
  });

  it('drops unknown keys, also inside hideKinds', () => {
    const out = validateSettings({ theme: 'dark', evil: '<script>', hideKinds: { ads: true } });
    expect(out).not.toHaveProperty('evil');
    expect(out.hideKinds).not.toHaveProperty('ads');
    expect(out.theme).toBe('dark');
  });

  it('replaces wrong types and unknown enum values by the default, field by field', () => {
    const out = validateSettings({
      theme: 'neon',
      fontFamily: 7,
      fontSize: '20',
      lineHeight: Number.NaN,
      contentWidth: Infinity,
      hideKinds: { comments: 'yes', donation: false },
      quotesOnOpen: 'true',
      declutterOnOpen: 1,
    });
    expect(out).toEqual({
      ...DEFAULT_SETTINGS,
      hideKinds: { ...DEFAULT_SETTINGS.hideKinds, donation: false },
    });
  });

  it('clamps numbers into range and onto their step', () => {
    const out = validateSettings({ fontSize: 500, lineHeight: 0.1, contentWidth: 67.6 });
    expect(out.fontSize).toBe(36);
    expect(out.lineHeight).toBe(1.2);
    expect(out.contentWidth).toBe(68);
    expect(validateSettings({ lineHeight: 1.63 }).lineHeight).toBe(1.65);
  });

  it('mergeSettings validates the patch too', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, {
      fontSize: 99,
      hideKinds: { social: true } as never,
    });
    expect(merged.fontSize).toBe(36);
    expect(merged.hideKinds).toEqual({ ...DEFAULT_SETTINGS.hideKinds, social: true });
  });
});
