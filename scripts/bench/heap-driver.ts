// Driving one Chromium tab for heap measurements without leaving the driver's own code in the
// measured heap: the page is probed through CDP Runtime.evaluate with short expressions (no
// Playwright evaluate, whose utility script and serialiser would be compiled in the page's world
// and counted as ours), and every figure is taken after a full GC.
import type { CDPSession, Page } from 'playwright-core';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickAction, type ChromiumSession } from '../../tests/e2e/support/browsers';
import { armPaintWatch, markStart } from './paint-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HeapSample {
  usedMB: number;
  totalMB: number;
  nodes: number;
  documents: number;
  listeners: number;
}

/** JS heap of the tab's renderer isolate (page world + content-script world) after GC. */
export async function heapSample(cdp: CDPSession): Promise<HeapSample> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as {
    documents: number;
    nodes: number;
    jsEventListeners: number;
  };
  return {
    usedMB: heap.usedSize / 2 ** 20,
    totalMB: heap.totalSize / 2 ** 20,
    nodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
  };
}

/** A heap snapshot (JSON text) after GC. */
export async function takeSnapshot(cdp: CDPSession): Promise<string> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (p: { chunk: string }) => chunks.push(p.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return chunks.join('');
}

async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const result = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string };
  };
  if (result.exceptionDetails) throw new Error(`in page: ${result.exceptionDetails.text}`);
  return result.result.value;
}

const PAINTED = `(() => { const w = window.__benchPaint; return w && w.painted ? w.painted - w.t0 : 0; })()`;
const VIEW_GONE = `!document.querySelector('[data-declutter-root="reader"]')`;

/** Installs the paint watch once before the baseline, so the probe is part of "before". */
export async function armProbe(cdp: CDPSession): Promise<void> {
  await evaluate(cdp, `(${armPaintWatch.toString()})()`);
}

/**
 * One open + close through the real action click (the harness's CDP Extensions.triggerAction).
 * Returns trigger → painted in page-clock ms (this includes the harness's tab lookup, ~50 ms,
 * which the click-path section leaves out).
 */
export async function openClose(
  session: ChromiumSession,
  page: Page,
  cdp: CDPSession,
  timeoutMs = 20_000,
): Promise<number> {
  await armProbe(cdp);
  await evaluate(cdp, `(${markStart.toString()})()`);
  await clickAction(session, page);
  let deadline = Date.now() + timeoutMs;
  let painted = 0;
  while (!(painted = await evaluate<number>(cdp, PAINTED))) {
    if (Date.now() > deadline) throw new Error(`view not painted within ${timeoutMs / 1000} s`);
    await sleep(15);
  }
  await clickAction(session, page);
  deadline = Date.now() + 10_000;
  while (!(await evaluate<boolean>(cdp, VIEW_GONE))) {
    if (Date.now() > deadline) throw new Error('view still there 10 s after the closing click');
    await sleep(15);
  }
  return painted;
}

/**
 * A copy of the built extension that may inject its content script into the bench server's pages
 * without a click (host permission for 127.0.0.1, nothing else changed; content.js is the same
 * file), so "injected, nothing opened" can be measured. Remove the folder when done.
 */
export async function injectableCopy(chromeDist: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'declutter-heap-'));
  await cp(chromeDist, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['http://127.0.0.1/*'];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

interface ExtensionApi {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

/** Runs content.js in `page` the way the background does, but without a click (needs the copy). */
export async function injectWithoutClick(session: ChromiumSession, page: Page): Promise<void> {
  await session.serviceWorker.evaluate(async (url) => {
    // The service worker's own extension API (not typed in this project: scripts only).
    const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const [tab] = await chrome.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
  }, page.url());
  // The settings read it starts (storage) settles in a moment.
  await sleep(300);
}

/** Stores settings (src/shared/settings.ts) as the options page would, e.g. quotesOnOpen. */
export async function storeSettings(
  session: ChromiumSession,
  settings: Record<string, unknown>,
): Promise<void> {
  await session.serviceWorker.evaluate(async (value) => {
    const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    await chrome.storage.sync.set({ settings: value });
  }, settings);
}
