// A small static file server for the built site (node:http, no dependencies): correct MIME
// types (application/wasm lets the browser compile DuckDB while it downloads), SvelteKit's
// prerendered pages without the .html suffix, long caching for hashed assets only, and byte
// ranges (DuckDB-wasm reads a large snapshot's Parquet files by range: footer, then the
// row groups and columns a query needs). `mounts` serves other folders (another snapshot)
// under a path prefix of the same origin.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The file a URL path names inside `root`, or null (never a path outside root). */
export function resolveFile(root: string, urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (p.includes('\0')) return null;
  const base = resolve(root);
  const full = normalize(join(base, p));
  if (full !== base && !full.startsWith(base + sep)) return null;
  const candidates = [full, `${full}.html`, join(full, 'index.html')];
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** `cors`: lets pages of other origins read the files (a snapshot opened with ?snapshot=). */
/** One byte range of a `Range: bytes=…` header within a file of `size` bytes; null: serve it whole; 'bad': 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // several ranges or another unit: the whole file
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'bad' : { start, end };
}

export function serveStatic(
  root: string,
  opts: { port?: number; host?: string; quiet?: boolean; cors?: boolean; mounts?: Record<string, string> } = {},
): Promise<RunningServer> {
  const mounts = Object.entries(opts.mounts ?? {}).map(([prefix, dir]) => [`/${prefix.replace(/^\/+|\/+$/g, '')}/`, dir] as const);
  const server = createServer((req, res) => {
    const cors = opts.cors ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'content-range, content-length, accept-ranges' } : {};
    if (req.method === 'OPTIONS' && opts.cors) {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'range' }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    let file = mount ? resolveFile(mount[1], url.pathname.slice(mount[0].length - 1)) : resolveFile(root, url.pathname);
    let status = 200;
    if (!file) {
      // Unknown paths get the app's fallback page, which shows its own "not found".
      file = resolveFile(root, '/404.html');
      status = 404;
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
    }
    const st = statSync(file);
    const immutable = file.includes(`${sep}_app${sep}immutable${sep}`);
    const range = status === 200 ? parseRange(req.headers.range, st.size) : null;
    const head = {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      ...cors,
    };
    if (range === 'bad') {
      res.writeHead(416, { ...head, 'content-range': `bytes */${st.size}` }).end();
      return;
    }
    if (range) res.writeHead(206, { ...head, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${st.size}` });
    else res.writeHead(status, { ...head, 'content-length': st.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file, range ? { start: range.start, end: range.end } : {}).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 4173, opts.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : 'localhost';
      ok({
        url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
        port,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
