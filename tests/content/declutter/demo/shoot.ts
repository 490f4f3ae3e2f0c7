// Looks at Declutter mode in real headless Chromium: builds the demo bundle with Vite, injects it
// into a fixture page, enables Declutter + quotes and writes screenshots to out/declutter-demo/.
// Also measures one observer batch for a late 20 000-element thread in the browser.
//
//   npx tsx tests/content/declutter/demo/shoot.ts [page.html]
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type * as DemoApi from './entry';
import type { PageDeclutter } from '../../../../src/ui/declutter/page-declutter-types';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../../../..');
const outDir = resolve(repo, 'out/declutter-demo');
const page =
  process.argv.slice(2).find((a) => a.endsWith('.html')) ??
  resolve(repo, 'tests/fixtures/pages/seed-southfront/source.html');
const CHROMIUM = '/usr/bin/chromium';
/** tsx compiles the evaluate() callbacks with esbuild's keepNames, which calls a `__name` helper. */
const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn;';

async function bundle(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repo,
    define: { __BROWSER__: JSON.stringify('chrome') },
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: resolve(here, 'entry.ts'),
        name: 'DeclutterDemo',
        formats: ['iife'],
        fileName: () => 'demo.js',
      },
    },
  });
  return resolve(outDir, 'demo.js');
}

async function open(browserPage: Page, script: string, dark: boolean) {
  await browserPage.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await browserPage.goto(`file://${page}`, { waitUntil: 'domcontentloaded' });
  await browserPage.addScriptTag({ path: script });
  return browserPage.evaluate(() => {
    const api = (window as unknown as { DeclutterDemo: typeof DemoApi }).DeclutterDemo;
    const declutter = api.createPageDeclutter(document, {
      kinds: ['comments', 'donation', 'newsletter', 'social'],
    });
    const items = declutter.enable();
    let quotes: ReturnType<typeof api.mountPageQuotes> | null = null;
    const toolbar = api.mountDeclutterToolbar(document, declutter, {
      onQuotes: () => {
        if (!quotes) quotes = api.mountPageQuotes(document, { declutter });
        else quotes.setEnabled(!quotes.isEnabled());
        toolbar.setQuotesActive(quotes.isEnabled());
      },
    });
    Object.assign(window, { __demo: { declutter, toolbar } });
    return items.map(
      (i) =>
        `${i.finding.kind} ${i.finding.rule} <${i.element.tagName.toLowerCase()}${i.element.id ? '#' + i.element.id : ''}>`,
    );
  });
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: ${CHROMIUM} not found`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--headless'],
  });
  try {
    for (const dark of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(KEEP_NAMES_SHIM);
      const p = await context.newPage();
      p.on('pageerror', (error) => console.log('page error:', error.message));
      const items = await open(p, script, dark);
      const suffix = dark ? '-dark' : '';
      if (!dark) console.log('hidden:', items);
      await p.screenshot({ path: `${outDir}/01-declutter${suffix}.png` });
      // Chips where blocks were hidden.
      const chipY = await p.evaluate(() => {
        const chips = [...document.querySelectorAll('[data-declutter-root="chip"]')];
        return chips.map((c) => c.getBoundingClientRect().top + window.scrollY);
      });
      if (chipY.length > 1) {
        await p.evaluate((y) => window.scrollTo(0, y - 300), chipY[chipY.length - 1]!);
        await p.screenshot({ path: `${outDir}/02-chip-end${suffix}.png` });
      }
      // Quotes on.
      await p.evaluate(() => window.scrollTo(0, 0));
      const toolbar = p.locator('[data-declutter-root="toolbar"]');
      await toolbar.locator('button', { hasText: 'Quotes' }).click();
      const firstMark = p.locator('mark[data-declutter-quote]').first();
      if ((await firstMark.count()) > 0) {
        await firstMark.scrollIntoViewIfNeeded();
        await p.evaluate(() => window.scrollBy(0, -200));
        await p.screenshot({ path: `${outDir}/03-quotes${suffix}.png` });
        await firstMark.hover();
        await p.waitForTimeout(150);
        await p.screenshot({ path: `${outDir}/04-tooltip${suffix}.png` });
        const speaker = p.locator('[data-declutter-root="quotes-panel"] button.dq-speaker').nth(1);
        await speaker.click();
        await p.waitForTimeout(700);
        await p.screenshot({ path: `${outDir}/05-step${suffix}.png` });
      } else {
        console.log('no quote marks on the page');
      }
      // The hidden list.
      await toolbar.locator('button', { hasText: 'Show list' }).click();
      await p.waitForTimeout(100);
      await p.screenshot({ path: `${outDir}/06-list${suffix}.png` });
      // Comments shown again with quotes on: no quote inside them may be marked.
      const inComments = await p.evaluate(() => {
        const { declutter } = (window as unknown as { __demo: { declutter: PageDeclutter } })
          .__demo;
        for (const item of declutter.items())
          if (item.finding.kind === 'comments') declutter.restore(item.id);
        const comments = document.querySelector('#comments');
        comments?.scrollIntoView();
        window.scrollBy(0, -120);
        return {
          marks: document.querySelectorAll('mark[data-declutter-quote]').length,
          marksInComments: comments
            ? comments.querySelectorAll('mark[data-declutter-quote]').length
            : -1,
        };
      });
      if (!dark) console.log('quote marks:', JSON.stringify(inComments));
      await p.waitForTimeout(100);
      await p.screenshot({ path: `${outDir}/07-comments-shown${suffix}.png` });
      await context.close();
    }

    // The same layer and panel inside a shadow root themed like the reading view.
    for (const theme of ['dark', 'sepia']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(KEEP_NAMES_SHIM);
      const p = await context.newPage();
      await p.goto(`file://${page}`, { waitUntil: 'domcontentloaded' });
      await p.addScriptTag({ path: script });
      await p.evaluate((theme) => {
        const api = (window as unknown as { DeclutterDemo: typeof DemoApi }).DeclutterDemo;
        const declutter = api.createPageDeclutter(document, { kinds: ['comments', 'donation'] });
        declutter.enable();
        const source =
          document.querySelector('.entry-content') ?? document.querySelector('article')!;
        const host = document.createElement('div');
        host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;';
        document.documentElement.append(host);
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = `${api.paletteCss('.view')} .view{display:flex;gap:32px;height:100%;overflow:auto;background:var(--bg);color:var(--fg);padding:32px;box-sizing:border-box;font:19px/1.6 Georgia,serif} article{max-width:680px} aside{width:340px;flex:none;display:grid;gap:16px;align-content:start;font-size:13px}`;
        const view = document.createElement('div');
        view.className = 'view';
        view.dataset.theme = theme;
        const article = document.createElement('article');
        for (const child of source.children)
          if (child.tagName === 'P') article.append(child.cloneNode(true));
        const aside = document.createElement('aside');
        view.append(article, aside);
        shadow.append(style, view);
        const analysis = api.extractQuotes(api.buildTextMap(article).text);
        const layer = api.mountQuoteLayer(article, analysis, {
          panelParent: aside,
          styleRoot: shadow,
        });
        layer.setEnabled(true);
        api.mountHiddenPanel(aside, declutter);
        const first = article.querySelector('mark[data-declutter-quote]');
        first?.scrollIntoView({ block: 'center' });
      }, theme);
      await p.waitForTimeout(200);
      await p.screenshot({ path: `${outDir}/08-reader-${theme}.png` });
      await context.close();
    }

    // Observer batch cost in the browser: a late 20 000-element thread.
    const context = await browser.newContext();
    await context.addInitScript(KEEP_NAMES_SHIM);
    const p = await context.newPage();
    await p.goto(`file://${page}`, { waitUntil: 'domcontentloaded' });
    await p.addScriptTag({ path: script });
    const figures = await p.evaluate(async () => {
      const api = (window as unknown as { DeclutterDemo: typeof DemoApi }).DeclutterDemo;
      const results: {
        ms: number;
        addedNodes: number;
        roots: number;
        findings: number;
        newItems: number;
      }[] = [];
      const declutter = api.createPageDeclutter(document, {
        kinds: ['comments', 'donation'],
        onBatch: (b) => results.push(b),
      });
      declutter.enable();
      const { root, elements } = api.buildLateThread(document, 20_000);
      const children = [...root.children];
      root.replaceChildren();
      (document.querySelector('article') ?? document.body).after(root);
      for (const child of children) root.append(child);
      for (let waited = 0; waited < 15_000 && results.length === 0; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const hidden = root.getAttribute('data-declutter-hidden');
      declutter.destroy();
      // Where the batch's time goes: the detector alone, on the added subtree and on the page.
      const time = (fn: () => unknown) => {
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          fn();
          samples.push(performance.now() - t);
        }
        return samples.sort((a, b) => a - b)[2];
      };
      const detectRootsMs = time(() => api.detectClutter(document, { roots: [root] }));
      const detectPageMs = time(() => api.detectClutter(document));
      const reduceMs = time(() =>
        api.topMostRoots([root, ...root.querySelectorAll('*')], () => false),
      );
      return { elements, results, hidden, detectRootsMs, detectPageMs, reduceMs };
    });
    console.log('chromium observer batch:', JSON.stringify(figures));
    await context.close();
  } finally {
    await browser.close();
  }
}

await main();
