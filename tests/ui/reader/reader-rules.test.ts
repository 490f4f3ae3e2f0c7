// The reading view and the opt-in clutter kinds. content.js holds only the default kinds' rules;
// when the user hides newsletter boxes or share bars too, the view loads their rules (declutter.js)
// before it analyses. If they cannot be loaded it still shows the article, with a warning.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OPT_IN_RULES,
  analyzeArticleWithDetector,
  type AnalyzeOptions,
  type PageAnalysis,
} from '../../../src/core/index';
import { createContentDetector } from '../../../src/content/clutter-detector';
import {
  createReaderSession,
  type ReaderSession,
} from '../../../src/content/reader/reader-session';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

let session: ReaderSession | null = null;

beforeEach(() => {
  document.body.innerHTML = `
    <article><h1>Council approves the hall</h1>
      ${'<p>The council voted on Tuesday to build the new hall after two years of debate. </p>'.repeat(10)}
    </article>
    <div id="mc_embed_signup"><form action="https://x.us1.list-manage.com/subscribe/post">
      <h2>Get the newsletter</h2><input type="email"><input type="submit" value="Subscribe">
    </form></div>
    <div id="disqus_thread"><p>Comments</p></div>`;
});

afterEach(() => {
  session?.close();
  session = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const withNewsletter: Settings = {
  ...DEFAULT_SETTINGS,
  hideKinds: { ...DEFAULT_SETTINGS.hideKinds, newsletter: true },
};

/** A session over the real pipeline and detector; `analyses` are what the view was given. */
function start(settings: Settings, loadRules: () => Promise<unknown>) {
  const detector = createContentDetector();
  const analyses: PageAnalysis[] = [];
  session = createReaderSession({
    document,
    settings: async () => settings,
    saveSettings: () => {},
    detector,
    loadRules: vi.fn(async () => {
      await loadRules();
      // What declutter.js does when it runs (src/content/features/declutter.ts).
      detector.register(OPT_IN_RULES);
    }),
    analyze: (doc: Document, options: AnalyzeOptions) => {
      const analysis = analyzeArticleWithDetector(doc, { ...options, detect: detector.detect });
      analyses.push(analysis);
      return analysis;
    },
  });
  return { session, analyses, detector };
}

const shadowText = () =>
  document.querySelector('[data-declutter-root="reader"]')?.shadowRoot?.textContent ?? '';
const rules = (analysis: PageAnalysis | undefined) => analysis?.hidden.map((f) => f.rule).sort();

describe('reading view and opt-in clutter kinds', () => {
  it('loads the opt-in rules before analysing when such a kind is hidden', async () => {
    const { session, analyses } = start(withNewsletter, async () => {});
    await session.toggle();
    expect(rules(analyses[0])).toEqual(['comments/disqus', 'newsletter/mailchimp']);
    expect(analyses[0]?.warnings).toBeUndefined();
    expect(shadowText()).toContain('Council approves the hall');
  });

  it('does not load them for the default kinds', async () => {
    const load = vi.fn(async () => {});
    const { session, analyses } = start({ ...DEFAULT_SETTINGS }, load);
    await session.toggle();
    expect(load).not.toHaveBeenCalled();
    expect(rules(analyses[0])).toEqual(['comments/disqus']);
  });

  it('shows the article with what it has, and a warning, when the rules cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { session, analyses } = start(withNewsletter, async () => {
      throw new Error('injection refused');
    });
    await expect(session.toggle()).resolves.toBe(true);
    expect(rules(analyses[0])).toEqual(['comments/disqus']);
    expect(analyses[0]?.warnings).toEqual([
      expect.stringMatching(/newsletter.*not loaded|newsletter.*could not be loaded/),
    ]);
    expect(warn).toHaveBeenCalled();
    expect(shadowText()).toContain('Council approves the hall');
    expect(analyses[0]?.article?.text).toContain('The council voted on Tuesday');
  });
});
