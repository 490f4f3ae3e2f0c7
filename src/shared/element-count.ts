// "Is this subtree small?", answered without counting all of a big one.

/**
 * Whether `el` has more than `limit` descendant elements, counting no further than that:
 * getElementsByTagName('*').length walks the whole subtree, and asked at every level above a
 * 400,000-element thread it costs seconds in one task.
 */
export function hasMoreThan(el: Element, limit: number): boolean {
  let count = 0;
  let node: Element | null = el.firstElementChild;
  while (node) {
    if (++count > limit) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
  return false;
}
