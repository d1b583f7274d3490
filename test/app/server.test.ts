// The static server: files inside build/ only, prerendered pages without .html, wasm MIME type.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../scripts/lib/app/server.ts';
import { parseRange, resolveFile, serveStatic } from '../../scripts/lib/app/server.ts';

const root = mkdtempSync(join(tmpdir(), 'fl-serve-'));
mkdirSync(join(root, 'snapshot'));
writeFileSync(join(root, 'index.html'), '<p>home');
writeFileSync(join(root, 'sangong.html'), '<p>sangong');
writeFileSync(join(root, '404.html'), '<p>fallback');
writeFileSync(join(root, 'x.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(join(root, 'snapshot', 'manifest.json'), '{}');
const other = mkdtempSync(join(tmpdir(), 'fl-serve-other-'));
mkdirSync(join(other, 'facts', 'fiscal_year=2019', 'province=新疆维吾尔自治区'), { recursive: true });
writeFileSync(join(other, 'facts', 'fiscal_year=2019', 'province=新疆维吾尔自治区', 'part-0.parquet'), 'PAR1abcdefPAR1');

let s: RunningServer;
beforeAll(async () => {
  s = await serveStatic(root, { port: 0, mounts: { scale: other } });
});
afterAll(async () => {
  await s.close();
});

describe('static server', () => {
  it('serves byte ranges (DuckDB-wasm reads Parquet footers and row groups by range)', async () => {
    expect(parseRange('bytes=0-3', 14)).toEqual({ start: 0, end: 3 });
    expect(parseRange('bytes=-4', 14)).toEqual({ start: 10, end: 13 });
    expect(parseRange('bytes=10-', 14)).toEqual({ start: 10, end: 13 });
    expect(parseRange('bytes=20-30', 14)).toBe('bad');
    expect(parseRange(undefined, 14)).toBeNull();
    // A mounted snapshot, its Hive path percent-encoded in the URL as the app writes it.
    const url = `${s.url}/scale/facts/${encodeURIComponent('fiscal_year=2019')}/${encodeURIComponent('province=新疆维吾尔自治区')}/part-0.parquet`;
    const tail = await fetch(url, { headers: { range: 'bytes=-4' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 10-13/14');
    expect(await tail.text()).toBe('PAR1');
    const whole = await fetch(url);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(await whole.text()).toBe('PAR1abcdefPAR1');
    expect((await fetch(url, { headers: { range: 'bytes=99-' } })).status).toBe(416);
    expect((await fetch(`${s.url}/scale/../index.html`)).status).toBe(200); // normalised by fetch to /index.html
    expect((await fetch(`${s.url}/scale/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

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
