// Browser benchmark of the built site in headless Chromium:
//   cold time-to-first-chart: a fresh browser profile (no HTTP cache, no compiled wasm) opens
//     the overview; the time from navigation start until the first chart has its data and the
//     next frame is painted (the overview draws from the build-time seed, src/lib/db/seed.ts);
//   cold DuckDB-wasm ready: when the database answers live queries on that same load;
//   filter-to-update latency: on the 三公经费 page, the time from a filter change (the year
//     select) until the chart shows the new data and the next frame is painted; p50 / p95.
//   per page: the same filter change on each page's first chart, p50 / p95, and the page's JS
//     heap (main thread) after it.
// With --snapshot DIR the app opens that snapshot (?snapshot=, served from the same origin), as
// a province-scale snapshot is opened: no build-time seed, files read in place; the year filter
// then moves between the snapshot's last two years, and the targets are those of that scale.
// Prints a table and writes test/artifacts/bench-app.json (bench-app-scale.json with --snapshot).
//   npm run bench:app [-- --cold N] [--updates N] [--page-updates N] [--pages /,/sangong] [--snapshot DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from './lib/app/browser.ts';
import { ensureBuild } from './lib/app/build.ts';
import { BUILD_DIR, ROOT } from './lib/app/paths.ts';
import { serveStatic } from './lib/app/server.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const COLD_RUNS = arg('--cold', 5);
const UPDATES = arg('--updates', 40);
const WARMUP = 5;
const SNAPSHOT = process.argv.includes('--snapshot') ? resolve(process.argv[process.argv.indexOf('--snapshot') + 1]!) : null;
const TARGET_FIRST_CHART_MS = SNAPSHOT ? 2500 : 1000;
const TARGET_UPDATE_P95_MS = SNAPSHOT ? 150 : 100;
const QUERY = SNAPSHOT ? '?snapshot=%2Fext%2Fmanifest.json' : '';
/** Pages measured one by one (fewer changes each), with the chart that shows each change. */
const PAGES: { path: string; chart: string }[] = [
  { path: '/', chart: 'totals-by-year' },
  { path: '/spending', chart: 'function-treemap' },
  { path: '/sangong', chart: 'sangong-by-year' },
  { path: '/procurement', chart: 'procurement-total' },
  { path: '/performance', chart: 'score-histogram' },
  { path: '/findings', chart: 'findings' },
];
const PAGE_UPDATES = arg('--page-updates', 12);
/** --pages /,/sangong: measure only these pages. */
const ONLY = process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1]!.split(',') : null;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

// Installed before any page script: notes when the first chart panel turns ready, then waits
// one animation frame (the frame that shows it).
const FIRST_CHART_PROBE = `
  (() => {
    const done = () => requestAnimationFrame(() => { window.__firstChart = performance.now(); });
    const check = () => {
      // A prerendered page shown for another URL (another snapshot, filters) stays hidden until
      // the app has drawn its own data: its charts do not count.
      const el = document.documentElement.classList.contains('prerendered-stale') ? null : document.querySelector('[data-chart][data-state="ready"]');
      if (el) { window.__firstChartId = el.getAttribute('data-chart'); obs.disconnect(); done(); return true; }
      return false;
    };
    const obs = new MutationObserver(check);
    document.addEventListener('DOMContentLoaded', () => { if (!check()) obs.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-state', 'class'], childList: true }); });
  })();`;

// Diagnostic only (no target): when the app has started in the page, i.e. the layout's snapshot
// state has left 'idle' (a prerendered page says 'idle' until it hydrates), plus one frame.
const APP_START_PROBE = `
  (() => {
    const check = () => {
      const el = document.querySelector('[data-testid="snapshot-state"]');
      if (!el || el.getAttribute('data-status') === 'idle') return false;
      obs.disconnect();
      requestAnimationFrame(() => { window.__appStarted = performance.now(); });
      return true;
    };
    const obs = new MutationObserver(check);
    document.addEventListener('DOMContentLoaded', () => { if (!check()) obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'], childList: true }); });
  })();`;

async function main() {
  console.log(`bench-app: ${await ensureBuild({ quiet: true, log: (s) => console.log(`bench-app: ${s}`) })}`);
  const server = await serveStatic(BUILD_DIR, { port: 0, mounts: SNAPSHOT ? { ext: SNAPSHOT } : {} });
  const cold: { total: number; chart: string; dbReady: number }[] = [];
  const started: number[] = [];
  const live: number[] = [];
  try {
    for (let i = 0; i < COLD_RUNS; i++) {
      const b = await launchBrowser();
      try {
        const page = await b.context.newPage();
        await page.addInitScript(FIRST_CHART_PROBE);
        await page.addInitScript(APP_START_PROBE);
        await page.goto(`${server.url}/${QUERY}`);
        await page.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart != null, undefined, { timeout: 120_000 });
        const r = await page.evaluate(() => {
          const w = window as unknown as { __firstChart: number; __firstChartId: string };
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          return { total: w.__firstChart - (nav?.startTime ?? 0), chart: w.__firstChartId, dbReady: nav ? nav.domContentLoadedEventEnd : 0 };
        });
        cold.push(r);
        await page.waitForFunction(() => (window as unknown as { __appStarted?: number }).__appStarted != null, undefined, { timeout: 60_000 });
        started.push(await page.evaluate(() => (window as unknown as { __appStarted: number }).__appStarted - ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.startTime ?? 0)));
        // When DuckDB-wasm answers live (the first page may have drawn from the build-time seed).
        await page.waitForSelector('[data-testid="snapshot-state"][data-status="ready"]', { state: 'attached', timeout: 60_000 });
        live.push(Number(await page.getAttribute('[data-testid="snapshot-state"]', 'data-ready-at')));
      } finally {
        await b.close();
      }
    }

    const b = await launchBrowser();
    const updates: number[] = [];
    const updateQueries: number[] = [];
    const perPage: { path: string; p50: number; p95: number; heap_mib: number; n: number }[] = [];
    let cacheMs = 0;
    try {
      let page = await b.context.newPage();
      /** n changes of the year filter, alternating two values; ms until `chart` shows the new data, and its queries. */
      const measure = async (path: string, chart: string, n: number, warmup: number) => {
        if (page.isClosed()) page = await b.context.newPage();
        page.once('crash', () => console.log(`bench-app: the page crashed on ${path}`));
        await page.goto(`${server.url}${path}${QUERY}`);
        await page.waitForSelector(`[data-chart="${chart}"][data-state="ready"], [data-chart="${chart}"][data-state="empty"]`, { timeout: 120_000 });
        await page.waitForFunction(() => document.querySelectorAll('select[name="from"] option').length > 2, undefined, { timeout: 60_000 });
        // Embedded: one year, then all years. At scale: the last year alone, then the last two.
        const values = await page.evaluate((scale: boolean) => {
          const ys = [...document.querySelectorAll('select[name="from"] option')].map((o) => (o as HTMLOptionElement).value).filter((v) => /^\d{4}$/.test(v)).sort();
          return scale ? [ys[ys.length - 2]!, ys[ys.length - 1]!] : [ys.includes('2020') ? '2020' : ys[0]!, ''];
        }, !!SNAPSHOT);
        const ms: number[] = [];
        const qs: number[] = [];
        for (let i = 0; i < n + warmup; i++) {
          const u = await page.evaluate(async ({ value, chart }: { value: string; chart: string }) => {
            const sel = document.querySelector('select[name="from"]') as HTMLSelectElement;
            const panel = document.querySelector(`[data-chart="${chart}"]`) as HTMLElement;
            const before = panel.dataset.version;
            const changed = new Promise<void>((res) => {
              const mo = new MutationObserver(() => {
                if (panel.dataset.version !== before && panel.getAttribute('aria-busy') !== 'true') {
                  mo.disconnect();
                  res();
                }
              });
              mo.observe(panel, { attributes: true });
            });
            const t0 = performance.now();
            sel.value = value;
            sel.dispatchEvent(new Event('change', { bubbles: true }));
            await changed;
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            const ms = performance.now() - t0;
            // Diagnostic: the span of the DuckDB queries this update ran (from the query log).
            const log = (window as unknown as { __fiscallensQueries?: { at: number; ms: number }[] }).__fiscallensQueries ?? [];
            const mine = log.filter((q) => q.at >= t0);
            const queryMs = mine.length ? Math.max(...mine.map((q) => q.at + q.ms)) - Math.min(...mine.map((q) => q.at)) : 0;
            return { ms, queryMs };
          }, { value: values[i % 2]!, chart });
          if (i >= warmup) {
            ms.push(u.ms);
            qs.push(u.queryMs);
          }
        }
        const heap = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20);
        return { ms, qs, heap };
      };
      if (!SNAPSHOT) {
        // Measured once the view cache is built (it is, about a second after the first chart).
        await page.goto(`${server.url}/sangong`);
        await page.waitForSelector('[data-testid="snapshot-state"][data-cached="true"]', { state: 'attached', timeout: 60_000 });
        cacheMs = Number(await page.getAttribute('[data-testid="snapshot-state"]', 'data-cache-ms'));
      }
      const main = await measure('/sangong', 'sangong-by-year', UPDATES, WARMUP);
      updates.push(...main.ms);
      updateQueries.push(...main.qs);
      for (const p of PAGES.filter((x) => !ONLY || ONLY.includes(x.path))) {
        try {
          const r = await measure(p.path, p.chart, PAGE_UPDATES, 2);
          perPage.push({ path: p.path, p50: r1(quantile(r.ms, 0.5)), p95: r1(quantile(r.ms, 0.95)), heap_mib: r1(r.heap), n: r.ms.length });
        } catch (e) {
          // One page failing (a time limit at scale) is reported, and the others still measured.
          console.log(`bench-app: ${p.path}: ${(e as Error).message.split('\n')[0]}`);
          perPage.push({ path: p.path, p50: NaN, p95: NaN, heap_mib: NaN, n: 0 });
        }
      }
    } finally {
      await b.close();
    }

    const totals = cold.map((c) => c.total);
    const result = {
      date: new Date().toISOString(),
      chromium: '/usr/bin/chromium (headless)',
      // Timings depend on the machine and on what else runs on it.
      machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100 },
      cold_first_chart_ms: { runs: totals.map(r1), p50: r1(quantile(totals, 0.5)), p95: r1(quantile(totals, 0.95)), max: r1(Math.max(...totals)), chart: cold[0]?.chart, target: TARGET_FIRST_CHART_MS },
      app_started_ms: { p50: r1(quantile(started, 0.5)), p95: r1(quantile(started, 0.95)) },
      duckdb_ready_ms: { p50: r1(quantile(live, 0.5)), p95: r1(quantile(live, 0.95)) },
      view_cache_build_ms: Math.round(cacheMs),
      filter_update_ms: { n: updates.length, p50: r1(quantile(updates, 0.5)), p95: r1(quantile(updates, 0.95)), max: r1(Math.max(...updates)), target_p95: TARGET_UPDATE_P95_MS },
      filter_update_queries_ms: { p50: r1(quantile(updateQueries, 0.5)), p95: r1(quantile(updateQueries, 0.95)) },
      per_page: perPage,
      snapshot: SNAPSHOT ?? 'embedded',
    };
    const rows = [
      ['measure', 'p50', 'p95', 'max', 'target', 'runs'],
      ['cold time-to-first-chart (ms)', result.cold_first_chart_ms.p50, result.cold_first_chart_ms.p95, result.cold_first_chart_ms.max, `≤ ${TARGET_FIRST_CHART_MS}`, COLD_RUNS],
      ['cold app started (hydrated) (ms)', result.app_started_ms.p50, result.app_started_ms.p95, r1(Math.max(...started)), '—', COLD_RUNS],
      ['cold DuckDB-wasm ready, views queryable (ms)', result.duckdb_ready_ms.p50, result.duckdb_ready_ms.p95, r1(Math.max(...live)), '—', COLD_RUNS],
      ['filter → chart update (ms)', result.filter_update_ms.p50, result.filter_update_ms.p95, result.filter_update_ms.max, `p95 ≤ ${TARGET_UPDATE_P95_MS}`, updates.length],
      ['  of which its DuckDB queries (ms)', result.filter_update_queries_ms.p50, result.filter_update_queries_ms.p95, r1(Math.max(...updateQueries)), '—', updates.length],
    ].map((r) => r.map(String));
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`bench-app: snapshot ${SNAPSHOT ?? 'embedded (data/snapshot)'}`);
    console.log(rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n'));
    console.log(`\nfilter → first chart update per page (ms; ${PAGE_UPDATES} changes each), and the page's JS heap after them`);
    for (const p of perPage) console.log(`  ${p.path.padEnd(13)} p50 ${String(p.p50).padStart(7)}  p95 ${String(p.p95).padStart(7)}  target p95 ≤ ${TARGET_UPDATE_P95_MS}  heap ${p.heap_mib} MiB`);
    const out = join(ROOT, 'test', 'artifacts');
    mkdirSync(out, { recursive: true });
    const name = SNAPSHOT ? 'bench-app-scale.json' : 'bench-app.json';
    writeFileSync(join(out, name), JSON.stringify(result, null, 2) + '\n');
    console.log(`bench-app: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} (1 min)`);
    if (!SNAPSHOT) console.log(`bench-app: view cache built in ${Math.round(cacheMs)} ms after the first page's queries (updates measured after it)`);
    console.log(`bench-app: wrote test/artifacts/${name}`);
  } finally {
    await server.close();
  }
}

await main().catch((e: unknown) => {
  console.error(`bench-app: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
