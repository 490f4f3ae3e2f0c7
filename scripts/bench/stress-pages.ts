// Generated stress pages for the scale section (written to out/bench/stress/, never committed).
// They model a WordPress-style article page (header, nav, sidebar, article with quotations,
// wpDiscuz comment thread, footer) and blow one dimension up at a time: bytes of article text,
// element count, nesting depth, number of comments. Text is pseudo-English from a seeded PRNG,
// so every run measures the same pages.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const WORDS = (
  'the council said a new plan would change how the city pays for roads and schools after years ' +
  'of debate residents asked whether the budget could cover repairs before winter while officials ' +
  'warned that costs had risen sharply since the last review many families depend on the bus ' +
  'routes that were cut during the spring and local businesses reported fewer customers in the ' +
  'evening hours an independent report found that the water system needed urgent investment ' +
  'because pipes installed decades ago were failing more often than expected engineers'
).split(' ');
const NAMES = [
  'Maria Lopez',
  'James Chen',
  'Aisha Rahman',
  'Peter Novak',
  'Ines Duarte',
  'Tom Berg',
];
const ROLES = ['the mayor', 'a council member', 'an engineer', 'a spokeswoman', 'a resident'];

/** Mulberry32: small seeded PRNG, so generated pages are identical run to run. */
export function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Writer {
  private rnd: () => number;
  constructor(seed: number) {
    this.rnd = prng(seed);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }
  int(lo: number, hi: number) {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  sentence(min = 8, max = 22) {
    const n = this.int(min, max);
    const words = Array.from({ length: n }, () => this.pick(WORDS));
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  }
  /** A paragraph; one in three carries a direct quotation with a speaker. */
  paragraph() {
    const body = Array.from({ length: this.int(3, 6) }, () => this.sentence()).join(' ');
    if (this.rnd() < 0.33) {
      const quote = this.sentence(6, 16).slice(0, -1);
      return `<p>${body} “${quote},” said ${this.pick(NAMES)}, ${this.pick(ROLES)}.</p>`;
    }
    return `<p>${body}</p>`;
  }
}

export function shell(title: string, article: string, afterArticle = '') {
  const nav = Array.from(
    { length: 12 },
    (_, i) => `<li><a href="/section-${i}/">Section ${i}</a></li>`,
  ).join('');
  const sidebar = Array.from(
    { length: 8 },
    (_, i) => `<li><a href="/story-${i}/">Related story number ${i} about the city budget</a></li>`,
  ).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}"><meta name="author" content="Bench Writer"></head>
<body class="post-template-default single single-post">
<header class="site-header"><div class="site-title"><a href="/">The Bench Gazette</a></div>
<nav class="main-navigation"><ul class="menu">${nav}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">${title}</h1>
<div class="entry-meta"><span class="byline">By <a class="url fn n" href="/author/bench/">Bench Writer</a></span>
<time class="entry-date published" datetime="2024-05-01T10:00:00+00:00">May 1, 2024</time></div></header>
<div class="entry-content">${article}</div></article>
${afterArticle}
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Related</h2><ul>${sidebar}</ul></section></aside></div>
<footer class="site-footer"><p>© The Bench Gazette</p></footer>
</body></html>
`;
}

export function articleOfBytes(w: Writer, bytes: number) {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const p = n > 0 && n % 12 === 0 ? `<h2>Part ${n / 12}</h2>${w.paragraph()}` : w.paragraph();
    parts.push(p);
    size += p.length;
    n++;
  }
  return parts.join('\n');
}

/** A wpDiscuz-style thread (structure as the plugin renders it), `count` comments, 3 levels. */
export function wpDiscuzThread(w: Writer, count: number) {
  const items: string[] = [];
  let open = 0;
  for (let i = 1; i <= count; i++) {
    const level = i === 1 ? 1 : w.int(1, Math.min(3, open + 1));
    while (open >= level) {
      items.push('</div>');
      open--;
    }
    const id = 5_000_000 + i;
    const text = Array.from({ length: w.int(1, 3) }, () => `<p>${w.sentence(6, 30)}</p>`).join('');
    items.push(`<div id="wpd-comm-${id}_0" class="comment depth-${level} wpd-comment${level > 1 ? ' wpd-reply' : ''} wpd_comment_level-${level}">
<div class="wpd-comment-wrap wpd-blog-guest"><div class="wpd-comment-left"><div class="wpd-avatar"><img alt="" src="/avatar/${id % 97}.png" class="avatar avatar-64 photo" height="64" width="64" loading="lazy"></div></div>
<div id="comment-${id}" class="wpd-comment-right"><div class="wpd-comment-header"><div class="wpd-comment-author">Reader ${id % 1009}</div><div class="wpd-comment-date" title="May 2, 2024 4:05 pm">1 year ago</div></div>
<div class="wpd-comment-text">${text}</div>
<div class="wpd-comment-footer"><div class="wpd-vote"><div class="wpd-vote-up wpd_not_clicked">+</div><div class="wpd-vote-result">${id % 13}</div><div class="wpd-vote-down wpd_not_clicked">-</div></div><div class="wpd-reply-button"><span>Reply</span></div></div></div></div>`);
    open++;
  }
  while (open-- > 0) items.push('</div>');
  return `<div id="comments" class="comments-area"><div id="wpdcom" class="wpdiscuz_unauth wpd-default wpd-layout-2 wpd-comments-open">
<div class="wpd-thread-head"><div class="wpd-thread-info" data-comments-count="${count}"><span>${count}</span> Comments</div></div>
<div id="wpd-threads" class="wpd-thread-wrapper"><div class="wpd-thread-list">${items.join('\n')}</div></div>
<div class="wpd-form-wrap"><form class="wpd_comm_form" method="post" action="/wp-comments-post.php"><textarea name="wc_comment" placeholder="Join the discussion"></textarea><button type="submit">Post Comment</button></form></div></div></div>`;
}

/** 40 000 list items × 5 elements: a huge product/link grid next to a short article. */
function manyElements(w: Writer, elements: number) {
  const items: string[] = [];
  for (let i = 0; i < elements / 5; i++) {
    items.push(
      `<li class="tile"><a href="/p/${i}"><span>${w.pick(WORDS)}</span></a><em>${i}</em><b></b></li>`,
    );
  }
  return `<section class="archive-grid"><ul>${items.join('')}</ul></section>`;
}

export interface StressPage {
  name: string;
  file: string;
  /** What the page stresses, for the table. */
  what: string;
  /** Run in the page before measuring (builds structure the HTML parser would flatten). */
  /** Levels the article is nested to in the page, by nestArticle (the HTML parser would flatten them). */
  nest?: number;
  bytes: number;
}

export const LADDER_BYTES = [100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];

/** Writes every stress page into `dir` and lists them. */
export async function writeStressPages(dir: string): Promise<StressPage[]> {
  await mkdir(dir, { recursive: true });
  const pages: StressPage[] = [];
  const add = async (name: string, what: string, html: string, nest?: number) => {
    const file = `${name}.html`;
    await writeFile(join(dir, file), html);
    pages.push({
      name,
      file,
      what,
      bytes: Buffer.byteLength(html),
      ...(nest ? { nest } : {}),
    });
  };
  for (const bytes of LADDER_BYTES) {
    // The ladder: 80 % article text, 20 % a comment thread, like a busy article page.
    const w = new Writer(bytes);
    const article = articleOfBytes(w, bytes * 0.8);
    const thread = wpDiscuzThread(w, Math.max(5, Math.round((bytes * 0.2) / 1300)));
    await add(
      `ladder-${bytes >= 1e6 ? `${bytes / 1e6}mb` : `${bytes / 1e3}kb`}`,
      `size ladder ${(bytes / 1e6).toFixed(1)} MB (article + comments)`,
      shell(`Ladder page of ${bytes} bytes`, article, thread),
    );
  }
  {
    const w = new Writer(1);
    await add(
      'article-10mb',
      '10 MB of article text, no comments',
      shell('Ten megabytes of article', articleOfBytes(w, 10_000_000)),
    );
  }
  {
    const w = new Writer(2);
    await add(
      'elements-200k',
      '200 000 elements (link grid) + short article',
      shell('Two hundred thousand elements', articleOfBytes(w, 6_000), manyElements(w, 200_000)),
    );
  }
  {
    const w = new Writer(3);
    await add(
      'deep-5000',
      'article nested 5 000 divs deep (built by DOM: parsers cap depth)',
      shell('Five thousand levels deep', articleOfBytes(w, 20_000)),
      5000,
    );
  }
  {
    // Shallow enough for Chromium to render (2 000 levels do; 3 000 crash the renderer): opened
    // through the real click by try-anyway.ts, where the size gate must ask before analysing it
    // (src/content/reader/page-size.ts) and "Try anyway" reads it off the tab.
    const w = new Writer(5);
    await add(
      'deep-2000',
      'article nested 2 000 divs deep (built by DOM), rendered',
      shell('Two thousand levels deep', articleOfBytes(w, 20_000)),
      2000,
    );
  }
  {
    const w = new Writer(4);
    await add(
      'comments-20k',
      '20 000 comments, wpDiscuz thread',
      shell('Twenty thousand comments', articleOfBytes(w, 8_000), wpDiscuzThread(w, 20_000)),
    );
  }
  return pages;
}

/**
 * In-page: wraps the article's content in `depth` nested divs (the HTML parser would flatten them).
 * Chromium's own renderer crashes laying out ~3 000+ levels (measured: 2 000 renders, 3 000
 * crashes the tab, with no extension involved), so the page is first taken out of layout by a
 * stylesheet rule. Not by a style attribute: Readability drops `style="display:none"` nodes.
 */
export function nestArticle(depth: number): number {
  const content = document.querySelector('.entry-content');
  if (!content) return 0;
  if (depth > 2000) {
    const hide = document.createElement('style');
    hide.textContent = 'html { display: none !important; }';
    document.head.appendChild(hide);
  }
  const inner = document.createElement('div');
  while (content.firstChild) inner.appendChild(content.firstChild);
  let node = inner;
  for (let i = 1; i < depth; i++) {
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.appendChild(node);
    node = wrap;
  }
  content.appendChild(node);
  let d = 0;
  for (let n: Element | null = inner; n; n = n.parentElement) d++;
  return d;
}
