import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { ClutterFinding } from '../../../src/core/types';

// The clutter detector is another unit with its own tests. Here it is replaced by a stub that
// reports whatever the test says, so the pipeline's handling of findings is what gets tested.
const clutter = vi.hoisted(() => ({ findings: (_doc: Document): ClutterFinding[] => [] }));
vi.mock('../../../src/core/clutter', () => ({
  // Like the real one, it answers only for the kinds asked for.
  detectClutter: (doc: Document, options?: { kinds?: readonly string[] }) =>
    clutter.findings(doc).filter((f) => !options?.kinds || options.kinds.includes(f.kind)),
  locateFinding: (doc: Document, finding: ClutterFinding) => doc.querySelector(finding.selector),
}));

import {
  analyzeArticle,
  analyzeArticleInSteps,
  analyzePage,
  parseArticleHtml,
} from '../../../src/core/analyze';
import { buildTextMap } from '../../../src/core/text/text-map';
import { articlePage, pageDocument } from './helpers';

function analyze(html: string, options = {}) {
  const doc = pageDocument(html);
  const result = analyzePage(doc, options);
  return { doc, result, html: result.article?.html ?? '', text: result.article?.text ?? '' };
}

function fragment(html: string): HTMLElement {
  return parseArticleHtml(html, pageDocument('<!doctype html><p>x</p>'));
}

describe('analyzePage: input document', () => {
  it('never writes to the input document', () => {
    const page = articlePage(
      '<p><img data-src="/img/a.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p><iframe src="https://www.youtube.com/embed/abcdefghij"></iframe><div id="comments"><p>A comment</p></div>',
    );
    const doc = pageDocument(page);
    clutter.findings = () => [
      { kind: 'comments', rule: 'test', selector: '#comments', text: 'A comment', confidence: 1 },
    ];
    const before = doc.documentElement.outerHTML;
    const result = analyzePage(doc);
    clutter.findings = () => [];
    expect(result.article).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('analyzePage: reasons', () => {
  it('says why a page without prose has no article', () => {
    const { result } = analyze(
      '<!doctype html><html><head><title>Sign in</title></head><body><form><label>Email <input name="e"></label><label>Password <input type="password" name="p"></label><button>Sign in</button></form><p><a href="/help">Help</a></p></body></html>',
    );
    expect(result.article).toBeNull();
    expect(result.reason?.code).toBe('no-article');
    expect(result.reason?.message).toMatch(/No article found/);
    expect(result.title).toBe('Sign in');
  });

  it('still shows a page that is just short', () => {
    const { result, text } = analyze(
      '<!doctype html><html><head><title>Notice</title></head><body><p>The library is closed on Monday for a staff training day.</p></body></html>',
    );
    expect(result.reason).toBeNull();
    expect(text).toBe('The library is closed on Monday for a staff training day.');
  });

  it('refuses an empty body', () => {
    const { result } = analyze(
      '<!doctype html><html><body>  <script>var x = 1;</script></body></html>',
    );
    expect(result.reason?.code).toBe('empty');
  });

  it('refuses documents that are not HTML', () => {
    const dom = new JSDOM('<svg xmlns="http://www.w3.org/2000/svg"><text>hi</text></svg>', {
      contentType: 'image/svg+xml',
    });
    const result = analyzePage(dom.window.document);
    expect(result.reason?.code).toBe('not-html');
    expect(result.reason?.message).toMatch(/SVG image/);
  });

  it('refuses documents over maxElements, naming the count', () => {
    const { result } = analyze(articlePage(''), { maxElements: 10 });
    expect(result.reason?.code).toBe('too-large');
    expect(result.reason?.message).toMatch(/elements; the limit is 10/);
  });

  it('turns an exception inside Readability into parse-error', () => {
    const doc = pageDocument(articlePage(''));
    const original = doc.cloneNode;
    // A clone whose querySelectorAll throws makes Readability fail mid-parse.
    doc.cloneNode = function (deep?: boolean) {
      const copy = original.call(this, deep) as Document;
      copy.getElementsByTagName = () => {
        throw new Error('broken DOM');
      };
      return copy;
    };
    const result = analyzePage(doc);
    expect(result.article).toBeNull();
    expect(result.reason).toEqual({
      code: 'parse-error',
      message: 'The page could not be read: broken DOM',
    });
  });

  it('explains a missing window instead of failing', () => {
    const doc = pageDocument(articlePage(''));
    const detached = doc.implementation.createHTMLDocument('x');
    detached.body.append(detached.importNode(doc.body, true));
    const result = analyzePage(detached);
    expect(result.reason?.code).toBe('parse-error');
    expect(result.reason?.message).toMatch(/no window/);
    const withWindow = analyzePage(detached, { window: doc.defaultView! });
    expect(withWindow.article).not.toBeNull();
  });
});

describe('analyzePage: sanitising', () => {
  const hostile = articlePage(`
    <p>Before <script>window.pwned = 1</script><img src="/x.png" onerror="alert(1)" alt="x"> and
    <a href="javascript:alert(1)">a bad link</a> and <a href="/ok" onclick="steal()">a good one</a>.</p>
    <form action="/subscribe"><input name="email" value="me"><button>Go</button><select><option>OptionOne</option></select></form>
    <p style="position:fixed;inset:0;background:red">Styled text</p>
    <svg><script>alert(2)</script><circle r="4"></circle></svg>
    <object data="/flash.swf"></object><embed src="/movie.swf">
    <style>body{display:none}</style>
    <meta http-equiv="refresh" content="0;url=https://evil.example/">`);

  it('removes scripts, handlers, javascript: URLs, forms, styles and plugins', () => {
    const { html, text } = analyze(hostile);
    expect(html).not.toMatch(
      /<script|onerror|onclick|javascript:|<form|<input|<button|<select|<style|style=|<meta|<object|<embed|<iframe/i,
    );
    expect(text).toContain('Styled text');
    expect(text).not.toContain('alert(2)');
    expect(text).not.toContain('window.pwned');
    expect(text).not.toContain('OptionOne');
    const div = fragment(html);
    expect(div.querySelector('a[href="https://news.example.org/ok"]')).not.toBeNull();
    expect(div.querySelector('img')?.getAttribute('src')).toBe('https://news.example.org/x.png');
  });

  it('keeps only language classes on code and pre', () => {
    const { html } = analyze(
      articlePage(
        '<pre class="wp-block-code language-python hljs"><code class="lang-python x">def f():\n    return 1</code></pre><p class="lead big">Lead</p>',
      ),
    );
    const div = fragment(html);
    expect(div.querySelector('pre')?.getAttribute('class')).toBe('language-python');
    expect(div.querySelector('code')?.getAttribute('class')).toBe('lang-python');
    expect(div.querySelector('[class]:not(pre):not(code)')).toBeNull();
  });

  it('keeps pre whitespace, tables, figures, lists and block quotes', () => {
    const { html, text } = analyze(
      articlePage(`
        <pre><code>if (a) {\n    b();\n}</code></pre>
        <table><thead><tr><th>Year</th><th>Value</th></tr></thead><tbody><tr><td>2023</td><td>4.5</td></tr></tbody></table>
        <figure><img src="/chart.png" alt="Chart"><figcaption>The chart caption</figcaption></figure>
        <ul><li>First point</li><li>Second point</li></ul>
        <blockquote><p>A quoted passage from a report.</p></blockquote>`),
    );
    const div = fragment(html);
    expect(text).toContain('if (a) {\n    b();\n}');
    expect(div.querySelectorAll('table td')).toHaveLength(2);
    expect(div.querySelector('figure figcaption')?.textContent).toBe('The chart caption');
    expect(div.querySelectorAll('li')).toHaveLength(2);
    expect(div.querySelector('blockquote')?.textContent).toContain('A quoted passage');
  });
});

describe('analyzePage: links and images', () => {
  it('makes links absolute and opens other sites in a new tab', () => {
    const { html } = analyze(
      articlePage(
        '<p>See <a href="../related.html">related</a>, <a href="https://other.example/x">elsewhere</a>, <a href="#fn1">note</a> and <a href="mailto:a@b.c">mail</a>.</p>',
      ),
    );
    const links = fragment(html).querySelectorAll('a');
    const byText = (t: string) => Array.from(links).find((a) => a.textContent === t)!;
    expect(byText('related').getAttribute('href')).toBe(
      'https://news.example.org/2024/related.html',
    );
    expect(byText('related').hasAttribute('target')).toBe(false);
    expect(byText('elsewhere').getAttribute('target')).toBe('_blank');
    expect(byText('elsewhere').getAttribute('rel')).toBe('noopener noreferrer');
    expect(byText('note').getAttribute('href')).toBe('#fn1');
    expect(byText('mail').hasAttribute('target')).toBe(false);
  });

  it('resolves against options.url and a <base> element', () => {
    const page = articlePage(
      '<p><a href="page">rel</a></p>',
      '<title>t</title><base href="/docs/">',
    );
    const doc = pageDocument(page, 'https://saved.example/file.html');
    const result = analyzePage(doc, { url: 'https://origin.example/a/b.html' });
    const a = Array.from(fragment(result.article!.html).querySelectorAll('a')).find(
      (x) => x.textContent === 'rel',
    );
    expect(a?.getAttribute('href')).toBe('https://origin.example/docs/page');
    expect(result.url).toBe('https://origin.example/a/b.html');
  });

  it('resolves lazy images: data-src, data-srcset, picture sources and noscript fallbacks', () => {
    const { html } = analyze(
      articlePage(`
        <figure><img class="lazyload" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-src="/img/one.jpg" data-srcset="/img/one-800.jpg 800w, /img/one-1600.jpg 1600w" alt="One"><figcaption>First</figcaption></figure>
        <figure><img src="/assets/blank.gif" data-lazy-src="/img/two.jpg" alt="Two"><figcaption>Second</figcaption></figure>
        <figure><picture><source data-srcset="/img/three.webp 1x, /img/three@2x.webp 2x" type="image/webp"><img alt="Three"></picture><figcaption>Third</figcaption></figure>
        <figure><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Four"><noscript><img src="/img/four.jpg" alt="Four"></noscript><figcaption>Fourth</figcaption></figure>`),
    );
    const images = Array.from(fragment(html).querySelectorAll('img'));
    const srcs = images.map((img) => img.getAttribute('src'));
    expect(srcs).toEqual([
      'https://news.example.org/img/one.jpg',
      'https://news.example.org/img/two.jpg',
      'https://news.example.org/img/three@2x.webp',
      'https://news.example.org/img/four.jpg',
    ]);
    expect(images[0]!.getAttribute('srcset')).toBe(
      'https://news.example.org/img/one-800.jpg 800w, https://news.example.org/img/one-1600.jpg 1600w',
    );
    expect(fragment(html).querySelectorAll('figure')).toHaveLength(4);
  });
});

describe('analyzePage: embeds', () => {
  it('turns frames into inert links that name the host', () => {
    const { html, text } = analyze(
      articlePage(`
        <p>Watch:</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0" title="Launch video" allowfullscreen></iframe>
        <div><iframe src="https://player.vimeo.com/video/123456"></iframe></div>
        <iframe src="https://datawrapper.dwcdn.net/AbCdE/3/"></iframe>`),
    );
    const div = fragment(html);
    expect(div.querySelector('iframe')).toBeNull();
    const links = Array.from(div.querySelectorAll('[data-declutter-embed] a'));
    expect(links.map((a) => a.textContent)).toEqual([
      'Open embedded video (youtube-nocookie.com)',
      'Open embedded video (vimeo.com)',
      'Open embedded chart (datawrapper.dwcdn.net)',
    ]);
    expect(links[0]!.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(text).toContain('Open embedded video (vimeo.com)');
  });
});

describe('analyzePage: clutter', () => {
  it('removes findings of the hidden kinds from the article and reports them', () => {
    const page = articlePage(
      '<div class="support-box"><p>Please support us with a donation so we can keep writing these stories for you every week.</p></div><aside class="share"><p>Share this on every network you can think of today, it helps us a lot.</p></aside>',
    );
    clutter.findings = (doc) =>
      doc.URL === 'about:blank'
        ? []
        : [
            {
              kind: 'donation',
              rule: 'test/donation',
              selector: '.support-box',
              text: 'Please support us',
              confidence: 1,
            },
            {
              kind: 'social',
              rule: 'test/social',
              selector: '.share',
              text: 'Share this',
              confidence: 1,
            },
          ];
    const { result, text } = analyze(page);
    clutter.findings = () => [];
    expect(text).not.toContain('Please support us');
    expect(result.hidden.map((f) => f.rule)).toEqual(['test/donation']);
    const all = analyze(page, { hideKinds: [] });
    expect(all.result.hidden).toEqual([]);
  });

  it('locates every finding before removing any (positional selectors stay true)', () => {
    const page = articlePage(
      '<div class="tail"><p>First leftover block of reader chatter that should never reach the view.</p></div><div class="tail"><p>A keeper paragraph between the two that belongs to the article itself.</p></div><div class="tail"><p>Second leftover block of reader chatter that should never reach the view.</p></div>',
    );
    const probe = pageDocument(page);
    const tails = [...probe.querySelectorAll('div.tail')];
    const nth = (el: Element) => [...el.parentElement!.children].indexOf(el) + 1;
    const finding = (el: Element, text: string): ClutterFinding => ({
      kind: 'comments',
      rule: 'test/run',
      selector: `div.tail:nth-child(${nth(el)})`,
      text,
      confidence: 1,
    });
    const findings = [finding(tails[0]!, 'First leftover'), finding(tails[2]!, 'Second leftover')];
    clutter.findings = (doc) => (doc.URL === 'about:blank' ? [] : findings);
    const { text } = analyze(page);
    clutter.findings = () => [];
    expect(text).not.toContain('leftover');
    expect(text).toContain('A keeper paragraph');
  });

  it('detects clutter once, on the page itself, and removes it from the copy Readability reads', () => {
    const page = articlePage(
      '<ol class="commentlist"><li><p>First reader comment with enough words to look like prose in a scorer.</p></li></ol>',
    );
    const seen: Document[] = [];
    clutter.findings = (doc) => {
      seen.push(doc);
      return [
        {
          kind: 'comments',
          rule: 'test/list',
          selector: '.commentlist',
          text: 'First reader comment',
          confidence: 1,
        },
      ];
    };
    const doc = pageDocument(page);
    const result = analyzePage(doc);
    clutter.findings = () => [];
    expect(seen, 'one detection, over the page itself').toEqual([doc]);
    expect(result.article?.text).not.toContain('First reader comment');
    expect(result.article?.text).toContain('Paragraph 6 of the story');
  });

  it('leaves the clutter out of every copy when Readability starts again on a short article', () => {
    const doc = pageDocument(
      '<!doctype html><html><head><title>Brief</title></head><body><main><article><h1>Brief</h1>' +
        '<p>A short notice about the harbour: dredging resumes on Monday, weather permitting.</p>' +
        '</article><ol class="commentlist"><li><p>A reader comment that must stay out, whatever the attempt.</p></li></ol></main></body></html>',
    );
    clutter.findings = () => [
      {
        kind: 'comments',
        rule: 'test/list',
        selector: '.commentlist',
        text: 'A reader comment',
        confidence: 1,
      },
    ];
    const view = doc.defaultView as Window & typeof globalThis;
    const copy = vi.spyOn(view.Document.prototype, 'cloneNode');
    const before = doc.documentElement.outerHTML;
    let result;
    let copies = 0;
    try {
      result = analyzePage(doc);
      copies = copy.mock.calls.length;
    } finally {
      copy.mockRestore();
      clutter.findings = () => [];
    }
    // Under 500 characters Readability tries again with looser rules, from a fresh copy each time.
    expect(copies, 'copies of the page made').toBeGreaterThan(1);
    expect(result.article?.text).toContain('dredging resumes on Monday');
    expect(result.article?.text).not.toContain('A reader comment');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('survives a clutter rule that throws, and says so', () => {
    clutter.findings = () => {
      throw new Error('rule exploded');
    };
    const { result } = analyze(articlePage(''));
    clutter.findings = () => [];
    expect(result.article).not.toBeNull();
    expect(result.warnings?.[0]).toMatch(/rule exploded/);
  });
});

describe('analyzePage: text, metadata and timings', () => {
  it('gives text whose offsets match the view parsing the html into a div', () => {
    const { result } = analyze(
      articlePage(
        '<p>Line one<br>line two &amp; <em>more</em>   spaced    out.</p><pre>  keep\n\n   this</pre><ul><li>a</li><li>b</li></ul>',
      ),
    );
    const article = result.article!;
    // What the UI does: parse article.html into a <div> and build its text map.
    const view = pageDocument('<!doctype html><body></body>');
    const div = view.createElement('div');
    div.innerHTML = article.html;
    const map = buildTextMap(div);
    expect(map.text).toBe(article.text);
    expect(article.length).toBe(article.text.length);
    const at = article.text.indexOf('spaced out.');
    expect(at).toBeGreaterThan(0);
    const seg = map.segments.find((s) => s.start <= at && at < s.start + s.nodeOffsets.length)!;
    expect(seg.node.data.slice(seg.nodeOffsets[at - seg.start]!)).toMatch(/^spaced/);
  });

  it('reports metadata and reading time', () => {
    const head =
      '<title>Ignored | Site</title><meta property="og:title" content="The real title"><meta property="og:site_name" content="Example News"><meta name="author" content="Ann Writer"><meta property="article:published_time" content="2024-05-01T10:00:00Z">';
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const { result } = analyze(articlePage(`<p>${words}</p>`, head));
    expect(result).toMatchObject({
      title: 'The real title',
      byline: 'Ann Writer',
      siteName: 'Example News',
      lang: 'en',
      publishedTime: '2024-05-01T10:00:00Z',
      readerable: true,
    });
    expect(result.article!.readingMinutes).toBeGreaterThanOrEqual(3);
    expect(result.article!.readingMinutes).toBeLessThanOrEqual(4);
  });

  it('times every stage with the given clock', () => {
    let tick = 0;
    const { result } = analyze(articlePage(''), { now: () => (tick += 1) });
    for (const stage of [
      'guard',
      'clutter',
      'clone',
      'prepare',
      'readability',
      'cleanup',
      'sanitise',
      'quotes',
    ]) {
      expect(result.timings[stage], stage).toBe(1);
    }
    // Eight laps after the start, plus the final reading of the clock.
    expect(result.timings.total).toBe(9);
  });

  it('analyzeArticleInSteps: pauses after Readability and after sanitising, gives the same analysis, and leaves the pauses out of the timings', () => {
    const page = articlePage('<p>“We will win this year,” Maria Lopez said on Monday.</p>');
    // Every reading of the clock takes 1 ms; each pause takes a second in which the page had
    // the main thread.
    let clock = 0;
    const now = () => (clock += 1);
    const steps = analyzeArticleInSteps(pageDocument(page), { now, detect: () => [] });
    const paused: string[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      paused.push(step.value);
      clock += 1000;
    }
    expect(paused).toEqual(['readability', 'sanitise']);
    const stepped = step.value;
    clock = 0;
    const whole = analyzeArticle(pageDocument(page), { now, detect: () => [] });
    expect(stepped.article).toEqual(whole.article);
    expect(stepped.title).toBe(whole.title);
    expect(stepped.timings.total).toBeLessThan(100);
    expect(stepped.timings.total).toBe(whole.timings.total);
    const stages = Object.entries(stepped.timings).filter(([name]) => name !== 'total');
    expect(Math.max(...stages.map(([, ms]) => ms))).toBeLessThan(100);
  });

  it('skips quote extraction with quotes: false', () => {
    const { result } = analyze(articlePage('<p>“We will win,” she said.</p>'), { quotes: false });
    expect(result.quotes).toEqual([]);
    expect(result.speakers).toEqual([]);
  });

  it('analyzeArticle: the same article without quotes, speakers or a quotes stage', () => {
    const page = articlePage('<p>“We will win this year,” Maria Lopez said on Monday.</p>');
    const full = analyzePage(pageDocument(page));
    const article = analyzeArticle(pageDocument(page));
    expect(full.quotes.length, 'the page has a quote').toBeGreaterThan(0);
    expect(article.quotes).toEqual([]);
    expect(article.speakers).toEqual([]);
    expect(article.article).toEqual(full.article);
    expect(article.hidden).toEqual(full.hidden);
    expect(full.timings).toHaveProperty('quotes');
    expect(article.timings).not.toHaveProperty('quotes');
  });

  it('parses noscript images kept as text (a scripting browser) without touching the page', () => {
    const doc = pageDocument(
      articlePage('<figure><noscript></noscript></figure><figure><noscript></noscript></figure>'),
    );
    const [first, second] = Array.from(doc.querySelectorAll('noscript'));
    // With scripting on, the noscript's content is one text node, not elements.
    first!.textContent = '<img src="/media/tarts.jpg" alt="Custard tarts" width="900">';
    second!.textContent = '<img src="/media/tram.jpg" alt="Tram 28" width="900">';
    const before = doc.documentElement.outerHTML;
    const result = analyzePage(doc);
    const article = fragment(result.article?.html ?? '');
    const img = article.querySelector('img[alt="Custard tarts"]');
    expect(img?.getAttribute('src')).toBe('https://news.example.org/media/tarts.jpg');
    const tram = article.querySelector('img[alt="Tram 28"]');
    expect(tram?.getAttribute('src')).toBe('https://news.example.org/media/tram.jpg');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
