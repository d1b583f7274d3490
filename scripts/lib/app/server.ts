// A small static file server for the built site (node:http, no dependencies): correct MIME
// types (application/wasm lets the browser compile DuckDB while it downloads), SvelteKit's
// prerendered pages without the .html suffix, long caching for hashed assets only.
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
export function serveStatic(root: string, opts: { port?: number; host?: string; quiet?: boolean; cors?: boolean } = {}): Promise<RunningServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = resolveFile(root, url.pathname);
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
    res.writeHead(status, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': st.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(opts.cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
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
