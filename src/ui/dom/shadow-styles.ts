// Styles for a shadow root. A constructed stylesheet is preferred: page CSP (style-src) does not
// apply to it, and it costs no DOM node. Where it cannot be used (jsdom, or Firefox content
// scripts, whose Xray wrappers refuse a sheet from the extension's realm) a <style> element inside
// the shadow root does the same job. Either way nothing is added to the page's own tree.

export function applyShadowStyles(root: ShadowRoot, css: string): void {
  const win = root.ownerDocument.defaultView;
  try {
    const Sheet = win?.CSSStyleSheet;
    if (Sheet && 'replaceSync' in Sheet.prototype && 'adoptedStyleSheets' in root) {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
}
