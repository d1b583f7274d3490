// Every page of the built site loads in headless Chromium from the app's own origin, without
// console errors, with every chart out of its loading state, and shows real figures from the
// seed documents. Screenshots go to test/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../../scripts/lib/app/browser.ts';
import { baseUrl, chartStates, openBrowser, shot, waitForCharts, watchedPage } from './harness.ts';

const SHUIMOGOU_CAC = 'u_ccaf1aa47f56277a'; // 中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室
const XINJIANG_GOV_OFFICE = 'u_953ab05e4982397c'; // 新疆维吾尔自治区人民政府办公厅（本级）

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function load(path: string, name: string) {
  const w = await watchedPage(browser);
  await w.page.goto(`${baseUrl()}${path}`);
  await waitForCharts(w.page);
  const states = await chartStates(w.page);
  await shot(w.page, `page-${name}`);
  return { ...w, states };
}

function expectClean(w: { errors: string[]; foreign: string[]; states: Record<string, string> }) {
  expect(w.errors).toEqual([]);
  // Offline-capable: nothing is fetched from another origin (no CDN for DuckDB or fonts).
  expect(w.foreign).toEqual([]);
  expect(Object.values(w.states)).not.toContain('error');
  expect(Object.values(w.states)).not.toContain('loading');
}

describe('every page loads from the built site with real figures', () => {
  it('概览: coverage, headline totals, latest findings', async () => {
    const w = await load('/', 'overview');
    expectClean(w);
    expect(await w.page.getAttribute('[data-testid="snapshot-state"]', 'data-view-errors')).toBe('0');
    expect(w.states['totals-by-year']).toBe('ready');
    const matrix = w.page.locator('[data-testid="coverage-matrix"]');
    await expect(matrix.textContent()).resolves.toContain('中共新疆乌鲁木齐市水磨沟区委员会网络安全和信息化领导小组办公室');
    expect(await w.page.locator('[data-testid="headline"]').textContent()).toMatch(/文档\s*5/);
    // The chart draws one bar per year and kind with a value.
    expect(await w.page.locator('[data-chart="totals-by-year"] .lc-bar').count()).toBeGreaterThan(0);
    // The first page was answered from the build-time seed (same SQL, run by Node's DuckDB).
    const log = await w.page.evaluate(() => (window as unknown as { __fiscallensQueries: { sql: string }[] }).__fiscallensQueries.map((q) => q.sql));
    expect(log.some((q) => q.startsWith('[seed] SELECT fiscal_year, kind, sum(value) AS expense_total'))).toBe(true);
    await w.page.close();
  });

  it('三公经费: 1.29 万元 for 水磨沟区网信办 in 2019, derived years marked', async () => {
    const w = await load('/sangong', 'sangong');
    expectClean(w);
    const cell = w.page.locator(`tr[data-unit="${SHUIMOGOU_CAC}"][data-year="2019"] [data-testid="sangong-actual"]`);
    expect(await cell.locator('button.fig').innerText()).toBe('1.29 万元');
    // Its source sentence is one click away.
    await cell.locator('button').click();
    await expect(w.page.locator('[popover]:popover-open').textContent()).resolves.toContain('“三公”经费支出决算数1.29万元');
    const derived = w.page.locator(`tr[data-unit="${SHUIMOGOU_CAC}"][data-year="2018"] [data-testid="sangong-actual"]`);
    expect(await derived.textContent()).toContain('1.52 万元');
    expect(await derived.locator('.derived').count()).toBe(1);
    expect(await w.page.locator('[data-chart="sangong-by-year"] .lc-bar').count()).toBeGreaterThan(0);
    await w.page.close();
  });

  it('政府采购: SME share 11.60 % for 自治区政府办公厅 in 2019, with the policy reference lines', async () => {
    const w = await load('/procurement', 'procurement');
    expectClean(w);
    const share = w.page.locator(`[data-testid="procurement-ranking"] tr[data-unit="${XINJIANG_GOV_OFFICE}"][data-year="2019"] [data-testid="sme-share"]`);
    expect((await share.textContent())?.trim()).toBe('11.60 %');
    expect(await w.page.locator('[data-chart="procurement-shares"]').textContent()).toContain('30%');
    await w.page.close();
  });

  it('支出结构: 功能分类 treemap drills 类 → 款 → 项', async () => {
    const w = await load('/spending', 'spending');
    expectClean(w);
    const blocks = w.page.locator('[data-chart="function-treemap"] g[role="button"]');
    expect(await blocks.count()).toBeGreaterThan(1);
    await blocks.first().click();
    await w.page.waitForURL(/fn=/);
    await waitForCharts(w.page);
    expect(await w.page.locator('[data-chart="function-treemap"] nav').textContent()).toMatch(/全部.*›/s);
    await shot(w.page, 'page-spending-drilled');
    await w.page.close();
  });

  it('绩效评价: histogram, scatter, project table with indicator drill-down', async () => {
    const w = await load('/performance', 'performance');
    expectClean(w);
    expect(w.states['score-histogram']).toBe('ready');
    expect(w.states['score-vs-execution']).toBe('ready');
    // Its points, flagged ones (score ≥ 90, execution < 80 %) in red.
    expect(await w.page.locator('[data-chart="score-vs-execution"] circle.lc-point').count()).toBeGreaterThan(0);
    expect(await w.page.locator('[data-chart="score-vs-execution"] circle.lc-point[fill="#c92a2a"]').count()).toBeGreaterThan(0);
    await w.page.locator('[data-testid="projects-table"] button.link').first().click();
    await w.page.waitForSelector('[data-chart="indicators"][data-state="ready"]');
    expect(await w.page.locator('[data-chart="indicators"] tbody tr').count()).toBeGreaterThan(0);
    await w.page.close();
  });

  it('单位画像: metrics with peer percentiles and every figure with its source sentence', async () => {
    const w = await load(`/unit?unit=${XINJIANG_GOV_OFFICE}`, 'unit');
    expectClean(w);
    expect(await w.page.locator('[data-chart="unit-info"] h2').textContent()).toContain('新疆维吾尔自治区人民政府办公厅（本级）');
    // Percentiles within the peer group (here each group has one member: shown as such).
    const metrics = (await w.page.locator('[data-testid="unit-metrics"]').textContent()) ?? '';
    expect(metrics).toContain('中小企业采购占比');
    expect(metrics).toContain('11.60 %');
    expect(metrics).toContain('同领域');
    const fig = w.page.locator('[data-testid="unit-figures"] tr[data-key="sangong.total"][data-basis="actual"] button').last();
    expect(await fig.textContent()).toContain('244.5 万元');
    expect(await fig.getAttribute('title')).toContain('“三公”经费支出决算 244.5 万元');
    await w.page.close();
  });

  it('异常线索: findings with their figures and source lines, filterable by severity', async () => {
    const w = await load('/findings', 'findings');
    expectClean(w);
    const tables = (await w.page.getAttribute('[data-testid="snapshot-state"]', 'data-tables')) ?? '';
    if (!tables.split(',').includes('findings')) {
      expect(await w.page.locator('[data-testid="findings-unavailable"]').count()).toBe(1);
    } else {
      const all = await w.page.locator('[data-testid="findings-list"] > li').count();
      expect(all).toBeGreaterThan(0);
      await w.page.selectOption('select[name="severity"]', 'high');
      await w.page.waitForURL(/severity=high/);
      await waitForCharts(w.page);
      const high = await w.page.locator('[data-testid="findings-list"] > li').count();
      expect(high).toBeLessThanOrEqual(all);
      expect(await w.page.locator('[data-testid="findings-list"] .badge.medium').count()).toBe(0);
    }
    await w.page.close();
  });

  it('数据: tables with filtered row counts, CSV with a BOM, the dictionary and the report', async () => {
    const w = await load('/data', 'data');
    expectClean(w);
    expect(await w.page.locator('[data-testid="data-tables"] tr[data-table="facts"]').textContent()).toMatch(/facts/);
    expect(await w.page.locator('[data-testid="dictionary"]').textContent()).toContain('facts');
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-testid="csv-units"]')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('新疆维吾尔自治区人民政府办公厅（本级）');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFunit_id,name,/);
    const [pq] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-testid="parquet-units"]')]);
    const bytes = readFileSync(await pq.path());
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });
});
