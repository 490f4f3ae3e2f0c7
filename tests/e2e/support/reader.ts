// Waiting for the reading view to open (painted) and to close, from outside the page. Shared by
// the e2e scenarios, `npm start` and scripts/measure-open.ts; no test-runner imports here.
import { waitInPage, type E2EPage } from './driver';
import { probeReader, type ReaderProbe } from './probes';

/** Waits until the view is painted and shows `expectedText`; returns what it shows. */
export async function waitForOpenReader(
  page: E2EPage,
  expectedText: string,
  timeoutMs = 15_000,
): Promise<ReaderProbe> {
  await waitInPage(
    page,
    `the reading view showing “${expectedText}”`,
    (needle: string) => {
      const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
      return !!root && (root.textContent ?? '').includes(needle);
    },
    expectedText,
    timeoutMs,
  );
  await waitInPage(
    page,
    'the reading view to be painted',
    () => {
      const host = document.querySelector('[data-declutter-root="reader"]');
      if (!host?.shadowRoot) return false;
      const boxes = [host, ...Array.from(host.shadowRoot.querySelectorAll('*'))];
      return boxes.some((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 200 && r.height > 200;
      });
    },
    undefined,
    timeoutMs,
  );
  return page.evaluate(probeReader, undefined);
}

/** Waits until no reader host is painted (removed, display:none or nothing of size inside). */
export async function waitForClosedReader(page: E2EPage, timeoutMs = 10_000): Promise<void> {
  await waitInPage(
    page,
    'the reading view to close',
    () => {
      const host = document.querySelector('[data-declutter-root="reader"]');
      if (!host || !host.isConnected) return true;
      const style = getComputedStyle(host);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
      const root = host.shadowRoot;
      if (!root) return true;
      return ![host, ...Array.from(root.querySelectorAll('*'))].some((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 200 && r.height > 200 && s.display !== 'none' && s.visibility !== 'hidden';
      });
    },
    undefined,
    timeoutMs,
  );
}
