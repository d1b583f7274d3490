// Diagnostic, not a benchmark (no target; use npm run bench:app for figures): on each page, a
// few changes of the year filter as bench:app makes them, and the queries each change ran
// (window.__fiscallensQueries, src/lib/db/query.ts): when each started after the change, how
// long it took (waiting in DuckDB-wasm's queue included), its SQL ('[seed]': answered from the
// seed). Shows how many queries a change runs and in what order. Uses the current build/.
//   npx tsx scripts/lib/app/update-queries.ts [/,/sangong] [--snapshot DIR] [--n 3]
//     [--asbench: changes back to back, as bench:app; otherwise a pause after each]
//     [--slow MS: list the queries of changes slower than MS only]
import { resolve } from 'node:path';
import { launchBrowser } from './browser.ts';
import { BUILD_DIR } from './paths.ts';
import { serveStatic } from './server.ts';

const SNAP = process.argv.includes('--snapshot') ? resolve(process.argv[process.argv.indexOf('--snapshot') + 1]!) : null;
const N = process.argv.includes('--n') ? Number(process.argv[process.argv.indexOf('--n') + 1]) : 3;
const pathsArg = process.argv[2] && process.argv[2].startsWith('/') ? process.argv[2].split(',') : ['/', '/spending', '/sangong', '/procurement', '/performance', '/findings'];
const CHART: Record<string, string> = { '/': 'totals-by-year', '/spending': 'function-treemap', '/sangong': 'sangong-by-year', '/procurement': 'procurement-total', '/performance': 'score-histogram', '/findings': 'findings-by-rule' };
const server = await serveStatic(BUILD_DIR, { port: 0, mounts: SNAP ? { ext: SNAP } : {} });
const b = await launchBrowser();
const page = await b.context.newPage();
page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') console.log(`  [console.${m.type()}] ${m.text().slice(0, 200)}`); });
const Q = SNAP ? '?snapshot=%2Fext%2Fmanifest.json' : '';
try {
  if (process.argv.includes('--asbench')) await page.addInitScript('window.__asbench = true');
  if (!SNAP) {
    await page.goto(`${server.url}/sangong`);
    await page.waitForSelector('[data-testid="snapshot-state"][data-cached="true"]', { state: 'attached', timeout: 60_000 });
  }
  for (const path of pathsArg) {
    const chart = CHART[path]!;
    await page.goto(`${server.url}${path}${Q}`);
    await page.waitForSelector(`[data-chart="${chart}"][data-state="ready"], [data-chart="${chart}"][data-state="empty"]`, { timeout: 180_000 });
    await page.waitForFunction(() => document.querySelectorAll('select[name="from"] option').length > 2, undefined, { timeout: 60_000 });
    if (!process.argv.includes('--asbench')) await page.waitForTimeout(1500);
    const values = await page.evaluate((scale: boolean) => {
      const ys = [...document.querySelectorAll('select[name="from"] option')].map((o) => (o as HTMLOptionElement).value).filter((v) => /^\d{4}$/.test(v)).sort();
      return scale ? [ys[ys.length - 2]!, ys[ys.length - 1]!] : [ys.includes('2020') ? '2020' : ys[0]!, ''];
    }, !!SNAP);
    console.log(`== ${path}`);
    for (let i = 0; i < N * 2; i++) {
      const r = await page.evaluate(async ({ value, chart }) => {
        const sel = document.querySelector('select[name="from"]') as HTMLSelectElement;
        const panel = document.querySelector(`[data-chart="${chart}"]`) as HTMLElement;
        const before = panel.dataset.version;
        const changed = new Promise<void>((res) => {
          const mo = new MutationObserver(() => {
            if (panel.dataset.version !== before && panel.getAttribute('aria-busy') !== 'true') { mo.disconnect(); res(); }
          });
          mo.observe(panel, { attributes: true });
        });
        const t0 = performance.now();
        sel.value = value;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        await changed;
        const tData = performance.now() - t0;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const ms = performance.now() - t0;
        if (!(window as unknown as { __asbench?: boolean }).__asbench) await new Promise((r) => setTimeout(r, 600));
        const log = (window as unknown as { __fiscallensQueries: { at: number; ms: number; sql: string }[] }).__fiscallensQueries;
        return { ms, tData, qs: log.filter((q) => q.at >= t0).map((q) => `${(q.at - t0).toFixed(0).padStart(5)} +${q.ms.toFixed(1).padStart(6)}  ${q.sql}`) };
      }, { value: values[i % 2]!, chart });
      const slow = r.ms > (process.argv.includes('--slow') ? Number(process.argv[process.argv.indexOf('--slow') + 1]) : 0);
      console.log(`  change → ${values[i % 2] || 'all'}: chart ${r.tData.toFixed(0)} ms, +frame ${r.ms.toFixed(0)} ms, ${r.qs.length} queries`);
      if (slow) for (const q of r.qs) console.log(`     ${q}`);
    }
  }
} finally {
  await b.close();
  await server.close();
}
