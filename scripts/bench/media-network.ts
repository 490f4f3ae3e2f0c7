// `npx tsx scripts/bench/media-network.ts [--browser chromium|firefox] [--cycles N]`: opening
// the reading view on a page with <video src>, <video><source media><track>, <audio src> and
// <picture><source media> must make no media request (the extension makes no network request of
// its own; media in the view carry preload="none"). The built extension (dist/chrome or
// dist/firefox), the real click path. Every request is seen in the local server's log and, in
// Chromium, also as CDP Network.requestWillBeSent on the tab (cache disabled). The page's own
// elements load before the first click (the server answers media with 404, so nothing is
// retried); anything requested from the first click on is reported, and media requests fail the
// check (exit code 1).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FIREFOX_DIST,
  clickAction,
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
  type ExtensionSession,
} from '../../tests/e2e/support/browsers';
import { CHROME_DIST } from './click-path';

const MEDIA_FILE = /\.(?:mp4|webm|ogg|ogv|mp3|m4a|wav|vtt)(?:$|\?)/i;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const prose = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the harbour authority said the new quay would open in spring, after two years of work, three delays and a long argument about who pays for the dredging.</p>`,
).join('\n');

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour reopens</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Harbour reopens</h1>
${prose}
<figure><video src="/media/clip.mp4" poster="/img/poster.gif" controls></video><figcaption>The quay</figcaption></figure>
<video controls><source src="/media/wide.webm" type="video/webm" media="(min-width: 600px)"><source src="/media/any.mp4" type="video/mp4"><track kind="captions" src="/media/en.vtt" srclang="en" default></video>
<p>Listen: <audio controls src="/media/interview.mp3"></audio></p>
<picture><source srcset="/img/wide.gif" media="(min-width: 900px)"><img src="/img/small.gif" alt="The harbour at dawn"></picture>
${prose}</article></main><footer><p>© Harbour News</p></footer></body></html>`;

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');

async function main() {
  const { values } = parseArgs({
    options: { cycles: { type: 'string' }, browser: { type: 'string' } },
  });
  const cycles = Number(values.cycles ?? 3);
  const firefox = values.browser === 'firefox';
  const dist = firefox ? FIREFOX_DIST : CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.log(`media-network: no built extension in ${dist}; run npm run build first.`);
    process.exit(2);
  }
  const log: Array<{ url: string; at: number }> = [];
  const server = createServer((req, res) => {
    log.push({ url: req.url ?? '', at: Date.now() });
    if (req.url?.startsWith('/page')) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
    } else if (req.url?.startsWith('/img/')) {
      res.setHeader('content-type', 'image/gif');
      res.end(GIF);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const session: ExtensionSession = firefox
    ? await launchFirefoxWithExtension({ extensionDir: dist })
    : await launchChromiumWithExtension({ extensionDir: dist });
  let failed = false;
  try {
    const tab = session.page;
    // Both drivers evaluate a no-argument function the same way; their typings differ.
    const evaluate = <R>(fn: () => R) =>
      (tab as unknown as { evaluate(f: () => R): Promise<R> }).evaluate(fn);
    const seen: Array<{ url: string; at: number }> = [];
    let detach = async () => {};
    if (session.kind === 'chromium') {
      const cdp = await session.context.newCDPSession(session.page);
      cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => {
        if (event.request.url.startsWith('http')) {
          seen.push({ url: event.request.url, at: Date.now() });
        }
      });
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      detach = () => cdp.detach();
    }
    // Polls in the page: the two drivers' waitForFunction signatures differ.
    const until = async (test: () => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!(await evaluate(test))) {
        if (Date.now() > deadline) throw new Error(`timed out: ${test.toString()}`);
        await sleep(50);
      }
    };
    await tab.goto(`${origin}/page`, { waitUntil: 'load' });
    await sleep(1500);
    const path = (url: string) => url.replace(origin, '');
    console.log(
      `${session.kind}: page's own requests before any click: ${log.map((r) => r.url).join(' ')}`,
    );
    const clicked = Date.now();
    const views: string[] = [];
    for (let i = 0; i < cycles; i++) {
      await clickAction(session);
      await until(
        () =>
          !!document
            .querySelector('[data-declutter-root="reader"]')
            ?.shadowRoot?.querySelector('video'),
      );
      await sleep(1500);
      views.push(
        await evaluate(() => {
          const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
          const media = Array.from(root?.querySelectorAll('video, audio') ?? []);
          return media.map((m) => `${m.localName}[preload=${m.getAttribute('preload')}]`).join(' ');
        }),
      );
      await clickAction(session);
      await until(() => !document.querySelector('[data-declutter-root="reader"]'));
      await sleep(500);
    }
    const after = (list: Array<{ url: string; at: number }>) =>
      list.filter((r) => r.at >= clicked).map((r) => path(r.url));
    const serverAfter = after(log);
    const cdpAfter = after(seen);
    const media = [...new Set([...serverAfter, ...cdpAfter])].filter((u) => MEDIA_FILE.test(u));
    console.log(`view opened and closed ${cycles} times; media in the view: ${views[0] ?? '-'}`);
    console.log(`server log from the first click on: ${serverAfter.join(' ') || '(none)'}`);
    if (session.kind === 'chromium') {
      console.log(`CDP requests from the first click on: ${cdpAfter.join(' ') || '(none)'}`);
    }
    failed = media.length > 0 || views.some((v) => /preload=(?!none)/.test(v));
    console.log(
      failed
        ? `FAIL: media requested while the view was open: ${media.join(' ')}`
        : 'PASS: no media request while the view was open',
    );
    await detach();
  } finally {
    await session.close();
    server.close();
  }
  process.exit(failed ? 1 : 0);
}

await main();
