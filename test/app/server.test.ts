// The static server: files inside build/ only, prerendered pages without .html, wasm MIME type.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../scripts/lib/app/server.ts';
import { resolveFile, serveStatic } from '../../scripts/lib/app/server.ts';

const root = mkdtempSync(join(tmpdir(), 'fl-serve-'));
mkdirSync(join(root, 'snapshot'));
writeFileSync(join(root, 'index.html'), '<p>home');
writeFileSync(join(root, 'sangong.html'), '<p>sangong');
writeFileSync(join(root, '404.html'), '<p>fallback');
writeFileSync(join(root, 'x.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(join(root, 'snapshot', 'manifest.json'), '{}');

let s: RunningServer;
beforeAll(async () => {
  s = await serveStatic(root, { port: 0 });
});
afterAll(async () => {
  await s.close();
});

describe('static server', () => {
  it('never resolves outside the root', () => {
    expect(resolveFile(root, '/../../etc/passwd')).toBeNull();
    expect(resolveFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveFile(root, '/a%00b')).toBeNull();
  });

  it('serves pages, wasm and JSON with their types; unknown paths get the fallback with 404', async () => {
    const page = await fetch(`${s.url}/sangong?lang=en`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<p>sangong');
    expect((await fetch(`${s.url}/`)).headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${s.url}/x.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${s.url}/snapshot/manifest.json`)).headers.get('content-type')).toMatch(/application\/json/);
    const missing = await fetch(`${s.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>fallback');
  });
});
