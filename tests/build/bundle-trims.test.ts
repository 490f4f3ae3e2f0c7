// The build's size trims (scripts/bundle-trims.ts) shorten strings only where nothing but the
// browser's CSS parser reads them, and leave anything of an unexpected shape alone.
import { describe, expect, it } from 'vitest';
import { minifyCssLiterals, minifyCssText, stripRuleWhy } from '../../scripts/bundle-trims';

describe('bundle trims', () => {
  it('leaves out one-line rule `why` properties and nothing else', () => {
    const rule = [
      'export const rule = defineRule({',
      "  id: 'comments/x',",
      "  why: 'Platform X renders #x-thread, so it is a comment section.',",
      '  confidence: 0.9,',
      "  label: 'why: not a property',",
      '});',
    ].join('\n');
    const out = stripRuleWhy(rule);
    expect(out).not.toMatch(/^\s*why:/m);
    expect(out).not.toContain('Platform X');
    expect(out.split('\n')).toHaveLength(rule.split('\n').length);
    expect(out).toContain("label: 'why: not a property'");
    expect(out).toContain("id: 'comments/x'");
  });

  it('minifies CSS text but keeps quoted strings, selectors and values', () => {
    const css = `
/* comment */
.meta span + span::before { content: "a: b ,  c > 0.5"; margin: 0 0.5em; }
@media (prefers-reduced-motion: reduce) {
  .a :focus-visible, .b > p { color: red !important; line-height: 10.5px; }
}
.c { min-height: calc(100% + 0.5px - 1px); opacity: -0.25; }`;
    expect(minifyCssText(css)).toBe(
      '.meta span + span::before{content:"a: b ,  c > 0.5";margin:0 .5em}' +
        '@media (prefers-reduced-motion:reduce){.a :focus-visible,.b>p{color:red!important;line-height:10.5px}}' +
        // calc() needs the spaces around + and -.
        '.c{min-height:calc(100% + .5px - 1px);opacity:-0.25}',
    );
  });

  it('keeps interpolations and the space before them in *_CSS literals', () => {
    const code =
      'export const X_CSS = `\n.o {\n  font: 15px/1.4 ${UI_FONT};\n}\n${paletteCss(".o")}\n`;';
    expect(minifyCssLiterals(code)).toBe(
      // One space is kept where text meets an interpolation (it may separate two values).
      'export const X_CSS = `.o{font:15px/1.4 ${UI_FONT}} ${paletteCss(".o")} `;',
    );
    const other = 'const html = `<p>  keep   me </p>`;';
    expect(minifyCssLiterals(other)).toBe(other);
  });
});
