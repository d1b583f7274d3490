// What the browser tests share: one Chromium per test file, pages that record console errors,
// failed requests and requests to other origins, and helpers to wait for the charts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { LaunchedBrowser } from '../../scripts/lib/app/browser.ts';
import { launchBrowser } from '../../scripts/lib/app/browser.ts';
import { ROOT } from '../../scripts/lib/app/paths.ts';

export const ARTIFACTS = join(ROOT, 'test', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export interface Watched {
  page: Page;
  errors: string[];
  foreign: string[];
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function openBrowser(): Promise<LaunchedBrowser> {
  return launchBrowser({ viewport: { width: 1400, height: 1000 } });
}

/** A new page whose console errors, uncaught exceptions and off-origin requests are recorded. */
export async function watchedPage(b: LaunchedBrowser): Promise<Watched> {
  const page = await b.context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return { page, errors, foreign };
}

/** Waits until the snapshot is open and no chart panel is still loading. */
export async function waitForCharts(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('[data-testid="snapshot-state"][data-status="ready"]', { state: 'attached', timeout });
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('[data-chart]')];
      return panels.length > 0 && panels.every((p) => p.getAttribute('data-state') !== 'loading' && p.getAttribute('aria-busy') !== 'true');
    },
    undefined,
    { timeout },
  );
}

export async function chartStates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-chart]')].map((p) => [p.getAttribute('data-chart'), p.getAttribute('data-state')])));
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
