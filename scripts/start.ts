// `npm start` (after `npm run build`): the demo. Serves the test pages on 127.0.0.1 and opens
// Chromium (default) or Firefox ESR (`npm start -- --firefox`) with the unpacked extension loaded
// on the seed-model page, the reading view already open.
//
// With a display ($DISPLAY set) the browser opens in a window and stays until you close it.
// Without one (a server, CI, or `--headless`) it runs headless: it clicks the toolbar button, waits
// for the reading view, writes a screenshot to out/reader-<browser>.png and the CLI's JSON for the
// same page to out/seed.json, prints both paths and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  CHROME_DIST,
  FIREFOX_DIST,
  ROOT,
  clickAction,
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
  whyUnavailable,
  type BrowserKind,
  type ExtensionSession,
} from '../tests/e2e/support/browsers';
import { serveDirectories } from '../tests/e2e/support/server';
import { wrapPage } from '../tests/e2e/support/driver';
import { waitForOpenReader } from '../tests/e2e/support/reader';

const SEED_DIR = join(ROOT, 'tests/fixtures/pages/seed-southfront');
const OUT = join(ROOT, 'out');
const CLI = join(ROOT, 'bin/declutter.mjs');

const argv = new Set(process.argv.slice(2));
const kind: BrowserKind = argv.has('--firefox') ? 'firefox' : 'chromium';
const headless = argv.has('--headless') || !process.env.DISPLAY;

class StartError extends Error {}

function fail(message: string): never {
  throw new StartError(message);
}

async function writeCliJson(pageUrl: string): Promise<string> {
  if (!existsSync(CLI)) fail(`the CLI is missing (${relative(ROOT, CLI)}); run npm ci`);
  const result = spawnSync(
    process.execPath,
    [CLI, '--url', pageUrl, '--format', 'json', join(SEED_DIR, 'source.html')],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    fail(`the CLI failed (exit ${result.status}): ${result.stderr.trim() || result.stdout.trim()}`);
  }
  const path = join(OUT, 'seed.json');
  await writeFile(path, result.stdout);
  return path;
}

async function main() {
  const missing = whyUnavailable(kind);
  if (missing) fail(missing);
  const { title, url: canonicalUrl } = JSON.parse(
    readFileSync(join(SEED_DIR, 'expected.json'), 'utf8'),
  ) as { title: string; url: string };

  const server = await serveDirectories({
    '/fixtures/': join(ROOT, 'tests/fixtures/pages'),
    '/e2e/': join(ROOT, 'tests/e2e/pages'),
  });
  const demoUrl = server.url('/fixtures/seed-southfront/source.html');
  let session: ExtensionSession | undefined;
  const shutdown = async () => {
    await session?.close();
    await server.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));

  try {
    console.log(
      `starting ${kind}${headless ? ' (headless: no $DISPLAY)' : ''} with ${relative(ROOT, kind === 'chromium' ? CHROME_DIST : FIREFOX_DIST)}`,
    );
    session =
      kind === 'chromium'
        ? await launchChromiumWithExtension({ headless })
        : await launchFirefoxWithExtension({ headless });
    const page = wrapPage(session);
    await page.goto(demoUrl);
    await clickAction(session);
    await waitForOpenReader(page, title);

    if (!headless) {
      console.log(`\ndemo page: ${demoUrl}`);
      console.log('The reading view is open. Esc or the toolbar button closes it; Alt+Shift+R');
      console.log('toggles it (if the browser assigned the shortcut). Close the browser to stop.');
      await new Promise<void>((done) => {
        if (session?.kind === 'chromium') session.context.on('close', () => done());
        else session?.browser.on('disconnected', () => done());
      });
      return;
    }

    await mkdir(OUT, { recursive: true });
    const screenshot = await page.screenshot(`reader-${kind}`);
    console.log(`\nreading view screenshot: ${screenshot}`);
    const json = await writeCliJson(canonicalUrl);
    console.log(`CLI JSON for the page:   ${json}`);
  } finally {
    await shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartError ? `npm start: ${error.message}` : error);
  process.exitCode = 1;
});
