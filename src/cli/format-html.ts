// --format html: the article as a standalone, readable HTML page (no scripts, one small
// stylesheet, light and dark following the system).
import type { PageAnalysis } from '../core/index';
import { escapeHtml } from './escape';

const STYLE = `
:root { color-scheme: light dark; --text: #1d1d1f; --muted: #5f6368; --bg: #fdfcf8; --link: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --text: #e8e6e3; --muted: #a0a4a8; --bg: #1b1c1e; --link: #8ab4f8; } }
html { background: var(--bg); color: var(--text); }
body { margin: 0 auto; max-width: 42rem; padding: 2rem 1.25rem 4rem; font: 1.125rem/1.65 Georgia, "Iowan Old Style", "Noto Serif", serif; }
header h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
header p { color: var(--muted); font: .95rem/1.4 system-ui, sans-serif; margin: 0 0 2rem; }
a { color: var(--link); }
img, video { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; } figcaption { color: var(--muted); font-size: .9rem; }
pre { overflow-x: auto; padding: 1rem; background: color-mix(in srgb, var(--text) 6%, transparent); border-radius: 6px; font-size: .9rem; line-height: 1.45; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--muted); }
table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border: 1px solid color-mix(in srgb, var(--text) 25%, transparent); padding: .35rem .6rem; }
`;

export function articleHtmlPage(result: PageAnalysis): string {
  const article = result.article;
  if (!article) throw new Error('articleHtmlPage needs an article');
  const meta = [result.byline, result.siteName, `${article.readingMinutes} min read`].filter(
    (part): part is string => Boolean(part),
  );
  const source = result.url ? ` · <a href="${escapeHtml(result.url)}">original</a>` : '';
  const lang = result.lang ? ` lang="${escapeHtml(result.lang)}"` : '';
  const dir = result.dir ? ` dir="${escapeHtml(result.dir)}"` : '';
  return `<!DOCTYPE html>
<html${lang}${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="declutter">
<title>${escapeHtml(result.title ?? 'Article')}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
<header>
<h1>${escapeHtml(result.title ?? '')}</h1>
<p>${meta.map(escapeHtml).join(' · ')}${source}</p>
</header>
${article.html}
</article>
</body>
</html>
`;
}
