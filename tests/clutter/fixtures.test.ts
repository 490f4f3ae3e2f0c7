// Every handwritten clutter fixture: expected clutter is found (by the rule its folder names, for
// positives), nothing marked data-expect-visible is ever inside a finding.
import { describe, expect, it } from 'vitest';
import { checkFixture, listFixtures } from './fixture-harness';

describe('clutter fixtures', () => {
  for (const fx of listFixtures()) {
    it(`${fx.folder}/${fx.file}`, () => {
      expect(checkFixture(fx)).toEqual([]);
    });
  }
});
