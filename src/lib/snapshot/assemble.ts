// The ingested inputs (records or the reason each was refused) → every snapshot table and the
// ingest report. Pure and deterministic: the same inputs give the same rows in the same order,
// whatever order the workers finished in.
import type { ExtractionRecord } from '../extract/types.ts';
import { deriveFacts } from './derive.ts';
import type { DocumentStatus, TableRows } from './rows.ts';
import { documentRow, emptyTables, findingRow, recordRows, statusOf, unitRow } from './rows.ts';
import { peerFindings, trendFindings, type DocRow, type FactRow, type UnitRowLite } from '../findings/corpus.ts';
import type { Resolution } from './units.ts';
import { assignUnits, parseUnitRegistry } from './units.ts';

export type ReasonCode = 'empty' | 'binary' | 'too_large' | 'undecodable' | 'unreadable' | 'extractor_failed' | 'timeout' | 'duplicate';

/** One input file after reading, decoding and extraction (or the failure of one of them). */
export interface IngestedInput {
  /** Name shown in the snapshot: relative to the input folder, or the file's base name. */
  file: string;
  /** SHA-256 of the bytes (hex); null when the file could not be read at all. */
  doc_id: string | null;
  bytes: number | null;
  encoding: string | null;
  record: ExtractionRecord | null;
  error: { code: ReasonCode; message: string } | null;
}

export interface ReportInput {
  file: string;
  doc_id: string | null;
  bytes: number | null;
  encoding: string | null;
  status: DocumentStatus;
  reason_code: ReasonCode | null;
  reason: string | null;
  warnings: number;
  warning_messages: string[];
  fiscal_year: number | null;
  kind: string | null;
  unit: { name: string | null; unit_id: string | null; resolution: Resolution | 'none' } | null;
  change: 'new' | 'changed' | 'unchanged';
}

export interface IngestReport {
  format: 1;
  extractor_version: string;
  summary: {
    inputs: number;
    ok: number;
    partial: number;
    rejected: number;
    documents: number;
    units: number;
    unresolved_units: number;
    facts: number;
    derived_facts: number;
  };
  inputs: ReportInput[];
  unresolved_units: { name: string; unit_id: string; files: string[] }[];
  registry_problems: string[];
  notes: string[];
}

export interface AssembleOptions {
  /** Text of data/units.csv; null when there is none (every unit is then new). */
  registryCsv: string | null;
  extractorVersion: string;
  /** file → doc_id of the previous snapshot's inputs, for the report's `change`. */
  previous?: ReadonlyMap<string, string | null>;
}

const byCodepoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function assembleSnapshot(inputs: readonly IngestedInput[], opts: AssembleOptions): { tables: TableRows; report: IngestReport } {
  const sorted = [...inputs].sort((a, b) => byCodepoint(a.file, b.file) || byCodepoint(a.doc_id ?? '', b.doc_id ?? ''));
  const registry = parseUnitRegistry(opts.registryCsv ?? '');
  const notes: string[] = [];

  // One document per distinct content: a second copy of the same bytes is reported, not re-added.
  const firstFile = new Map<string, string>();
  const kept: IngestedInput[] = [];
  const entries = new Map<IngestedInput, { status: DocumentStatus; code: ReasonCode | null; reason: string | null }>();
  for (const inp of sorted) {
    const dupOf = inp.doc_id ? firstFile.get(inp.doc_id) : undefined;
    if (inp.error) entries.set(inp, { status: 'rejected', code: inp.error.code, reason: inp.error.message });
    else if (dupOf !== undefined)
      entries.set(inp, { status: 'rejected', code: 'duplicate', reason: `与 ${dupOf} 内容相同，只收录一次 / Same bytes as ${dupOf}; ingested once.` });
    else if (inp.record) entries.set(inp, { status: statusOf(inp.record), code: null, reason: null });
    else entries.set(inp, { status: 'rejected', code: 'extractor_failed', reason: 'no record' });
    if (inp.doc_id && dupOf === undefined) {
      firstFile.set(inp.doc_id, inp.file);
      kept.push(inp);
    }
  }

  const extracted = kept.filter((k) => entries.get(k)!.status !== 'rejected' && k.record);
  const { assignments, units, unresolved } = assignUnits(
    extracted.map((k) => ({ file: k.file, unit_name: k.record!.unit_name, region: k.record!.region })),
    registry,
  );
  const unitOf = new Map(extracted.map((k, i) => [k, assignments[i]!]));

  const tables = emptyTables();
  for (const inp of kept) {
    const e = entries.get(inp)!;
    const record = e.status === 'rejected' ? null : inp.record;
    const unit_id = unitOf.get(inp)?.unit_id ?? null;
    tables.documents.push(
      documentRow({ doc_id: inp.doc_id!, file: inp.file, bytes: inp.bytes, encoding: inp.encoding, unit_id, status: e.status, reason: e.reason, synthetic: false }, record),
    );
    if (!record) continue;
    const rows = recordRows(record, { doc_id: inp.doc_id!, unit_id });
    for (const t of ['facts', 'function_lines', 'economic_lines', 'projects', 'indicators', 'summary_projects', 'findings'] as const) tables[t].push(...rows[t]);
  }
  const derived = deriveFacts(tables.facts);
  tables.facts.push(...derived);
  tables.units = units.map(unitRow);
  // Findings across documents: jumps from one year to the next, outliers among peers.
  const corpus = [
    ...trendFindings(tables.facts as unknown as FactRow[]),
    ...peerFindings(tables.facts as unknown as FactRow[], tables.documents as unknown as DocRow[], tables.units as unknown as UnitRowLite[]),
  ];
  corpus.forEach((f, i) => tables.findings.push(findingRow(f, { finding_id: `corpus:${f.rule}:${f.doc_id}:${i + 1}`, doc_id: f.doc_id, unit_id: f.unit_id, fiscal_year: f.fiscal_year, kind: f.kind })));

  // Several documents for one unit, year and kind are all kept; say so, the views show each.
  const seen = new Map<string, string[]>();
  for (const d of tables.documents) {
    if (d.status === 'rejected' || d.unit_id === null) continue;
    const k = `${d.unit_id}|${d.fiscal_year}|${d.kind}`;
    seen.set(k, [...(seen.get(k) ?? []), d.file as string]);
  }
  for (const [k, files] of seen)
    if (files.length > 1) {
      const [unit_id, year, kind] = k.split('|');
      notes.push(`${files.length} documents for unit ${unit_id}, ${year}, ${kind}: ${files.join(', ')}`);
    }

  const reportInputs = sorted.map((inp): ReportInput => {
    const e = entries.get(inp)!;
    const record = e.status === 'rejected' ? null : inp.record;
    const a = unitOf.get(inp);
    const prev = opts.previous?.get(inp.file);
    return {
      file: inp.file,
      doc_id: inp.doc_id,
      bytes: inp.bytes,
      encoding: inp.encoding,
      status: e.status,
      reason_code: e.code,
      reason: e.reason,
      warnings: record?.warnings.length ?? 0,
      warning_messages: record?.warnings ?? [],
      fiscal_year: record?.fiscal_year ?? null,
      kind: record?.kind ?? null,
      unit: a ? { name: record?.unit_name ?? null, unit_id: a.unit_id, resolution: a.resolution } : null,
      change: prev === undefined ? 'new' : prev === inp.doc_id ? 'unchanged' : 'changed',
    };
  });

  const count = (s: DocumentStatus) => reportInputs.filter((r) => r.status === s).length;
  const report: IngestReport = {
    format: 1,
    extractor_version: opts.extractorVersion,
    summary: {
      inputs: reportInputs.length,
      ok: count('ok'),
      partial: count('partial'),
      rejected: count('rejected'),
      documents: tables.documents.length,
      units: tables.units.length,
      unresolved_units: unresolved.length,
      facts: tables.facts.length,
      derived_facts: derived.length,
    },
    inputs: reportInputs,
    unresolved_units: unresolved,
    registry_problems: registry.problems,
    notes,
  };
  return { tables, report };
}
