// Meta-tests of the rule registry (the Refined GitHub habit): every rule is well-formed, has both
// positive and negative fixtures, every fixture folder names a registered rule, and no rule can
// see the fixtures' data-expect-* marks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUTTER_RULES } from '../../src/core/clutter';
import { compileRule } from '../../src/core/clutter/engine/signatures';
import { CLUTTER_KINDS } from '../../src/core/types';
import { FIXTURE_ROOT, listFixtures } from './fixture-harness';

const RULES_DIR = resolve(__dirname, '../../src/core/clutter/rules');

describe('clutter rule registry', () => {
  const fixtures = listFixtures();
  const folders = new Set(readdirSync(FIXTURE_ROOT));

  it('has unique, well-formed rule ids whose prefix is their kind', () => {
    const ids = CLUTTER_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CLUTTER_RULES) {
      expect(rule.id, rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.id.split('/')[0], rule.id).toBe(rule.kind);
      expect(CLUTTER_KINDS).toContain(rule.kind);
      expect(rule.why.length, `${rule.id} needs a why`).toBeGreaterThan(20);
      expect(
        rule.detect != null || compileRule(rule).selector !== '',
        `${rule.id} matches nothing`,
      ).toBe(true);
      if (rule.specificity > 0) expect(rule.confidence, rule.id).toBeGreaterThanOrEqual(0.9);
      else expect(rule.confidence, rule.id).toBeLessThan(0.9);
    }
  });

  it('registers every rule file and only rule files', () => {
    const files = readdirSync(RULES_DIR).flatMap((kind) =>
      readdirSync(join(RULES_DIR, kind)).map((f) => `${kind}/${f.replace(/\.ts$/, '')}`),
    );
    const registry = readFileSync(resolve(RULES_DIR, '../registry.ts'), 'utf8');
    for (const f of files) expect(registry, `${f} is not registered`).toContain(`./rules/${f}'`);
  });

  it('compiles every signature selector', () => {
    const doc = document.implementation.createHTMLDocument('');
    for (const rule of CLUTTER_RULES) {
      const { selector } = compileRule(rule);
      if (selector) expect(() => doc.querySelectorAll(selector), rule.id).not.toThrow();
    }
  });

  it('gives every rule a positive and a negative fixture', () => {
    const missing: string[] = [];
    for (const rule of CLUTTER_RULES) {
      const mine = fixtures.filter((f) => f.ruleId === rule.id);
      if (!mine.some((f) => f.positive)) missing.push(`${rule.id}: no positive fixture`);
      if (!mine.some((f) => !f.positive)) missing.push(`${rule.id}: no negative fixture`);
    }
    expect(missing).toEqual([]);
  });

  it('names a registered rule with every fixture folder', () => {
    const ids = new Set(CLUTTER_RULES.map((r) => r.id.replace('/', '__')));
    expect([...folders].filter((f) => !ids.has(f))).toEqual([]);
  });

  it('has at least 30 handwritten fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it("never lets a rule read the fixtures' expectation marks", () => {
    const engine = resolve(RULES_DIR, '..');
    const sources = [
      ...readdirSync(join(engine, 'engine')).map((f) => join(engine, 'engine', f)),
      ...readdirSync(RULES_DIR).flatMap((k) =>
        readdirSync(join(RULES_DIR, k)).map((f) => join(RULES_DIR, k, f)),
      ),
    ];
    for (const file of sources)
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /data-expect|expect-hidden|expect-visible/,
      );
  });
});
