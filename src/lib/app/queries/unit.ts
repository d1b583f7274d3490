// 单位画像: one unit's documents, every metric over the years with its percentile among peers,
// every figure it disclosed with the sentence it came from.
import type { QueryOpts } from '../../db/query.ts';
import { queryRows } from '../../db/query.ts';
import { EMPTY_FILTERS } from '../filters.ts';
import { detailReady } from '../snapshot.svelte.ts';

export interface UnitInfo {
  unit_id: string;
  name: string;
  aliases: string[] | null;
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: string | null;
  sector: string | null;
}

export interface PeerRow {
  fiscal_year: number;
  kind: string;
  metric: string;
  value: number;
  peer_type: 'sector' | 'level';
  peer_group: string;
  peers: number;
  rank: number;
  percentile: number;
  peer_median: number | null;
}

export interface FigureRow {
  fiscal_year: number;
  kind: string;
  key: string;
  basis: string;
  value: number;
  derived: boolean;
  source_line: number | null;
  source_end_line: number | null;
  source_text: string | null;
  file: string | null;
}

export interface DocRow {
  doc_id: string;
  file: string;
  fiscal_year: number;
  kind: string;
  status: string;
  warning_count: number;
  printed_name: string;
}

export async function loadUnit(unitId: string | null, run: QueryOpts = {}) {
  if (!unitId) return null;
  // Every year of the unit; a snapshot read in place opens only its province's partitions (the
  // peers are then those of that province).
  await detailReady({ ...EMPTY_FILTERS, units: [unitId] });
  const [info] = await queryRows<UnitInfo>('SELECT unit_id, name, aliases, province, prefecture, county, level, sector FROM units WHERE unit_id = ?', [unitId], undefined, run);
  if (!info) return null;
  const docs = await queryRows<DocRow>(
    'SELECT doc_id, file, fiscal_year, kind, status, warning_count, unit_name AS printed_name FROM documents WHERE unit_id = ? ORDER BY fiscal_year, kind',
    [unitId],
    undefined,
    run,
  );
  const peers = await queryRows<PeerRow>(
    `SELECT fiscal_year, kind, metric, value, peer_type, peer_group, peers, rank, percentile, peer_median
     FROM v_peer_percentiles WHERE unit_id = ? ORDER BY metric, fiscal_year, kind, peer_type`,
    [unitId],
    undefined,
    run,
  );
  const figures = await queryRows<FigureRow>(
    `SELECT f.fiscal_year, f.kind, f.key, f.basis, f.value, f.derived, f.source_line, f.source_end_line, f.source_text, d.file
     FROM facts f LEFT JOIN documents d ON d.doc_id = f.doc_id
     WHERE f.unit_id = ? ORDER BY f.key, f.fiscal_year, f.kind, f.basis`,
    [unitId],
    undefined,
    run,
  );
  return { info, docs, peers, figures };
}
