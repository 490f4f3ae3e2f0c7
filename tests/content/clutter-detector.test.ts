// The content script's detector (src/content/clutter-detector.ts): starts with the reading view's
// rules and runs whatever the declutter.js script registers later, as if it had them all along.
import { describe, expect, it } from 'vitest';
import { CLUTTER_RULES, OPT_IN_RULES, detectClutter } from '../../src/core/index';
import { createContentDetector } from '../../src/content/clutter-detector';

function page(): Document {
  const doc = document.implementation.createHTMLDocument('Story');
  doc.body.innerHTML = `
    <article><h1>Story</h1>${'<p>Paragraph of the article with enough words to read. </p>'.repeat(12)}
    </article>
    <div class="addtoany_share_save_container"><a class="a2a_button_facebook" href="#">Share</a>
      <a class="a2a_button_x" href="#">Post</a></div>
    <div id="disqus_thread"><p>Comments</p></div>`;
  return doc;
}

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();

describe('content detector', () => {
  it("covers the reading view's kinds only until the opt-in rules are registered", () => {
    const detector = createContentDetector();
    expect(detector.covers('comments')).toBe(true);
    expect(detector.covers('donation')).toBe(true);
    expect(detector.covers('newsletter')).toBe(false);
    expect(detector.covers('social')).toBe(false);
    const doc = page();
    expect(rules(detector.detect(doc))).toEqual(['comments/disqus']);
    expect(detector.detect(doc, { kinds: ['social'] })).toEqual([]);

    detector.register(OPT_IN_RULES);
    expect(detector.covers('newsletter')).toBe(true);
    expect(detector.covers('social')).toBe(true);
    expect(rules(detector.detect(doc, { kinds: ['social'] }))).toEqual(['social/addtoany']);
    // With every rule registered it finds exactly what the core's all-rules detector finds.
    expect(detector.detect(doc)).toEqual(detectClutter(doc));
  });

  it('adds a rule once, however often it is registered', () => {
    const detector = createContentDetector();
    detector.register(OPT_IN_RULES);
    detector.register(OPT_IN_RULES);
    detector.register(CLUTTER_RULES);
    const doc = page();
    expect(detector.detect(doc)).toEqual(detectClutter(doc));
    expect(rules(detector.detect(doc, { kinds: ['social'] }))).toEqual(['social/addtoany']);
  });
});
