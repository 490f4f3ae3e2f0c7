// Local static server for the benchmark (127.0.0.1, port chosen by the OS).
//
// Saved pages are served as they were saved, with three changes made by headers or a one-word
// rewrite, never by editing the DOM the pipeline sees:
// - charset: the header names the page's own declared charset (meta prescan); undeclared or
//   declared-UTF-8 pages get UTF-8 when the bytes are valid UTF-8, else windows-1252 (old Dragnet
//   pages carry raw cp1252 bytes, one of them under a UTF-8 declaration).
// - page scripts never run: `script-src 'none'` (no inline scripts, no handlers, no javascript:
//   URLs). The <script> elements stay in the DOM, as on a live page, so Readability's own cost of
//   removing them is measured; <noscript> parses as on a scripting-enabled page. Our bundle is
//   injected through the driver's evaluate (CDP / BiDi), which page CSP does not govern.
// - no network: in `strict` mode the CSP allows only same-origin, data: and blob: loads, so
//   pages never wait on the internet; COOP/COEP make the page cross-origin isolated, which gives
//   performance.now() fine resolution (Firefox otherwise rounds to 1 ms). The extension modes use
//   `script-src 'none'` only (CSP must not interfere with the extension's own resources) and rely
//   on the browser driver's request blocking for non-local URLs.
// - `<meta http-equiv="refresh">` is renamed so a saved page cannot navigate itself away.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface Mount {
  /** URL prefix, e.g. "/corpus". */
  prefix: string;
  dir: string;
}

export interface BenchServer {
  origin: string;
  /** URL of `path` (relative to a mount prefix) under a mode: "a" strict analysis, "x" extension. */
  url(mode: 'a' | 'x', prefix: string, path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

const STRICT_CSP =
  "script-src 'none'; object-src 'none'; default-src 'self' data: blob: 'unsafe-inline'";
const EXTENSION_CSP = "script-src 'none'; object-src 'none'";

/** The charset the page declares in its first 4 KB (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

/** Charset to put in the Content-Type header for an HTML file. */
export function chooseCharset(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes);
  const utf8Declared = declared === 'utf-8' || declared === 'utf8';
  if (declared && !utf8Declared) return declared;
  // Undeclared, or declared UTF-8: the bytes decide (some old pages claim UTF-8 but hold cp1252).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Renames meta refresh so saved pages stay put (byte-level, ASCII-safe in any charset we serve). */
export function neutraliseRefresh(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  if (!/http-equiv\s*=\s*["']?refresh/i.test(text)) return bytes;
  return Buffer.from(
    text.replace(/(http-equiv\s*=\s*["']?)refresh/gi, '$1x-declutter-bench-refresh'),
    'latin1',
  );
}

export async function startServer(mounts: Mount[]): Promise<BenchServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const [, mode, ...rest] = url.pathname.split('/');
      const path = '/' + rest.map(decodeURIComponent).join('/');
      const mount = mounts.find((m) => path.startsWith(m.prefix + '/'));
      if ((mode !== 'a' && mode !== 'x') || !mount) {
        res.writeHead(404).end();
        return;
      }
      const root = resolve(mount.dir);
      const file = normalize(join(root, path.slice(mount.prefix.length)));
      if (!file.startsWith(root + '/')) {
        res.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
      } catch {
        res.writeHead(404).end();
        return;
      }
      let body: Buffer = await readFile(file);
      const ext = extname(file).toLowerCase();
      let type = TYPES[ext] ?? 'application/octet-stream';
      if (type === 'text/html') {
        type += `; charset=${chooseCharset(body)}`;
        body = neutraliseRefresh(body);
      }
      const headers: Record<string, string> = {
        'content-type': type,
        'content-length': String(body.length),
        'cache-control': 'no-store',
        'content-security-policy': mode === 'a' ? STRICT_CSP : EXTENSION_CSP,
      };
      if (mode === 'a') {
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
        headers['cross-origin-resource-policy'] = 'same-origin';
      }
      res.writeHead(200, headers).end(body);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (mode, prefix, path) =>
      `${origin}/${mode}${prefix}/${path.split('/').map(encodeURIComponent).join('/')}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
