// ?snapshot=<manifest URL> opens another snapshot: here a copy of the embedded one without its
// findings table, served from another origin. The app says it is external, and the findings
// page shows its honest empty state instead of failing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../../scripts/lib/app/browser.ts';
import { SNAPSHOT_DIR } from '../../scripts/lib/app/paths.ts';
import type { RunningServer } from '../../scripts/lib/app/server.ts';
import { writeScaleSeed } from '../../scripts/lib/app/seed.ts';
import { serveStatic } from '../../scripts/lib/app/server.ts';
import { baseUrl, openBrowser, shot, waitForCharts, watchedPage } from './harness.ts';

let browser: LaunchedBrowser;
let other: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'fl-snap-'));

beforeAll(async () => {
  cpSync(SNAPSHOT_DIR, dir, { recursive: true, filter: (src) => !src.startsWith(join(SNAPSHOT_DIR, 'findings')) });
  const manifest = JSON.parse(readFileSync(join(SNAPSHOT_DIR, 'manifest.json'), 'utf8'));
  delete manifest.tables.findings;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  // As `npm run aggregates` does for a large snapshot: the first charts answered ahead (aggregates/seed.json).
  await writeScaleSeed(dir, manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  other = await serveStatic(dir, { port: 0, cors: true });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await other?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('another snapshot', () => {
  it('without a findings table: honest empty state, the rest works', async () => {
    const w = await watchedPage(browser);
    const snap = encodeURIComponent(`${other.url}/manifest.json`);
    await w.page.goto(`${baseUrl()}/findings?snapshot=${snap}`);
    await waitForCharts(w.page);
    expect(await w.page.locator('[data-testid="findings-unavailable"]').count()).toBe(1);
    expect(await w.page.locator('.banner.warn').first().textContent()).toContain(other.url);
    await shot(w.page, 'findings-no-table');
    // Navigation keeps the snapshot; other pages still show its figures.
    await w.page.click('nav[aria-label="main"] a[href*="procurement"]');
    await w.page.waitForURL(/procurement\?.*snapshot=/);
    await waitForCharts(w.page);
    expect(await w.page.locator('[data-testid="sme-share"]').allTextContents()).toContain('11.60 %');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('read in place (as a province-scale snapshot is): opens on its latest year from the aggregates, detail partitions only when a unit is chosen', async () => {
    const w = await watchedPage(browser);
    const snap = encodeURIComponent(`${other.url}/manifest.json`);
    const requested: string[] = [];
    w.page.on('request', (r) => {
      if (r.url().includes('.parquet')) requested.push(decodeURIComponent(r.url()));
    });
    const partitions = () => requested.filter((u) => u.includes('/fiscal_year='));
    await w.page.goto(`${baseUrl()}/sangong?snapshot=${snap}&read=ranges`);
    // No years in the link: the latest year of the snapshot is written into it.
    await w.page.waitForURL(/from=2022&to=2022|to=2022.*from=2022/);
    await waitForCharts(w.page);
    expect(requested.some((u) => u.includes('aggregates/agg_figures.parquet'))).toBe(true);
    // The first chart was drawn from the snapshot's seed, before DuckDB-wasm was up.
    expect(await w.page.evaluate(() => (window as unknown as { __fiscallensQueries: { sql: string }[] }).__fiscallensQueries.some((q) => q.sql.startsWith('[seed] SELECT fiscal_year, kind, key')))).toBe(true);
    // No unit chosen: one row stands for every unit in scope, from the aggregates — 2019's
    // final accounts sum to 245.79 万元 (水磨沟区网信办 1.29 + 自治区政府办公厅 244.50).
    await w.page.selectOption('select[name="from"]', '2019');
    await w.page.selectOption('select[name="to"]', '2019');
    await w.page.waitForURL(/to=2019/);
    await waitForCharts(w.page);
    await w.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="sangong-table"] tbody tr')].some((tr) => tr.getAttribute('data-unit') === 'region:scope' && tr.getAttribute('data-year') === '2019' && tr.textContent?.includes('245.79')));
    // The other pages too: procurement's ranking from agg_procurement_top (自治区政府办公厅 11.60 %),
    // spending's tree from agg_function. Not one partition file read so far.
    await w.page.click('nav[aria-label="main"] a[href*="procurement"]');
    await w.page.waitForURL(/procurement\?.*to=2019/);
    await waitForCharts(w.page);
    expect(await w.page.locator('[data-testid="scope-note"]').count()).toBe(1);
    expect(await w.page.locator('[data-testid="sme-share"]').allTextContents()).toEqual(['100.00 %', '11.60 %', '—']); // and 独山子区网信办's 2019 budget: 0 of 0
    await w.page.click('nav[aria-label="main"] a[href*="spending"]');
    await w.page.waitForURL(/spending\?.*to=2019/);
    await waitForCharts(w.page);
    expect(await w.page.locator('[data-chart="function-treemap"]').getAttribute('data-state')).toBe('ready');
    expect(partitions()).toEqual([]);
    // One unit chosen: its own rows, from the 2019 partitions of its province only.
    const one = new URL(w.page.url());
    one.pathname = one.pathname.replace(/spending$/, 'sangong');
    one.searchParams.set('units', 'u_ccaf1aa47f56277a');
    one.searchParams.set('read', 'ranges'); // (links do not carry it: a reload would download this small snapshot whole)
    await w.page.goto(one.href);
    await waitForCharts(w.page);
    await w.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="sangong-table"] tbody tr')].some((tr) => tr.getAttribute('data-unit') === 'u_ccaf1aa47f56277a' && tr.getAttribute('data-year') === '2019' && tr.textContent?.includes('1.29')));
    expect(partitions().some((u) => u.includes('fiscal_year=2019'))).toBe(true);
    expect(partitions().filter((u) => !u.includes('fiscal_year=2019'))).toEqual([]); // another year's files are never read
    await shot(w.page, 'sangong-read-in-place');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });
});
