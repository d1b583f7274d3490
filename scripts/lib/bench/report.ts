// The benchmark report's targets (issue 6) and its table: pure, so it is tested without
// running a benchmark (scripts/bench.ts runs them).
export const TARGETS = {
  ingest_docs_per_second: 500,
  embedded: { first_chart_ms: 1000, update_p95_ms: 100 },
  province: { first_chart_ms: 2500, update_p95_ms: 150 },
} as const;

export interface Quantiles {
  p50: number;
  p95: number;
}
export interface Column {
  label: string;
  documents: number;
  ingest_docs_per_second: number;
  ingest_seconds: number;
  ingest_peak_rss_mib: number;
  snapshot_mib: number;
  first_chart_ms: Quantiles;
  update_ms: Quantiles;
  /** The same changes made back to back, the other panels still loading (no target); null when not measured. */
  update_rapid_ms: Quantiles | null;
  /** Per page: filter → update p50/p95, its own cold first chart, JS heap; null where the page failed. */
  pages: { path: string; p50: number | null; p95: number | null; first_chart_p95: number | null; heap_mib: number | null }[];
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const fmt = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '—' : String(x));

/** The report's table: one row a measure, a column a scale, targets beside each figure. */
export function formatReport(embedded: Column | null, province: Column | null): string {
  const rows: string[][] = [['measure', 'embedded (5 seeds)', 'province (synthetic)', 'targets']];
  const cell = (c: Column | null, f: (c: Column) => string) => (c ? f(c) : '—');
  const within = (v: number | null, t: number) => (v == null || Number.isNaN(v) ? '— ✗' : `${v} ${mark(v <= t)}`);
  rows.push([
    'ingest documents/s (no cache)',
    cell(embedded, (c) => `${c.ingest_docs_per_second} ${mark(c.ingest_docs_per_second >= TARGETS.ingest_docs_per_second)} (${c.documents} synthetic docs)`),
    cell(province, (c) => `${c.ingest_docs_per_second} ${mark(c.ingest_docs_per_second >= TARGETS.ingest_docs_per_second)} (${c.documents} docs, ${c.ingest_seconds} s)`),
    `≥ ${TARGETS.ingest_docs_per_second}`,
  ]);
  rows.push(['ingest peak memory (MiB)', cell(embedded, (c) => fmt(c.ingest_peak_rss_mib)), cell(province, (c) => fmt(c.ingest_peak_rss_mib)), '—']);
  rows.push(['snapshot size (MiB)', cell(embedded, (c) => fmt(c.snapshot_mib)), cell(province, (c) => fmt(c.snapshot_mib)), '—']);
  rows.push([
    'cold first chart p50 / p95 (ms)',
    cell(embedded, (c) => `${fmt(c.first_chart_ms.p50)} / ${within(c.first_chart_ms.p95, TARGETS.embedded.first_chart_ms)}`),
    cell(province, (c) => `${fmt(c.first_chart_ms.p50)} / ${within(c.first_chart_ms.p95, TARGETS.province.first_chart_ms)}`),
    `≤ ${TARGETS.embedded.first_chart_ms} / ≤ ${TARGETS.province.first_chart_ms}`,
  ]);
  rows.push([
    'filter → update p50 / p95, 三公 (ms)',
    cell(embedded, (c) => `${fmt(c.update_ms.p50)} / ${within(c.update_ms.p95, TARGETS.embedded.update_p95_ms)}`),
    cell(province, (c) => `${fmt(c.update_ms.p50)} / ${within(c.update_ms.p95, TARGETS.province.update_p95_ms)}`),
    `p95 ≤ ${TARGETS.embedded.update_p95_ms} / ≤ ${TARGETS.province.update_p95_ms}`,
  ]);
  rows.push([
    '  back to back, panels still loading',
    cell(embedded, (c) => (c.update_rapid_ms ? `${fmt(c.update_rapid_ms.p50)} / ${fmt(c.update_rapid_ms.p95)}` : '—')),
    cell(province, (c) => (c.update_rapid_ms ? `${fmt(c.update_rapid_ms.p50)} / ${fmt(c.update_rapid_ms.p95)}` : '—')),
    '—',
  ]);
  const paths = [...new Set([...(embedded?.pages ?? []), ...(province?.pages ?? [])].map((p) => p.path))];
  for (const path of paths) {
    const page = (c: Column | null, t: number, first: number) => {
      const p = c?.pages.find((x) => x.path === path);
      return p ? `${fmt(p.p50)} / ${within(p.p95, t)}; first chart p95 ${within(p.first_chart_p95, first)}; heap ${fmt(p.heap_mib)} MiB` : '—';
    };
    rows.push([
      `  page ${path} update p50 / p95`,
      page(embedded, TARGETS.embedded.update_p95_ms, TARGETS.embedded.first_chart_ms),
      page(province, TARGETS.province.update_p95_ms, TARGETS.province.first_chart_ms),
      `p95 ≤ ${TARGETS.embedded.update_p95_ms} / ≤ ${TARGETS.province.update_p95_ms}`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

