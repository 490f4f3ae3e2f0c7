// The CLI's logic with its input and output injected, so tests can run it without a process.
// Every failure ends as one line on stderr ("declutter: …") and a non-zero exit code:
//   1 = the input cannot give an article (missing, empty, not HTML, no article found)
//   2 = the command line is wrong
import { analyzePage, extractQuotes, readingTime, type PageAnalysis } from './core-facade';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { decodeHtml } from './decode';
import { notHtmlReason } from './sniff';
import { parsePage, type ParsedPage } from './dom';
import { articleHtmlPage } from './format-html';
import { hideOnPage } from './format-page';
import { articleMarkdown } from './format-markdown';
import { escapeHtml } from './escape';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): number;
  version: string;
}

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const fail = (message: string): never => {
  throw new CliFailure(message, 1);
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (options.version) {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    return await run(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`declutter: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliFailure) {
      io.stderr(`declutter: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(
      `declutter: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

async function readInput(options: CliOptions, io: CliIo): Promise<Uint8Array> {
  const name = options.input === '-' ? 'standard input' : options.input;
  let bytes: Uint8Array;
  try {
    bytes = options.input === '-' ? await io.readStdin() : await io.readFile(options.input);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    return fail(`cannot read ${name}: ${why}`);
  }
  if (bytes.length === 0 || !/\S/.test(new TextDecoder().decode(bytes.subarray(0, 65536)))) {
    return fail(`${name} is empty`);
  }
  return bytes;
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  const started = io.now();
  const bytes = await readInput(options, io);
  const name = options.input === '-' ? 'standard input' : options.input;
  const decoded = decodeHtml(bytes, options.charset ?? undefined);
  const decodeMs = io.now() - started;

  if (options.textInput) return runText(decoded.text.replace(/^\uFEFF/, ''), options, io, decodeMs);

  const notHtml = notHtmlReason(bytes, decoded.text);
  if (notHtml) fail(`${name} is not an HTML page: ${notHtml}`);

  const parseStart = io.now();
  const page = parsePage(decoded.text, options.url);
  const url = options.url ?? declaredUrl(page.document);
  const parseMs = io.now() - parseStart;

  const result = analyzePage(page.document, {
    url: url ?? undefined,
    window: page.window,
    quotes: options.quotes,
    hideKinds: options.hide ?? undefined,
    now: io.now,
  });
  result.timings = withCliTimings(result.timings, decodeMs, parseMs);
  if (result.reason && (result.reason.code === 'not-html' || result.reason.code === 'empty')) {
    fail(`${name}: ${result.reason.message}`);
  }

  if (options.format === 'html' && options.page) {
    io.stdout(hideOnPage(page, result.hidden));
    return 0;
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.article) io.stderr(`declutter: ${name}: ${result.reason?.message}\n`);
    return result.article ? 0 : 1;
  }
  if (!result.article) return fail(`${name}: ${result.reason?.message ?? 'no article'}`);
  io.stdout(render(options, result, page));
  return 0;
}

function render(options: CliOptions, result: PageAnalysis, page: ParsedPage): string {
  const article = result.article as NonNullable<PageAnalysis['article']>;
  switch (options.format) {
    case 'html':
      return articleHtmlPage(result);
    case 'markdown': {
      const root = page.document.createElement('div');
      // eslint-disable-next-line no-unsanitized/property -- DOMPurify output; scripts never run in the CLI's DOM
      root.innerHTML = article.html;
      return articleMarkdown(result, root);
    }
    default:
      return `${article.text}\n`;
  }
}

/** The page's own statement of its address (saved pages keep their canonical link). */
function declaredUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (candidate && /^https?:\/\//i.test(candidate.trim())) return candidate.trim();
  }
  return null;
}

function withCliTimings(core: Record<string, number>, decode: number, parse: number) {
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const timings: Record<string, number> = { decode: round(decode), parse: round(parse) };
  for (const [stage, ms] of Object.entries(core)) timings[stage] = round(ms);
  timings.total = round((core.total ?? 0) + decode + parse);
  return timings;
}

/** --text: the input is the article text itself; quote offsets point into it. */
function runText(text: string, options: CliOptions, io: CliIo, decodeMs: number): number {
  const start = io.now();
  const { quotes, speakers } = options.quotes ? extractQuotes(text) : { quotes: [], speakers: [] };
  const quotesMs = io.now() - start;
  if (options.format === 'text') {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  }
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const result: PageAnalysis = {
    url: options.url,
    title: null,
    byline: null,
    siteName: null,
    lang: null,
    dir: null,
    publishedTime: null,
    excerpt: paragraphs[0] ?? null,
    readerable: null,
    article: {
      html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      text,
      length: text.length,
      readingMinutes: readingTime(text),
    },
    reason: null,
    hidden: [],
    quotes,
    speakers,
    timings: withCliTimings({ quotes: quotesMs, total: quotesMs }, decodeMs, 0),
  };
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}
