// The sanitiser's own side effects on the window it is given (the page's, in a content script).
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { sanitizeArticle } from '../../../src/core/reader/sanitize';

describe('sanitizeArticle', () => {
  it("registers no Trusted Types policy with the page's factory", () => {
    // A content script shares the page's policy factory: a "dompurify" policy made there takes
    // the name from the page's own DOMPurify under a `trusted-types dompurify` CSP, and its
    // callbacks would keep the whole sanitiser (and the content script) alive with the page.
    const { window } = new JSDOM('<!doctype html><body></body>', { url: 'https://example.org/' });
    const createPolicy = vi.fn((_name: string, rules: object) => rules);
    Object.assign(window, { trustedTypes: { createPolicy, getAttributeType: () => null } });
    const root = window.document.createElement('div');
    root.innerHTML = '<p onclick="steal()">Text <a href="https://elsewhere.net/">link</a></p>';
    const html = sanitizeArticle(root, window as unknown as Window, 'https://example.org/a');
    expect(html).toBe(
      '<div><p>Text <a href="https://elsewhere.net/" target="_blank" rel="noopener noreferrer">link</a></p></div>',
    );
    expect(createPolicy).not.toHaveBeenCalled();
  });
});
