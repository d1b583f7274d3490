// The plan of a snapshot: from what the ingest learnt about each input (its record's summary,
// or the reason it was refused) → the documents and units tables, which rows of the staged
// per-document tables are kept and under which unit, and the ingest report. Pure and
// deterministic: the same inputs give the same plan whatever order the workers finished in.
// The per-document rows themselves never pass through here (they are staged on disk by the
// workers, see scripts/lib/ingest), so the plan of 200,000 documents fits in memory.
import type { ExtractionRecord } from '../extract/types.ts';
import type { DocumentStatus, Row } from './rows.ts';
import { documentRow, statusOf, unitRow } from './rows.ts';
import type { Resolution } from './units.ts';
import { assignUnits, parseUnitRegistry } from './units.ts';

export type ReasonCode = 'empty' | 'binary' | 'too_large' | 'undecodable' | 'unreadable' | 'extractor_failed' | 'timeout' | 'duplicate';

/** What the plan needs of a record: everything but its rows. */
export type RecordSummary = Pick<ExtractionRecord, 'unit_name' | 'region' | 'fiscal_year' | 'kind' | 'warnings'>;

/** One input file after reading, decoding and extraction (or the failure of one of them). */
export interface IngestedInput {
  /** Name shown in the snapshot: relative to the input folder, or the file's base name. */
  file: string;
  /** SHA-256 of the bytes (hex); null when the file could not be read at all. */
  doc_id: string | null;
  bytes: number | null;
  encoding: string | null;
  record: RecordSummary | null;
  error: { code: ReasonCode; message: string } | null;
  /** The file opens with the synthetic-corpus marker (src/lib/synth). */
  synthetic?: boolean;
}

export function summaryOf(r: ExtractionRecord): RecordSummary {
  return { unit_name: r.unit_name, region: r.region, fiscal_year: r.fiscal_year, kind: r.kind, warnings: r.warnings };
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

/** A document whose staged rows go into the snapshot. */
export interface KeptDocument {
  doc_id: string;
  /** The file whose staged rows are used (a second copy of the same bytes is not). */
  file: string;
  unit_id: string | null;
  province: string | null;
  /** Position in the snapshot's order (by file name): rows are written in this order. */
  rank: number;
  /** Position of its input in the list given to planSnapshot: the ingest stages rows under it. */
  input: number;
}

export interface SnapshotPlan {
  documents: Row[];
  units: Row[];
  /** Documents with a record, in snapshot order. */
  kept: KeptDocument[];
  /** The report; summary.facts and derived_facts are filled in once the rows are counted. */
  report: IngestReport;
}

const byCodepoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** How many unresolved units, duplicate notes… the report lists by name before summarising. */
const NOTE_LIMIT = 200;

export function planSnapshot(inputs: readonly IngestedInput[], opts: AssembleOptions): SnapshotPlan {
  const position = new Map(inputs.map((inp, i) => [inp, i]));
  // By name, then as given: the ingest gives its inputs in this order and stages rows in it
  // (scripts/lib/ingest/staging.ts), so the documents' order is the order of the staged rows.
  const sorted = [...inputs].sort((a, b) => byCodepoint(a.file, b.file) || position.get(a)! - position.get(b)!);
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

  const documents: Row[] = [];
  const keptDocs: KeptDocument[] = [];
  for (const inp of kept) {
    const e = entries.get(inp)!;
    const record = e.status === 'rejected' ? null : inp.record;
    const unit_id = unitOf.get(inp)?.unit_id ?? null;
    const row = documentRow(
      { doc_id: inp.doc_id!, file: inp.file, bytes: inp.bytes, encoding: inp.encoding, unit_id, status: e.status, reason: e.reason, synthetic: inp.synthetic ?? false },
      record,
    );
    documents.push(row);
    if (record) keptDocs.push({ doc_id: inp.doc_id!, file: inp.file, unit_id, province: row.province as string | null, rank: keptDocs.length, input: position.get(inp)! });
  }

  // Several documents for one unit, year and kind are all kept; say so, the views show each.
  const seen = new Map<string, string[]>();
  for (const d of documents) {
    if (d.status === 'rejected' || d.unit_id === null) continue;
    const k = `${d.unit_id}|${d.fiscal_year}|${d.kind}`;
    const list = seen.get(k);
    if (list) list.push(d.file as string);
    else seen.set(k, [d.file as string]);
  }
  let several = 0;
  for (const [k, files] of seen)
    if (files.length > 1 && several++ < NOTE_LIMIT) {
      const [unit_id, year, kind] = k.split('|');
      notes.push(`${files.length} documents for unit ${unit_id}, ${year}, ${kind}: ${files.join(', ')}`);
    }
  if (several > NOTE_LIMIT) notes.push(`… and ${several - NOTE_LIMIT} more units with several documents for one year and kind`);

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
      documents: documents.length,
      units: units.length,
      unresolved_units: unresolved.length,
      facts: 0,
      derived_facts: 0,
    },
    inputs: reportInputs,
    unresolved_units: unresolved,
    registry_problems: registry.problems,
    notes,
  };
  return { documents, units: units.map(unitRow), kept: keptDocs, report };
}

/**
 * The report as JSON text: the summary and notes indented, each input on one line. A province's
 * report lists 200,000 inputs; indented whole it was five times larger and slow to read.
 */
export function formatReport(report: IngestReport): string {
  const { inputs, ...rest } = report;
  const head = JSON.stringify({ ...rest, inputs: [] }, null, 2);
  const at = head.indexOf('"inputs": []');
  const list = inputs.length ? `[\n${inputs.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]` : '[]';
  return `${head.slice(0, at)}"inputs": ${list}${head.slice(at + '"inputs": []'.length)}\n`;
}
