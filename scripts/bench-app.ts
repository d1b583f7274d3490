// Browser benchmark of the built site in headless Chromium, page by page:
//   cold time-to-first-chart: a fresh browser profile (no HTTP cache, no compiled wasm) opens
//     the page; the time from navigation start until the page's first chart (PAGES[].chart)
//     has its data and the next frame is painted (the embedded overview draws from the
//     build-time seed, src/lib/db/seed.ts);
//   cold DuckDB-wasm ready: when the database answers live queries on that same load;
//   filter-to-update latency: the time from a filter change (the year select), made on a
//     settled page (see SETTLED), until the page's first chart shows the new data and the next
//     frame is painted; p50 / p95 per page, and once more over more changes on the 三公经费
//     page (the headline figure), where the same changes are also made back to back (each as
//     soon as the last one's first chart is drawn), reported without a target;
//   JS heap (main thread) of each page after its updates.
// With --snapshot DIR the app opens that snapshot (?snapshot=, served from the same origin), as
// a province-scale snapshot is opened: no build-time seed, read in place, answered from its
// aggregates; the year filter then moves between the snapshot's last year and its last two.
// Targets: embedded first chart ≤ 1000 ms and update p95 ≤ 100 ms; at province scale
// ≤ 2500 ms and ≤ 150 ms.
//   npm run bench:app [-- --cold N] [--page-cold N] [--updates N] [--page-updates N] [--pages /,/sangong] [--snapshot DIR]
//
// Writes test/artifacts/bench-app.json (embedded) or bench-app-scale.json (--snapshot), read by
// `npm run bench`. Shape (format 2; times in ms, heap in MiB; every `ok` compares with the
// target beside it; a page that failed to load has null figures and ok false):
//   { format: 2, kind: 'bench-app', scale: 'embedded' | 'province', snapshot: 'embedded' | DIR,
//     snapshot_summary: { version, documents, units, parquet_bytes, manifest_bytes },
//     command, date, chromium, machine: { cpus, loadavg_1m (at the end), loadavg_1m_start },
//     targets: { cold_first_chart_ms, update_p95_ms },
//     cold_first_chart_ms: { runs[], p50, p95, max, chart, target, ok },        (the overview)
//     app_started_ms: { p50, p95 }, duckdb_ready_ms: { p50, p95 }, view_cache_build_ms,
//     filter_update_ms: { n, p50, p95, max, target_p95, ok },                    (三公经费, more changes)
//     filter_update_queries_ms: { p50, p95 },                                     (its DuckDB queries)
//     filter_update_rapid_ms: { n, p50, p95, max },                              (back to back; no target)
//     per_page: [{ path, name, chart,
//                  cold_first_chart_ms: { runs[], p50, p95, target, ok },
//                  p50, p95, max, n, target_p95, ok, queries_p50, queries_p95, heap_mib }],
//     all_ok }
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from './lib/app/browser.ts';
import { ensureBuild } from './lib/app/build.ts';
import { BUILD_DIR, ROOT, SNAPSHOT_DIR } from './lib/app/paths.ts';
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
const PAGES: { path: string; name: string; chart: string }[] = [
  { path: '/', name: '概览 overview', chart: 'totals-by-year' },
  { path: '/spending', name: '支出 spending', chart: 'function-treemap' },
  { path: '/sangong', name: '三公 sangong', chart: 'sangong-by-year' },
  { path: '/procurement', name: '采购 procurement', chart: 'procurement-total' },
  { path: '/performance', name: '绩效 performance', chart: 'score-histogram' },
  { path: '/findings', name: '线索 findings', chart: 'findings-by-rule' },
];
/** Cold loads of each page other than the overview (which gets --cold). */
const PAGE_COLD = arg('--page-cold', 2);
// 20: the p95 of fewer changes is their slowest one.
const PAGE_UPDATES = arg('--page-updates', 20);
/** --pages /,/sangong: measure only these pages. */
const ONLY = process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1]!.split(',') : null;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

// Installed before any page script: notes when the page's first chart panel turns ready, then
// waits one animation frame (the frame that shows it).
const firstChartProbe = (chart: string) => `
  (() => {
    const done = () => requestAnimationFrame(() => { window.__firstChart = performance.now(); });
    const check = () => {
      // A prerendered page shown for another URL (another snapshot, filters) stays hidden until
      // the app has drawn its own data: its charts do not count.
      const el = document.documentElement.classList.contains('prerendered-stale') ? null : document.querySelector('[data-chart=${JSON.stringify(chart)}][data-state="ready"]');
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

/**
 * A filter change is measured from a settled page, as a reader makes it: no panel loading
 * (aria-busy, data-state="loading"), no query running or waiting, and none answered, for
 * SETTLE_MS. The back-to-back series (`rapid`: each change as soon as the last one's first
 * chart is drawn, the other panels still loading) is measured too, on the 三公 page, and
 * reported beside it without a target.
 */
const SETTLE_MS = 150;
// A string, not a function: tsx would wrap a function's inner arrows in a helper the page lacks.
const SETTLED = `(async () => {
  const busy = () => !!document.querySelector('[aria-busy="true"], [data-state="loading"]') || (window.__fiscallensPending?.() ?? 0) > 0;
  // The log keeps its last 200 entries: a new answer shows as a new last entry.
  const asked = () => (window.__fiscallensQueries ?? []).at(-1)?.at ?? 0;
  const until = performance.now() + 30000;
  let since = performance.now();
  let n = asked();
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    if (busy() || asked() !== n) {
      since = performance.now();
      n = asked();
    } else if (performance.now() - since >= ${SETTLE_MS}) return;
  }
})()`;

/** What the benchmark ran on: the snapshot's version and size. */
function snapshotSummary(dir: string) {
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const m = JSON.parse(text) as { version: string; inputs?: { total: number }; tables: Record<string, { rows: number; parts: { bytes: number }[] }> };
  return {
    version: m.version,
    documents: m.tables.documents?.rows ?? null,
    units: m.tables.units?.rows ?? null,
    parquet_bytes: Object.values(m.tables).reduce((n, t) => n + t.parts.reduce((k, p) => k + p.bytes, 0), 0),
    manifest_bytes: Buffer.byteLength(text),
  };
}

const stats = (xs: number[]) => (xs.length ? { p50: r1(quantile(xs, 0.5)), p95: r1(quantile(xs, 0.95)), max: r1(Math.max(...xs)) } : { p50: null, p95: null, max: null });

async function main() {
  const loadStart = loadavg()[0]!;
  console.log(`bench-app: ${await ensureBuild({ quiet: true, log: (s) => console.log(`bench-app: ${s}`) })}`);
  const server = await serveStatic(BUILD_DIR, { port: 0, mounts: SNAPSHOT ? { ext: SNAPSHOT } : {} });
  const pages = PAGES.filter((x) => !ONLY || ONLY.includes(x.path));
  const started: number[] = [];
  const live: number[] = [];
  /** Cold loads of one page, each in a fresh browser profile. */
  const coldRuns = async (path: string, chart: string, runs: number) => {
    const out: { total: number; chart: string }[] = [];
    for (let i = 0; i < runs; i++) {
      const b = await launchBrowser();
      try {
        const page = await b.context.newPage();
        await page.addInitScript(firstChartProbe(chart));
        await page.addInitScript(APP_START_PROBE);
        await page.goto(`${server.url}${path}${QUERY}`);
        await page.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart != null, undefined, { timeout: 180_000 });
        out.push(
          await page.evaluate(() => {
            const w = window as unknown as { __firstChart: number; __firstChartId: string };
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            return { total: w.__firstChart - (nav?.startTime ?? 0), chart: w.__firstChartId };
          }),
        );
        if (path === '/') {
          await page.waitForFunction(() => (window as unknown as { __appStarted?: number }).__appStarted != null, undefined, { timeout: 60_000 });
          started.push(await page.evaluate(() => (window as unknown as { __appStarted: number }).__appStarted - ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.startTime ?? 0)));
          // When DuckDB-wasm answers live (the first page may have drawn from the build-time seed).
          await page.waitForSelector('[data-testid="snapshot-state"][data-status="ready"]', { state: 'attached', timeout: 60_000 });
          live.push(Number(await page.getAttribute('[data-testid="snapshot-state"]', 'data-ready-at')));
        }
      } finally {
        await b.close();
      }
    }
    return out;
  };
  try {
    const cold = new Map<string, number[]>();
    for (const p of [PAGES[0]!, ...pages.filter((x) => x.path !== '/')]) {
      try {
        const runs = await coldRuns(p.path, p.chart, p.path === '/' ? COLD_RUNS : PAGE_COLD);
        cold.set(p.path, runs.map((r) => r.total));
        console.log(`bench-app: cold ${p.path}: ${runs.map((r) => `${Math.round(r.total)} ms`).join(', ')}`);
      } catch (e) {
        console.log(`bench-app: cold ${p.path}: ${(e as Error).message.split('\n')[0]}`);
        cold.set(p.path, []);
      }
    }

    const b = await launchBrowser();
    const updates: number[] = [];
    const rapid: number[] = [];
    const updateQueries: number[] = [];
    const perPage: Record<string, unknown>[] = [];
    let cacheMs = 0;
    try {
      let page = await b.context.newPage();
      /** n changes of the year filter, alternating two values; ms until `chart` shows the new data, and its queries. */
      const measure = async (path: string, chart: string, n: number, warmup: number, rapid = false) => {
        if (page.isClosed()) page = await b.context.newPage();
        page.once('crash', () => console.log(`bench-app: the page crashed on ${path}`));
        await page.goto(`${server.url}${path}${QUERY}`);
        await page.waitForSelector(`[data-chart="${chart}"][data-state="ready"], [data-chart="${chart}"][data-state="empty"]`, { timeout: 180_000 });
        await page.waitForFunction(() => document.querySelectorAll('select[name="from"] option').length > 2, undefined, { timeout: 60_000 });
        // Embedded: one year, then all years. At scale: the last year alone, then the last two.
        const values = await page.evaluate((scale: boolean) => {
          const ys = [...document.querySelectorAll('select[name="from"] option')].map((o) => (o as HTMLOptionElement).value).filter((v) => /^\d{4}$/.test(v)).sort();
          return scale ? [ys[ys.length - 2]!, ys[ys.length - 1]!] : [ys.includes('2020') ? '2020' : ys[0]!, ''];
        }, !!SNAPSHOT);
        const ms: number[] = [];
        const qs: number[] = [];
        for (let i = 0; i < n + warmup; i++) {
          if (!rapid) await page.evaluate(SETTLED);
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
      rapid.push(...(await measure('/sangong', 'sangong-by-year', UPDATES, WARMUP, true)).ms);
      for (const p of pages) {
        const c = cold.get(p.path) ?? [];
        const coldStats = { runs: c.map(r1), ...stats(c), target: TARGET_FIRST_CHART_MS, ok: c.length > 0 && quantile(c, 0.95) <= TARGET_FIRST_CHART_MS };
        try {
          const r = await measure(p.path, p.chart, PAGE_UPDATES, 2);
          const st = stats(r.ms);
          const q = stats(r.qs);
          perPage.push({ path: p.path, name: p.name, chart: p.chart, cold_first_chart_ms: coldStats, ...st, n: r.ms.length, target_p95: TARGET_UPDATE_P95_MS, ok: st.p95 != null && st.p95 <= TARGET_UPDATE_P95_MS, queries_p50: q.p50, queries_p95: q.p95, heap_mib: r1(r.heap) });
        } catch (e) {
          // One page failing (a time limit at scale) is reported, and the others still measured.
          console.log(`bench-app: ${p.path}: ${(e as Error).message.split('\n')[0]}`);
          perPage.push({ path: p.path, name: p.name, chart: p.chart, cold_first_chart_ms: coldStats, p50: null, p95: null, max: null, n: 0, target_p95: TARGET_UPDATE_P95_MS, ok: false, queries_p50: null, queries_p95: null, heap_mib: null });
        }
      }
    } finally {
      await b.close();
    }

    const totals = cold.get('/') ?? [];
    const upd = stats(updates);
    const result = {
      format: 2,
      kind: 'bench-app',
      scale: SNAPSHOT ? 'province' : 'embedded',
      snapshot: SNAPSHOT ?? 'embedded',
      snapshot_summary: snapshotSummary(SNAPSHOT ?? SNAPSHOT_DIR),
      command: `npm run bench:app -- ${process.argv.slice(2).join(' ')}`.trim(),
      date: new Date().toISOString(),
      chromium: '/usr/bin/chromium (headless)',
      // Timings depend on the machine and on what else runs on it.
      machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100, loadavg_1m_start: Math.round(loadStart * 100) / 100 },
      targets: { cold_first_chart_ms: TARGET_FIRST_CHART_MS, update_p95_ms: TARGET_UPDATE_P95_MS },
      cold_first_chart_ms: { runs: totals.map(r1), ...stats(totals), chart: PAGES[0]!.chart, target: TARGET_FIRST_CHART_MS, ok: totals.length > 0 && quantile(totals, 0.95) <= TARGET_FIRST_CHART_MS },
      app_started_ms: { p50: started.length ? r1(quantile(started, 0.5)) : null, p95: started.length ? r1(quantile(started, 0.95)) : null },
      duckdb_ready_ms: { p50: live.length ? r1(quantile(live, 0.5)) : null, p95: live.length ? r1(quantile(live, 0.95)) : null },
      view_cache_build_ms: Math.round(cacheMs),
      filter_update_ms: { n: updates.length, ...upd, target_p95: TARGET_UPDATE_P95_MS, ok: upd.p95 != null && upd.p95 <= TARGET_UPDATE_P95_MS },
      filter_update_queries_ms: { p50: stats(updateQueries).p50, p95: stats(updateQueries).p95 },
      filter_update_rapid_ms: { n: rapid.length, ...stats(rapid) },
      per_page: perPage,
      all_ok: false,
    };
    result.all_ok = result.cold_first_chart_ms.ok && result.filter_update_ms.ok && perPage.every((p) => p.ok && (p.cold_first_chart_ms as { ok: boolean }).ok);
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    const rows = [
      ['measure', 'p50', 'p95', 'max', 'target', 'runs'],
      ['cold time-to-first-chart, overview (ms)', result.cold_first_chart_ms.p50, result.cold_first_chart_ms.p95, result.cold_first_chart_ms.max, `≤ ${TARGET_FIRST_CHART_MS} ${mark(result.cold_first_chart_ms.ok)}`, totals.length],
      ['cold app started (hydrated) (ms)', result.app_started_ms.p50, result.app_started_ms.p95, '', '—', started.length],
      ['cold DuckDB-wasm ready, views queryable (ms)', result.duckdb_ready_ms.p50, result.duckdb_ready_ms.p95, '', '—', live.length],
      ['filter → chart update, 三公 (ms)', upd.p50, upd.p95, upd.max, `p95 ≤ ${TARGET_UPDATE_P95_MS} ${mark(result.filter_update_ms.ok)}`, updates.length],
      ['  of which its DuckDB queries (ms)', result.filter_update_queries_ms.p50, result.filter_update_queries_ms.p95, '', '—', updates.length],
      ['  back to back, panels still loading (ms)', result.filter_update_rapid_ms.p50, result.filter_update_rapid_ms.p95, result.filter_update_rapid_ms.max, '—', rapid.length],
    ].map((r) => r.map((x) => String(x ?? '—')));
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`bench-app: snapshot ${SNAPSHOT ?? 'embedded (data/snapshot)'} (${result.snapshot_summary.documents} documents)`);
    console.log(rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n'));
    console.log(`\nper page: cold first chart (ms; target ≤ ${TARGET_FIRST_CHART_MS}), filter → first chart update (ms; ${PAGE_UPDATES} changes, target p95 ≤ ${TARGET_UPDATE_P95_MS}), JS heap after them`);
    for (const p of perPage as { path: string; name: string; p50: number | null; p95: number | null; ok: boolean; heap_mib: number | null; cold_first_chart_ms: { p50: number | null; p95: number | null; ok: boolean } }[])
      console.log(
        `  ${p.name.padEnd(18)} cold p50 ${String(p.cold_first_chart_ms.p50 ?? '—').padStart(7)} p95 ${String(p.cold_first_chart_ms.p95 ?? '—').padStart(7)} ${mark(p.cold_first_chart_ms.ok)}   update p50 ${String(p.p50 ?? '—').padStart(6)} p95 ${String(p.p95 ?? '—').padStart(6)} ${mark(p.ok)}   heap ${p.heap_mib ?? '—'} MiB`,
      );
    const out = join(ROOT, 'test', 'artifacts');
    mkdirSync(out, { recursive: true });
    const name = SNAPSHOT ? 'bench-app-scale.json' : 'bench-app.json';
    writeFileSync(join(out, name), JSON.stringify(result, null, 2) + '\n');
    console.log(`bench-app: ${cpus().length} CPUs, load average ${loadStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (1 min)`);
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
