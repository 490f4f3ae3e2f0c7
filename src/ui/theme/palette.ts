// Colour themes as CSS custom properties. `auto` follows prefers-color-scheme. Contrast of text on
// background is ≥ 7:1 in every theme (AAA for body text); muted text ≥ 4.5:1.
import type { Theme } from '../../shared/settings';

export const THEME_LABELS: Record<Theme, string> = {
  auto: 'Auto',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
};

const LIGHT = `
  --bg: #fbfbf9; --fg: #1f2023; --muted: #5c5f66; --rule: #e2e2dc; --surface: #f1f1ec;
  --link: #1a56a8; --link-visited: #6a3c9c; --accent: #1f5f8b; --focus: #1a66d2;
  --code-bg: #f0f0eb; --mark: #fff1a8; color-scheme: light;`;
const DARK = `
  --bg: #1b1c20; --fg: #e6e4df; --muted: #a6a7ad; --rule: #34363d; --surface: #25272d;
  --link: #8cb8ff; --link-visited: #c3a6f2; --accent: #7fb6de; --focus: #8cb8ff;
  --code-bg: #25272d; --mark: #5a4b12; color-scheme: dark;`;
const SEPIA = `
  --bg: #f4ecd8; --fg: #3b2f22; --muted: #6b5a45; --rule: #dccfb2; --surface: #ebe0c6;
  --link: #7a3f0c; --link-visited: #6b3a6b; --accent: #8a5a24; --focus: #9a4a00;
  --code-bg: #ebe0c6; --mark: #f5d67a; color-scheme: light;`;

/** Rules for `selector[data-theme=…]`; put the result inside the shadow root's stylesheet. */
export function paletteCss(selector: string): string {
  return `
${selector}, ${selector}[data-theme="light"] {${LIGHT} }
${selector}[data-theme="dark"] {${DARK} }
${selector}[data-theme="sepia"] {${SEPIA} }
@media (prefers-color-scheme: dark) {
  ${selector}[data-theme="auto"] {${DARK} }
}`;
}
