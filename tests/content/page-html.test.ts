// "Try anyway" serialises a very large page in pieces across tasks (src/content/reader/page-html.ts).
// The pieces must add up to exactly what one outerHTML gives, whatever the markup: attributes with
// quotes and ampersands, text with < > & and no-break spaces, comments, SVG with case-sensitive
// names, tables, templates, scripts; and the thread must really be given back between pieces.
import { describe, expect, it, vi } from 'vitest';
import { analyzeAway, writePage, type SerialiseOptions } from '../../src/content/reader/page-html';
import { hasMoreThan } from '../../src/shared/element-count';
import {
  PAGE_PART_CHARS,
  type AnalyzePagePart,
  type BackgroundMessage,
  type SendToBackground,
} from '../../src/shared/messages';

const MARKUP = `<!DOCTYPE html><html lang="en"><head><title>A &amp; B</title>
<style>p > a { color: red }</style><script>if (a < b && c > d) { x = "</p>"; }</script></head>
<body class="single" data-json='{"a":"b &amp; c"}'>
<!-- a comment -- with dashes -->
<main id="main"><article>Lead: &lt;i&gt;not a tag&lt;/i&gt; 1 &lt; 2 &amp;amp; 3,&nbsp;said <b>she</b><h1>Quay &lt;works&gt; &amp; more</h1>
<p title="say &quot;hi&quot; &amp; go">Text&nbsp;with no-break space, 5 &lt; 6, and &gt; too.</p>
<svg viewBox="0 0 10 10"><foreignObject width="5" height="5"><div>in svg</div></foreignObject><linearGradient id="g"></linearGradient></svg>
<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
<template><p>inside a template</p></template>
<pre>
keeps its leading line</pre>
<textarea>typed &lt;text&gt;</textarea>
<ul>${Array.from({ length: 40 }, (_, i) => `<li data-i="${i}"><a href="/p/${i}?a=1&amp;b=2">Item ${i}</a></li>`).join('')}</ul>
</article></main></body></html>`;

/** The pieces writePage gives, as one string. */
async function serialisePage(doc: Document, options: SerialiseOptions): Promise<string> {
  const out: string[] = [];
  await writePage(doc, (piece) => void out.push(piece), options);
  return out.join('');
}

function page(): Document {
  return new DOMParser().parseFromString(MARKUP, 'text/html');
}

describe('serialisePage', () => {
  it('gives, piece by piece, the same document as one outerHTML', async () => {
    const doc = page();
    // small: 3 makes every element with more than three descendants go tag by tag.
    const html = await serialisePage(doc, {
      small: 3,
      budgetMs: 0,
      yieldTo: async () => undefined,
    });
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    const again = new DOMParser().parseFromString(html, 'text/html');
    expect(again.documentElement.outerHTML).toBe(doc.documentElement.outerHTML);
    expect(again.compatMode, 'standards mode, as the page').toBe('CSS1Compat');
    expect(again.querySelector('foreignObject div')?.textContent).toBe('in svg');
  });

  it('counts descendants only as far as it needs to', () => {
    const doc = page();
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const n = el.getElementsByTagName('*').length;
      for (const limit of [0, 1, 3, n - 1, n]) {
        if (limit < 0) continue;
        expect(hasMoreThan(el, limit), `${el.localName} (${n}) > ${limit}`).toBe(n > limit);
      }
    }
  });

  it('gives the thread back between pieces once the budget is spent, and not before', async () => {
    const doc = page();
    const yields = vi.fn(async () => undefined);
    let clock = 0;
    await serialisePage(doc, { small: 3, budgetMs: 5, yieldTo: yields, now: () => (clock += 1) });
    const spent = yields.mock.calls.length;
    expect(spent, 'one pause per ~5 pieces').toBeGreaterThan(5);

    const never = vi.fn(async () => undefined);
    await serialisePage(doc, { small: 3, budgetMs: 1e9, yieldTo: never, now: () => 0 });
    expect(never).not.toHaveBeenCalled();
  });

  it('"Try anyway" sends each slice as soon as it is written, not the whole page at the end', async () => {
    // 2.6 MB of comments, 2,600 elements (written one by one): three slices. A script adds an element to the page while the first
    // slice travels: it is in the HTML only if the rest was written after that slice was sent
    // (the tab never held the whole page as one string).
    const doc = page();
    const thread = doc.createElement('section');
    const comment = `<p>${'A reader wrote a long comment about the article. '.repeat(20)}</p>`;
    thread.innerHTML = Array.from({ length: 2600 }, () => comment).join('');
    doc.body.append(thread);
    const parts: AnalyzePagePart[] = [];
    const send = async (message: BackgroundMessage) => {
      if (message.type !== 'analyze-page') throw new Error(`unexpected ${message.type}`);
      parts.push(message);
      if (parts.length === 1) doc.body.append(doc.createElement('added-while-sending'));
      return message.last ? ({ title: 'done' } as never) : null;
    };
    await analyzeAway(doc, [], send as SendToBackground);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((part) => part.html.length <= PAGE_PART_CHARS)).toBe(true);
    expect(parts.map((part) => part.last)).toEqual([...parts.slice(1).map(() => false), true]);
    const html = parts.map((part) => part.html).join('');
    expect(html).toContain('<added-while-sending></added-while-sending></body>');
    expect(html.length).toBeGreaterThan(2.5e6);
  });

  it('"Try anyway" sends that HTML with the page URL and the kinds, in slices', async () => {
    const doc = page();
    const parts: AnalyzePagePart[] = [];
    const send = async (message: BackgroundMessage) => {
      if (message.type !== 'analyze-page') throw new Error(`unexpected ${message.type}`);
      parts.push(message);
      return message.last ? ({ title: 'done' } as never) : null;
    };
    const answer = await analyzeAway(doc, ['comments'], send as SendToBackground);
    expect(answer).toEqual({ title: 'done' });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.kinds).toEqual(['comments']);
    expect(parts[0]?.url).toBe(doc.location?.href ?? '');
    expect(parts[0]?.html).toContain('<h1>Quay &lt;works&gt; &amp; more</h1>');
    expect(parts[0]?.pieces, 'only a view that draws the article asks for pieces').toBeUndefined();
    await analyzeAway(doc, ['comments'], send as SendToBackground, true);
    expect(parts[1]?.pieces).toBe(true);
  });
});
