// The size gate's reading of the page (page-size.ts): element count, bytes and nesting depth.
import { describe, expect, it } from 'vitest';
import { DEEP_PAGE_LEVELS, measurePageSize, nesting } from '../../src/content/reader/page-size';

/** `levels` divs nested one in another inside `parent` (built by DOM: parsers cap nesting). */
function nest(parent: Element, levels: number): Element {
  let node = parent;
  for (let i = 0; i < levels; i++)
    node = node.appendChild(parent.ownerDocument.createElement('div'));
  return node;
}

describe('nesting', () => {
  it('finds the deepest branch wherever it is, not only the first or the last', () => {
    document.body.innerHTML = '<header><p>Top</p></header><main></main><footer><p>End</p></footer>';
    const main = document.querySelector('main')!;
    nest(main.appendChild(document.createElement('section')), 30);
    nest(main, 3);
    // Below html: body 1, main 2, section 3, the divs 4 to 33.
    expect(nesting(document.documentElement, 10_000)).toBe(33);
    // Levels below a subtree's root, and nothing of its siblings.
    expect(nesting(document.querySelector('header'), 10_000)).toBe(1);
    expect(nesting(document.createElement('div'), 10_000)).toBe(0);
    expect(nesting(null, 10_000)).toBe(0);
  });

  it('stops counting at the limit', () => {
    document.body.innerHTML = '';
    nest(document.body, 50);
    expect(nesting(document.documentElement, 20)).toBe(20);
  });

  it('measurePageSize flags a script-built page nested beyond DEEP_PAGE_LEVELS', () => {
    document.body.innerHTML = '<p>Short article</p>';
    expect(measurePageSize(document).depth).toBe(2);
    nest(document.body, DEEP_PAGE_LEVELS + 50).textContent = 'Deep text';
    const size = measurePageSize(document);
    expect(size.depth).toBe(DEEP_PAGE_LEVELS + 1);
    expect(size.depth).toBeGreaterThan(DEEP_PAGE_LEVELS);
    // Over the element gate the page is too large anyway: no walk.
    expect(measurePageSize(document, 100).depth).toBe(0);
    expect(measurePageSize(document, size.elements).depth).toBe(DEEP_PAGE_LEVELS + 1);
    document.body.replaceChildren();
  });
});
