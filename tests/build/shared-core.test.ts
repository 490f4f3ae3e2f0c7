// The feature scripts borrow content.js's clutter detector instead of bundling their own
// (scripts/shared-core.ts, src/content/features/shared-core.ts). Built for real here: the feature
// bundles must not contain the detector's rules, must still work through the shared copy, and
// must fail loudly without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, listEntries } from '../../scripts/build';
import { sharedCoreShim } from '../../scripts/shared-core';
import { OPT_IN_RULES, READER_RULES, detectClutter, locateFinding } from '../../src/core/index';
import type { ClutterRule } from '../../src/core/index';
import { SHARED_CORE_NAMES } from '../../src/content/features/shared-core';

let dir = '';
const code: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'declutter-shared-core-'));
  for (const entry of await listEntries()) {
    if (!['content', 'declutter', 'quotes'].includes(entry.name)) continue;
    await bundle(entry, dir, 'chrome', { minify: true });
    code[entry.name] = await readFile(join(dir, `${entry.name}.js`), 'utf8');
  }
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('shared core', () => {
  it('the shim re-exports the core and sends each shared name through the content script', () => {
    const shim = sharedCoreShim();
    expect(shim).toMatch(/^export \* from ".*src[\\/]core[\\/]index\.ts";/);
    for (const name of SHARED_CORE_NAMES) {
      expect(shim).toContain(`export function ${name}(...args) { return sharedCore().${name}(`);
    }
  });

  it('the clutter rules are bundled once, in content.js, not in the feature scripts', () => {
    // A rule id is a string only the detector's registry holds.
    expect(code.content).toContain('comments/disqus');
    expect(code.declutter).not.toContain('comments/disqus');
    expect(code.quotes).not.toContain('comments/disqus');
    expect(code.declutter!.length).toBeLessThan(code.content!.length / 4);
  });

  it("content.js carries only the reading view's rules; declutter.js brings the opt-in ones", () => {
    for (const rule of READER_RULES) expect(code.content, rule.id).toContain(rule.id);
    for (const rule of OPT_IN_RULES) {
      expect(code.content, rule.id).not.toContain(rule.id);
      expect(code.declutter, rule.id).toContain(rule.id);
      expect(code.quotes, rule.id).not.toContain(rule.id);
    }
  });

  it('content.js stays under the 150 KB budget (issue 5)', () => {
    expect(Buffer.byteLength(code.content!, 'utf8')).toBeLessThan(150_000);
  });

  it('content.js and the feature scripts are plain ASCII (one byte per character in memory)', () => {
    for (const [name, text] of Object.entries(code)) {
      expect(
        [...text].some((c) => c.charCodeAt(0) > 127),
        `${name}.js`,
      ).toBe(false);
    }
  });

  it('a feature script finds clutter through the functions the content script shares', () => {
    const registry = Symbol.for('declutter.features');
    const shared = Symbol.for('declutter.core');
    const scope = globalThis as unknown as Record<PropertyKey, unknown>;
    const saved = [scope[registry], scope[shared]];
    try {
      const registered: ClutterRule[] = [];
      scope[shared] = {
        detectClutter,
        locateFinding,
        registerClutterRules: (rules: readonly ClutterRule[]) => registered.push(...rules),
      };
      scope[registry] = undefined;
      new Function(code.declutter!)();
      // The opt-in kinds' rules, handed to the content script's detector as the script runs.
      expect(registered.map((rule) => rule.id)).toEqual(OPT_IN_RULES.map((rule) => rule.id));
      const modules = (scope[registry] as { modules: Record<string, Record<string, unknown>> })
        .modules;
      const feature = modules.declutter as {
        createPageDeclutter: (
          doc: Document,
          opts: { kinds: string[] },
        ) => { enable(kinds: string[]): void; items(): Array<{ hidden: boolean }> };
      };
      document.body.innerHTML =
        '<article><h1>Title</h1><p>Text of the article.</p></article><div id="disqus_thread"></div>';
      const controller = feature.createPageDeclutter(document, { kinds: ['comments'] });
      controller.enable(['comments']);
      expect(controller.items().filter((item) => item.hidden)).toHaveLength(1);
      expect(document.getElementById('disqus_thread')?.getAttribute('data-declutter-hidden')).toBe(
        'comments',
      );
    } finally {
      [scope[registry], scope[shared]] = saved;
      document.body.replaceChildren();
    }
  });

  it('a feature script run without the content script says so', () => {
    const scope = globalThis as unknown as Record<PropertyKey, unknown>;
    const shared = Symbol.for('declutter.core');
    const registry = Symbol.for('declutter.features');
    const saved = [scope[registry], scope[shared]];
    try {
      scope[shared] = undefined;
      scope[registry] = undefined;
      // It hands its rules to the content script's detector first thing, and does not register.
      expect(() => new Function(code.declutter!)()).toThrow(/without the content script/);
      const modules = (scope[registry] as { modules: Record<string, unknown> } | undefined)
        ?.modules;
      expect(modules?.declutter).toBeUndefined();
    } finally {
      [scope[registry], scope[shared]] = saved;
    }
  });
});
