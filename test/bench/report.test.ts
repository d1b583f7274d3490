// The benchmark report marks each figure against its target (the figures themselves are only
// ever measured by npm run bench, never asserted).
import { describe, expect, it } from 'vitest';
import { TARGETS, formatReport } from '../../scripts/lib/bench/report.ts';

const column = (over: Partial<Parameters<typeof formatReport>[0] & object> = {}) => ({
  label: 'x',
  documents: 2000,
  ingest_docs_per_second: 512.3,
  ingest_seconds: 3.9,
  ingest_peak_rss_mib: 400,
  snapshot_mib: 19.1,
  first_chart_ms: { p50: 240, p95: 300 },
  update_ms: { p50: 30, p95: 41 },
  update_rapid_ms: { p50: 44, p95: 230 } as { p50: number; p95: number } | null,
  pages: [{ path: '/sangong', p50: 25, p95: 120, first_chart_p95: 900, heap_mib: 20 }],
  ...over,
});

describe('benchmark report', () => {
  it('puts each scale beside its own targets', () => {
    const text = formatReport(column(), column({ documents: 200000, ingest_docs_per_second: 310, first_chart_ms: { p50: 2000, p95: 2600 } }));
    const line = (start: string) => text.split('\n').find((l) => l.startsWith(start))!;
    expect(line('ingest documents/s')).toContain('512.3 ✓ (2000 synthetic docs)');
    expect(line('ingest documents/s')).toContain('310 ✗ (200000 docs');
    expect(line('cold first chart')).toContain('240 / 300 ✓');
    expect(line('cold first chart')).toContain('2000 / 2600 ✗');
    // 120 ms is over the embedded target (100) and within the province one (150).
    expect(line('  page /sangong')).toMatch(/25 \/ 120 ✗; first chart p95 900 ✓.*25 \/ 120 ✓; first chart p95 900 ✓/);
    expect(TARGETS.province.update_p95_ms).toBe(150);
    // Back to back has no target: its figures carry no mark, and a scale without them shows a dash.
    expect(line('  back to back')).toMatch(/^ {2}back to back, panels still loading +44 \/ 230 +44 \/ 230 +—$/);
    expect(formatReport(column({ update_rapid_ms: null }), null).split('\n').find((l) => l.startsWith('  back to back'))).toMatch(/loading +— +— +—$/);
  });

  it('never marks a page that failed to load as within its target', () => {
    const text = formatReport(column({ pages: [{ path: '/performance', p50: null, p95: null, first_chart_p95: null, heap_mib: null }] }), null);
    expect(text.split('\n').find((l) => l.startsWith('  page /performance'))).toContain('— / — ✗; first chart p95 — ✗');
  });

  it('shows a scale that was not measured as empty', () => {
    const text = formatReport(column(), null);
    expect(text.split('\n')[1]).toMatch(/—\s+≥ 500$/);
  });
});
