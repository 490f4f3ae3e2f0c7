// The seed page model (tests/fixtures/pages/seed-southfront): the donation goal bar, both
// "Support SouthFront" blocks and the wpDiscuz section are found; the article body is not.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClutter, locateFinding } from '../../src/core/clutter';

const SEED = resolve(__dirname, '../fixtures/pages/seed-southfront/source.html');

describe.skipIf(!existsSync(SEED))('seed page model', () => {
  const doc = new DOMParser().parseFromString(readFileSync(SEED, 'utf8'), 'text/html');
  const findings = detectClutter(doc);
  const blocks = findings.map((f) => ({ f, el: locateFinding(doc, f)! }));
  const coveredAs = (el: Element) =>
    blocks.filter((b) => b.el === el || b.el.contains(el)).map((b) => b.f.kind);

  it('hides the goal bar and both support blocks as donation asks', () => {
    expect(coveredAs(doc.querySelector('.sf-donate-goal .give-goal-progress')!)).toEqual([
      'donation',
    ]);
    for (const block of doc.querySelectorAll('.sf-support-block')) {
      expect(coveredAs(block)).toEqual(['donation']);
    }
  });

  it('hides the whole wpDiscuz section from its outermost container', () => {
    const comments = findings.filter((f) => f.kind === 'comments');
    expect(comments.map((f) => [f.rule, f.selector])).toContainEqual([
      'comments/wpdiscuz',
      '#comments',
    ]);
  });

  it('leaves every paragraph of the article visible', () => {
    const body = doc.querySelector('.entry-content')!;
    expect(coveredAs(body)).toEqual([]);
    for (const p of body.querySelectorAll(':scope > p')) expect(coveredAs(p)).toEqual([]);
  });
});
