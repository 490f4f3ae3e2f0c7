// A PageAnalysis as the core returns it, built by hand so the view is tested on its own.
import type { PageAnalysis } from '../../../src/core/index';
import { buildTextMap } from '../../../src/core/text/text-map';

export const ARTICLE_HTML = `
<p>The council <a href="https://example.org/vote">voted</a> on Tuesday.<sup><a href="https://example.org/news/story#fn1">1</a></sup></p>
<figure><img src="https://example.org/img/hall.jpg" alt="The town hall"><figcaption>The town hall in spring.</figcaption></figure>
<blockquote><p>“We will build it,” the mayor said.</p></blockquote>
<table><tr><th>Year</th><th>Budget</th></tr><tr><td>2024</td><td>1.2m</td></tr></table>
<pre><code>let x = 1;
    indented();</code></pre>
<ul><li>One</li><li>Two</li></ul>
<p data-declutter-embed="video"><a href="https://www.youtube.com/watch?v=abcdefgh">Open embedded video (youtube.com)</a></p>
<ol><li id="fn1">A footnote.</li></ol>`;

/** The canonical text of `html`, computed independently of the view (a separate parse). */
export function canonicalTextOf(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return buildTextMap(doc.body).text;
}

export function articleAnalysis(overrides: Partial<PageAnalysis> = {}): PageAnalysis {
  const text = canonicalTextOf(ARTICLE_HTML);
  return {
    url: 'https://example.org/news/story',
    title: 'Council approves the new hall',
    byline: 'By Ana Ruiz',
    siteName: 'Example Gazette',
    lang: 'en',
    dir: null,
    publishedTime: null,
    excerpt: null,
    readerable: true,
    article: { html: ARTICLE_HTML, text, length: text.length, readingMinutes: 3.4 },
    reason: null,
    hidden: [
      {
        kind: 'comments',
        rule: 'comments/wpdiscuz',
        selector: '#wpdcom',
        text: '12 comments. Great article!',
        confidence: 0.95,
      },
    ],
    quotes: [],
    speakers: [],
    timings: {},
    ...overrides,
  };
}

export function noArticleAnalysis(message = 'No article was found on this page.'): PageAnalysis {
  return articleAnalysis({ article: null, reason: { code: 'no-article', message }, hidden: [] });
}
