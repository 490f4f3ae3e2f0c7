// Every piece of our UI that sits on a live page lives in its own shadow root on a host element
// that carries `data-declutter-root`: page CSS cannot restyle what is inside, our CSS cannot leak
// out, and the mutation observer recognises our own insertions by that attribute.

/** Attribute on every host element we insert into a page. */
export const ROOT_ATTRIBUTE = 'data-declutter-root';

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * Creates (but does not insert) a host element with an open shadow root holding `css`.
 * The tag is an unregistered custom-element name: page rules written for div/span/section do not
 * match it, and we add nothing to the page's custom-element registry.
 */
export function createShadowHost(
  doc: Document,
  role: string,
  css: string,
  tag = 'declutter-ui',
): ShadowHost {
  const host = doc.createElement(tag);
  host.setAttribute(ROOT_ATTRIBUTE, role);
  // Rules on the host itself can still come from the page (`* { … }`); reset what matters inline.
  host.style.setProperty('all', 'initial', 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** True for our own hosts and anything inside them. */
export function isOurNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(`[${ROOT_ATTRIBUTE}]`);
}

/**
 * Puts `css` into the shadow root that contains `parent`, once (keyed by `key`), so a panel is
 * styled wherever it is mounted. Returns a function removing it again. Outside a shadow root
 * nothing is injected: we never add styles to a page's own tree from here.
 */
export function ensureShadowStyle(parent: Node, key: string, css: string): () => void {
  const root = parent.getRootNode();
  if (!isShadowRoot(root)) return () => {};
  const existing = root.querySelector(`style[data-declutter-css="${key}"]`);
  if (existing) return () => {};
  const style = (parent.ownerDocument ?? (parent as Document)).createElement('style');
  style.setAttribute('data-declutter-css', key);
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}

/** Realm-independent check (content scripts see page nodes through another realm's prototypes). */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;
}
