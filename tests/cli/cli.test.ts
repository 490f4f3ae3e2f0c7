import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, runCli } from './run-cli';

// Each run parses a whole page with jsdom: seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 });

const SEED = join(FIXTURES, 'seed-southfront/source.html');
const scratch = mkdtempSync(join(tmpdir(), 'declutter-cli-'));
const scratchFile = (name: string, content: string | Uint8Array) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

/** One line on stderr, starting with the program name. */
const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.startsWith('declutter: ')).toBe(true);
};

describe('declutter --format json', () => {
  it('prints the analysis of the seed page with every documented field', async () => {
    const { code, stdout, stderr } = await runCli([SEED]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    for (const key of [
      'url',
      'title',
      'byline',
      'siteName',
      'lang',
      'dir',
      'publishedTime',
      'excerpt',
      'readerable',
      'article',
      'reason',
      'hidden',
      'quotes',
      'speakers',
      'timings',
    ]) {
      expect(result, key).toHaveProperty(key);
    }
    // No --url: the page's canonical link is its address.
    expect(result.url).toBe(
      'https://southfront.press/taliban-and-al-qaeda-putting-a-fox-in-charge-of-the-chicken-coop/',
    );
    expect(result.title).toBe('Taliban And Al Qaeda: Putting A Fox In Charge Of The Chicken Coop?');
    expect(Object.keys(result.article).sort()).toEqual([
      'html',
      'length',
      'readingMinutes',
      'text',
    ]);
    expect(result.article.text).toContain('Abu Omar Khorasani was taken');
    expect(result.article.text).not.toContain('Notify of');
    for (const stage of ['decode', 'parse', 'clone', 'readability', 'sanitise', 'total']) {
      expect(typeof result.timings[stage], stage).toBe('number');
    }
    for (const quote of result.quotes) {
      expect(result.article.text.slice(quote.start, quote.end)).toBe(quote.text);
    }
  });

  it('decodes a windows-1252 page by its meta charset', async () => {
    const { code, stdout } = await runCli([join(FIXTURES, 'windows-1252/source.html')]);
    expect(code).toBe(0);
    const text: string = JSON.parse(stdout).article.text;
    expect(text).toContain('« Le bouleau pour l’été, le noyer pour l’hiver »');
    expect(text).toContain('45 € – « le prix du temps');
    expect(text).not.toMatch(/[\u0080-\u009f]|Ã/);
  });

  it('reads standard input with -, and resolves links against --url', async () => {
    const html = `<html><head><title>T</title></head><body><article><h1>T</h1>${'<p>Some long enough paragraph of text, with commas, to be an article for sure. It goes on and on, like articles do, for a while.</p>'.repeat(5)}<p><a href="/next">next</a></p></article></body></html>`;
    const { code, stdout } = await runCli(['--url', 'https://site.example/a/b', '-'], html);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.url).toBe('https://site.example/a/b');
    expect(result.article.html).toContain('href="https://site.example/next"');
  });

  it('prints the reason and exits 1 when the page has no article', async () => {
    const { code, stdout, stderr } = await runCli([join(FIXTURES, 'no-article/source.html')]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).reason.code).toBe('no-article');
    oneLine(stderr);
    expect(stderr).toMatch(/No article found/);
  });
});

describe('declutter output formats', () => {
  it('--format text prints article.text', async () => {
    const json = JSON.parse((await runCli([SEED])).stdout);
    const { code, stdout } = await runCli(['--format', 'text', SEED]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${json.article.text}\n`);
  });

  it('--format html prints a standalone page without scripts', async () => {
    const { code, stdout } = await runCli(['--format=html', SEED]);
    expect(code).toBe(0);
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain(
      '<title>Taliban And Al Qaeda: Putting A Fox In Charge Of The Chicken Coop?</title>',
    );
    expect(stdout).toContain('Dr. James M. Dorsey · SouthFront');
    expect(stdout).not.toMatch(/<script/i);
  });

  it('--page --format html marks clutter on the whole page and removes nothing', async () => {
    const { code, stdout } = await runCli(['--page', '--format', 'html', SEED]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(stdout).toContain('id="wpdcom"');
    expect(stdout).toMatch(
      /id="comments"[^>]*data-declutter-hidden="comments"|data-declutter-hidden="comments"[^>]*id="comments"/,
    );
    expect(stdout).toContain('data-declutter-hidden="donation"');
    expect(stdout.match(/<style data-declutter="">/g)).toHaveLength(1);
    expect(stdout).toContain('Abu Omar Khorasani was taken');
  });

  it('--format markdown keeps fenced code with its language', async () => {
    const { code, stdout } = await runCli([
      '--format',
      'markdown',
      join(FIXTURES, 'code-blog/source.html'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Debouncing without timers/);
    expect(stdout).toContain('```typescript\n// scheduler.ts: coalesce calls per key');
    expect(stdout).toContain('```makefile\ntest:\n\tpython -m pytest -q tests/\n');
    expect(stdout).toContain('```python\ndef test_coalesces_per_key():');
  });
});

describe('declutter --text', () => {
  it('skips extraction and gives quote offsets into the input', async () => {
    const input =
      'The mayor spoke at noon.\n\n“We will open the bridge in June,” said Mayor Ana Ruiz, who has led the city since 2019.\n\nShe added: “Nobody will pay a toll.”\n';
    const { code, stdout } = await runCli(['--text', '-'], input);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.article.text).toBe(input);
    expect(result.article.html).toBe(
      '<p>The mayor spoke at noon.</p>\n<p>“We will open the bridge in June,” said Mayor Ana Ruiz, who has led the city since 2019.</p>\n<p>She added: “Nobody will pay a toll.”</p>',
    );
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const quote of result.quotes) expect(input.slice(quote.start, quote.end)).toBe(quote.text);
  });
});

describe('declutter errors: one line, non-zero exit', () => {
  it.each([
    [['/no/such/page.html'], 1, /cannot read \/no\/such\/page\.html: no such file/],
    [[scratch], 1, /it is a directory/],
    [['--format', 'pdf', 'x.html'], 2, /--format must be one of json, html, markdown, text/],
    [['--bogus', 'x.html'], 2, /unknown option --bogus/],
    [[], 2, /no input/],
    [['--url', 'not a url', 'x.html'], 2, /--url must be an absolute URL/],
    [['--page', 'x.html'], 2, /--page works with --format html/],
    [['--hide', 'ads', 'x.html'], 2, /unknown kind "ads"/],
  ])('%j exits %i', async (argv, exitCode, message) => {
    const { code, stdout, stderr } = await runCli(argv as string[]);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it.each([
    ['empty.html', '', /empty\.html is empty/],
    ['blank.html', '  \n\t\n', /blank\.html is empty/],
    ['doc.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /not an HTML page: it is a PDF document/],
    [
      'notes.txt',
      'Just some words.\n\nMore words.',
      /has no HTML tags \(use --text for plain text\)/,
    ],
    ['data.json', '{"title": "x"}', /it looks like JSON/],
  ])('%s is refused', async (name, content, message) => {
    const { code, stdout, stderr } = await runCli([scratchFile(name, content)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it('prints help and version on stdout', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^Usage: declutter/);
    expect((await runCli(['--version'])).stdout).toBe('0.0.0-test\n');
  });
});
