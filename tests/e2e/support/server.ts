// A static file server on 127.0.0.1 with an OS-assigned port, for e2e tests, `npm start` and the
// benchmarks. Several folders can be mounted under URL prefixes. The query string is ignored, so
// tests give every page a unique URL (`?test=name-1`) without needing a file per test: Chromium's
// action trigger finds the tab by URL, and a unique URL also defeats any per-URL caching.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  readonly origin: string;
  /** Absolute URL of a path under the server, e.g. `url('/fixtures/seed-southfront/source.html')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Mount table: URL prefix (starting and ending with `/`) → folder on disk. */
export type Mounts = Record<string, string>;

/** Serves one folder at the root of the server. */
export function serveDirectory(dir: string): Promise<StaticServer> {
  return serveDirectories({ '/': dir });
}

/** Serves several folders, each under its URL prefix. Longest prefix wins. */
export async function serveDirectories(mounts: Mounts): Promise<StaticServer> {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);

  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const mount = table.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return notFound(response);
      const [prefix, root] = mount;
      let file = normalize(join(root, pathname.slice(prefix.length)));
      // Never serve anything outside the mounted folder (`..` in the URL).
      if (file !== root && !file.startsWith(root + sep)) return notFound(response);
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return notFound(response);
      response.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(response);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  // Keep-alive sockets would make close() wait for the browser to drop them.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, `${origin}/`).href,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('not found');
}
