// Unique, clone-stable CSS selectors for findings: `#id` when the id is unique, otherwise an
// `:nth-child` path from the nearest ancestor with a unique id (or from `html`).

/** CSS.escape (CSSOM spec algorithm); the CSS global is not available in every core host. */
export function cssEscape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const ch = value.charAt(i);
    if (code === 0) out += '\uFFFD';
    else if (
      (code >= 0x1 && code <= 0x1f) ||
      code === 0x7f ||
      (i === 0 && code >= 0x30 && code <= 0x39) ||
      (i === 1 && code >= 0x30 && code <= 0x39 && value.charCodeAt(0) === 0x2d)
    )
      out += '\\' + code.toString(16) + ' ';
    else if (i === 0 && value.length === 1 && code === 0x2d) out += '\\' + ch;
    else if (
      code >= 0x80 ||
      code === 0x2d ||
      code === 0x5f ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    )
      out += ch;
    else out += '\\' + ch;
  }
  return out;
}

function uniqueIdSelector(doc: Document, el: Element): string | null {
  const id = el.getAttribute('id');
  if (!id || id.trim() !== id) return null;
  const selector = '#' + cssEscape(id);
  try {
    const all = doc.querySelectorAll(selector);
    return all.length === 1 && all[0] === el ? selector : null;
  } catch {
    return null;
  }
}

function nthChild(el: Element): number {
  let n = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) n++;
  return n;
}

/** A selector matching exactly `el` in `doc` and in any clone of `doc`. */
export function uniqueSelector(doc: Document, el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const byId = uniqueIdSelector(doc, node);
    if (byId) {
      steps.unshift(byId);
      return steps.join(' > ');
    }
    if (!node.parentElement) {
      steps.unshift(node.localName === 'html' ? 'html' : ':root');
      return steps.join(' > ');
    }
    // Names like `fb:comments` need escaping that not every selector engine accepts: `*` with
    // the position is just as unique.
    const tag = /^[a-z][a-z0-9-]*$/.test(node.localName) ? node.localName : '*';
    steps.unshift(`${tag}:nth-child(${nthChild(node)})`);
  }
  return steps.join(' > ');
}
