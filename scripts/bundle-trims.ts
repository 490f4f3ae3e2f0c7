// Two build-time trims for the extension's scripts, each measured with
// scripts/bundle-composition.ts before it was added (issue 5: content.js under 150 KB):
//
// - Clutter rules document themselves with a one-line `why` (src/core/clutter/rule.ts). Nothing in
//   the extension reads it (the hidden panel names a rule by its id, src/ui/declutter/labels.ts),
//   so the extension's bundles leave the property out: ~5.4 KB of content.js. The CLI, the tests
//   and the source keep the text.
// - Style sheets written as template literals (`FOO_CSS = \`...\``) are indented for people; the
//   bundle gets them with comments dropped and white space collapsed.
//
// Both only ever shorten string contents that no code parses apart from the browser's CSS parser,
// and both leave a file untouched when its text does not have the expected simple shape.
import type { Plugin } from 'vite';

const RULE_FILE = /[\\/]src[\\/]core[\\/]clutter[\\/]rules[\\/].+\.ts$/;
const WHY_LINE = /^(\s*)why:\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`$\\\n]*`),[ \t]*$/gm;

/** Leaves out each one-line `why: '…',` property of a rule (the line stays, empty). */
export function stripRuleWhy(code: string): string {
  return code.replace(WHY_LINE, '$1');
}

const UI_FILE = /[\\/]src[\\/](ui|content)[\\/].+\.ts$/;
/** `NAME_CSS = \`…\`` with only simple `${identifier or call}` interpolations inside. */
const CSS_LITERAL = /(\b[A-Z0-9_]*_CSS\s*=\s*`)((?:[^`\\$]|\$\{[^{}`]*\}|\$(?!\{))*)`/g;

/**
 * Comments out, white space collapsed, no spaces around braces, semicolons, commas and the child
 * combinator (not + or -: calc() needs its spaces), after colons or before !important, no zero
 * before a decimal point. Quoted strings (`content: "a: b"`) are left exactly as written.
 */
export function minifyCssText(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("[^"\n]*"|'[^'\n]*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            // 0.5em → .5em (a zero before the point, never part of a larger number).
            .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
            .replace(/:\s+/g, ':')
            .replace(/\s+!important/g, '!important'),
    )
    .join('')
    .replace(/;}/g, '}')
    .trim();
}

/** Minifies the static parts of every `*_CSS` template literal, keeping the interpolations. */
export function minifyCssLiterals(code: string): string {
  return code.replace(CSS_LITERAL, (_match, head: string, body: string) => {
    const parts = body.split(/(\$\{[^{}`]*\})/);
    const out = parts.map((part, i) => {
      if (i % 2 === 1) return part; // an interpolation
      // Keep one space where text meets an interpolation: `font: 15px/1.4 ${UI_FONT};`.
      const lead = i > 0 && /^\s/.test(part) ? ' ' : '';
      const trail = i < parts.length - 1 && /\s$/.test(part) ? ' ' : '';
      const min = minifyCssText(part);
      return min ? lead + min + trail : lead || trail;
    });
    return `${head}${out.join('')}\``;
  });
}

export function bundleTrims(): Plugin {
  return {
    name: 'declutter-bundle-trims',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (RULE_FILE.test(file)) return { code: stripRuleWhy(code), map: null };
      if (UI_FILE.test(file) && code.includes('_CSS')) {
        return { code: minifyCssLiterals(code), map: null };
      }
      return null;
    },
  };
}
