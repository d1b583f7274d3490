// Filters live in the URL: a filter change updates the charts, and the URL, opened in a new
// page, reproduces the view. The language toggle and chart tooltips work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../../scripts/lib/app/browser.ts';
import { baseUrl, openBrowser, shot, waitForCharts, watchedPage } from './harness.ts';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rowsOf = (page: import('playwright-core').Page) =>
  page.locator('[data-testid="sangong-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-unit')}:${tr.getAttribute('data-year')}`));

describe('filters in the URL', () => {
  it('a filter change updates the chart, and the shared URL reproduces the view', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${baseUrl()}/sangong`);
    await waitForCharts(w.page);
    const panel = w.page.locator('[data-chart="sangong-by-year"]');
    const v0 = Number(await panel.getAttribute('data-version'));
    const bars0 = await panel.locator('.lc-bar').count();
    const rows0 = await rowsOf(w.page);

    await w.page.selectOption('select[name="from"]', '2020');
    await w.page.waitForURL(/[?&]from=2020/);
    await w.page.waitForFunction((v) => Number(document.querySelector('[data-chart="sangong-by-year"]')?.getAttribute('data-version')) > v, v0);
    await waitForCharts(w.page);
    const bars1 = await panel.locator('.lc-bar').count();
    const rows1 = await rowsOf(w.page);
    expect(bars1).toBeLessThan(bars0);
    expect(rows1.length).toBeLessThan(rows0.length);
    expect(rows1.every((r) => Number(r.split(':')[1]) >= 2020)).toBe(true);

    await w.page.selectOption('select[name="kind"]', 'final');
    await w.page.waitForURL(/kind=final/);
    await waitForCharts(w.page);
    const shared = w.page.url();
    const rows2 = await rowsOf(w.page);
    await shot(w.page, 'filtered-sangong');

    // The same link in a fresh page: same filters selected, same rows, same bars.
    const other = await watchedPage(browser);
    await other.page.goto(shared);
    await waitForCharts(other.page);
    expect(await other.page.inputValue('select[name="from"]')).toBe('2020');
    expect(await other.page.inputValue('select[name="kind"]')).toBe('final');
    expect(await rowsOf(other.page)).toEqual(rows2);
    expect(await other.page.locator('[data-chart="sangong-by-year"] .lc-bar').count()).toBe(await panel.locator('.lc-bar').count());
    await shot(other.page, 'shared-url-sangong');
    expect(w.errors).toEqual([]);
    expect(other.errors).toEqual([]);

    // Back restores the unfiltered view.
    await w.page.goBack();
    await w.page.goBack();
    await waitForCharts(w.page);
    expect(await rowsOf(w.page)).toEqual(rows0);
    await w.page.close();
    await other.page.close();
  });

  it('a unit filter narrows every page, and links keep it', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${baseUrl()}/procurement?units=u_953ab05e4982397c`);
    await waitForCharts(w.page);
    expect(await w.page.locator('[data-testid="procurement-ranking"] tbody tr').count()).toBe(1);
    await w.page.click('nav[aria-label="main"] a[href*="sangong"]');
    await w.page.waitForURL(/sangong\?units=u_953ab05e4982397c/);
    await waitForCharts(w.page);
    const units = await w.page.locator('[data-testid="sangong-table"] tbody tr').evaluateAll((trs) => [...new Set(trs.map((t) => t.getAttribute('data-unit')))]);
    expect(units).toEqual(['u_953ab05e4982397c']);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('English toggle, kept in the URL', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${baseUrl()}/procurement`);
    await waitForCharts(w.page);
    await w.page.click('[data-testid="lang-toggle"]');
    await w.page.waitForURL(/lang=en/);
    expect(await w.page.locator('nav[aria-label="main"]').textContent()).toContain('Procurement');
    expect(await w.page.locator('h1').textContent()).toBe('Government procurement');
    expect(await w.page.locator('[data-testid="sme-share"]').allTextContents()).toContain('11.60 %');
    await shot(w.page, 'page-procurement-en');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('chart tooltips give the exact figure with its unit', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${baseUrl()}/procurement?units=u_953ab05e4982397c`);
    await waitForCharts(w.page);
    const bar = w.page.locator('[data-chart="procurement-total"] .lc-bar').first();
    const box = (await bar.boundingBox())!;
    await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = w.page.locator('.lc-tooltip-header').first();
    await tip.waitFor({ timeout: 5000 });
    const text = await tip.evaluate((h) => h.parentElement?.textContent ?? '');
    expect(text).toContain('新疆维吾尔自治区人民政府办公厅（本级）');
    expect(text).toMatch(/(279\.37|5,777\.64|556\.74) 万元/);
    await shot(w.page, 'tooltip-procurement');
    await w.page.close();
  });
});
