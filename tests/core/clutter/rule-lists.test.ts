// The registry's two lists (src/core/clutter/registry.ts): READER_RULES go into content.js,
// OPT_IN_RULES come with declutter.js. Every rule must be in exactly one of them, CLUTTER_RULES
// must be both (the CLI, the tests and the meta-tests see every rule), and the split must follow
// the kinds the reading view hides by default, or a default setting would need a script that is
// not there.
import { describe, expect, it } from 'vitest';
import {
  CLUTTER_RULES,
  OPT_IN_RULES,
  READER_RULES,
  analyzeArticle,
  analyzeArticleWithDetector,
  detectClutter,
  detectClutterWith,
  type ClutterDetector,
} from '../../../src/core/index';
import { DEFAULT_HIDE_KINDS } from '../../../src/core/analyze';
import { DEFAULT_SETTINGS, enabledKinds } from '../../../src/shared/settings';

const ids = (rules: readonly { id: string }[]) => rules.map((rule) => rule.id);

describe('rule lists', () => {
  it('puts every rule in exactly one list, and CLUTTER_RULES is their union in order', () => {
    const reader = new Set(ids(READER_RULES));
    const optIn = new Set(ids(OPT_IN_RULES));
    expect([...reader].filter((id) => optIn.has(id))).toEqual([]);
    expect(ids(CLUTTER_RULES)).toEqual([...ids(READER_RULES), ...ids(OPT_IN_RULES)]);
    expect(new Set(ids(CLUTTER_RULES)).size).toBe(CLUTTER_RULES.length);
  });

  it("splits by kind: the reading view's default kinds in content.js, the rest opt-in", () => {
    const defaults = new Set(enabledKinds(DEFAULT_SETTINGS));
    expect(defaults).toEqual(new Set(DEFAULT_HIDE_KINDS));
    for (const rule of READER_RULES) expect(defaults.has(rule.kind), rule.id).toBe(true);
    for (const rule of OPT_IN_RULES) expect(defaults.has(rule.kind), rule.id).toBe(false);
    expect(new Set(OPT_IN_RULES.map((rule) => rule.kind))).toEqual(
      new Set(['newsletter', 'social']),
    );
  });
});

describe('detector over a rule list', () => {
  const page = () => {
    const doc = document.implementation.createHTMLDocument('Story');
    doc.body.innerHTML = `
      <article><h1>Story</h1>${'<p>Paragraph of the article with enough words to read. </p>'.repeat(12)}
      </article>
      <div id="disqus_thread"><p>Comments</p></div>
      <div id="mc_embed_signup"><form action="https://x.us1.list-manage.com/subscribe/post">
        <h2>Get the newsletter</h2><input type="email"><input type="submit" value="Subscribe">
      </form></div>`;
    return doc;
  };

  it('finds only what its rules recognise; detectClutter runs them all', () => {
    const doc = page();
    const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();
    expect(rules(detectClutterWith(READER_RULES, doc))).toEqual(['comments/disqus']);
    expect(rules(detectClutterWith(CLUTTER_RULES, doc))).toEqual([
      'comments/disqus',
      'newsletter/mailchimp',
    ]);
    expect(rules(detectClutter(doc))).toEqual(rules(detectClutterWith(CLUTTER_RULES, doc)));
  });

  it('analyzeArticle defaults to every rule and honours options.detect', () => {
    const doc = page();
    const kinds = ['comments', 'newsletter'] as const;
    // A document made by createHTMLDocument has no window of its own: lend this one.
    const all = analyzeArticle(doc, { hideKinds: kinds, window });
    expect(all.article).not.toBeNull();
    expect(all.hidden.map((f) => f.rule).sort()).toEqual([
      'comments/disqus',
      'newsletter/mailchimp',
    ]);
    const detect: ClutterDetector = (d, o) => detectClutterWith(READER_RULES, d, o);
    expect(
      analyzeArticle(doc, { hideKinds: kinds, detect, window }).hidden.map((f) => f.rule),
    ).toEqual(['comments/disqus']);
    expect(
      analyzeArticleWithDetector(doc, { hideKinds: kinds, detect, window }).hidden.map(
        (f) => f.rule,
      ),
    ).toEqual(['comments/disqus']);
  });
});
