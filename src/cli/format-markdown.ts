// --format markdown: the article through Turndown, with fenced code blocks that keep their
// language (from a language-*/lang-* class on <pre> or <code>).
import TurndownService from 'turndown';
import type { PageAnalysis } from '../core/index';

function codeLanguage(pre: Element): string {
  const classes = `${pre.getAttribute('class') ?? ''} ${pre.querySelector('code')?.getAttribute('class') ?? ''}`;
  return /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(classes)?.[1] ?? '';
}

function converter(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
  });
  service.addRule('fencedCodeWithLanguage', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const pre = node as unknown as Element;
      const code = pre.textContent ?? '';
      const longestFence = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longestFence + 1);
      const body = code.endsWith('\n') ? code : `${code}\n`;
      return `\n\n${fence}${codeLanguage(pre)}\n${body}${fence}\n\n`;
    },
  });
  return service;
}

/** `articleRoot` is the article HTML parsed into an element (Turndown walks it directly). */
export function articleMarkdown(result: PageAnalysis, articleRoot: HTMLElement): string {
  const head = [
    result.title ? `# ${result.title}` : null,
    [...new Set([result.byline, result.siteName].filter(Boolean))].join(' · ') || null,
    result.url ? `<${result.url}>` : null,
  ].filter((line): line is string => line !== null);
  const body = converter().turndown(articleRoot);
  return `${head.join('\n\n')}\n\n${body.trim()}\n`;
}
