// ?snapshot=<manifest URL> opens another snapshot: here a copy of the embedded one without its
// findings table, served from another origin. The app says it is external, and the findings
// page shows its honest empty state instead of failing.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../../scripts/lib/app/browser.ts';
import { SNAPSHOT_DIR } from '../../scripts/lib/app/paths.ts';
import type { RunningServer } from '../../scripts/lib/app/server.ts';
import { serveStatic } from '../../scripts/lib/app/server.ts';
import { baseUrl, openBrowser, shot, waitForCharts, watchedPage } from './harness.ts';

let browser: LaunchedBrowser;
let other: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'fl-snap-'));

beforeAll(async () => {
  for (const f of readdirSync(SNAPSHOT_DIR)) if (f !== 'findings.parquet') copyFileSync(join(SNAPSHOT_DIR, f), join(dir, f));
  const manifest = JSON.parse(readFileSync(join(SNAPSHOT_DIR, 'manifest.json'), 'utf8'));
  delete manifest.tables.findings;
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
});
