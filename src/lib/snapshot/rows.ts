// One extraction record (plus what the ingest knows about its file) → row objects, one array
// per snapshot table, keyed by the column names of schema.ts. Pure: no I/O.
import { classCodeByName, entries, normName, pathOf } from '../extract/catalogue.ts';
import type { ExtractionRecord, FunctionLine, Provenance } from '../extract/types.ts';
import { checkRecord, type Finding } from '../findings/index.ts';
import type { UnitRow } from './units.ts';
import { placeOf } from './units.ts';

export type Cell = string | number | boolean | readonly string[] | null;
export type Row = Record<string, Cell>;

export type TableName = 'documents' | 'units' | 'facts' | 'function_lines' | 'economic_lines' | 'projects' | 'indicators' | 'summary_projects' | 'findings';
export type TableRows = Record<TableName, Row[]>;
export type RecordTables = Pick<TableRows, 'facts' | 'function_lines' | 'economic_lines' | 'projects' | 'indicators' | 'summary_projects' | 'findings'>;

export type DocumentStatus = 'ok' | 'partial' | 'rejected';

export function emptyTables(): TableRows {
  return { documents: [], units: [], facts: [], function_lines: [], economic_lines: [], projects: [], indicators: [], summary_projects: [], findings: [] };
}

/** What the ingest knows about one input file besides its record. */
export interface DocumentInfo {
  doc_id: string;
  file: string;
  /** File size; null when it does not fit the INTEGER column (files over 2 GiB, all rejected). */
  bytes: number | null;
  encoding: string | null;
  unit_id: string | null;
  status: DocumentStatus;
  reason: string | null;
  synthetic: boolean;
}

/** 'partial' when the extractor raised any warning (something it could not place), else 'ok'. */
export function statusOf(record: Pick<ExtractionRecord, 'warnings'>): 'ok' | 'partial' {
  return record.warnings.length ? 'partial' : 'ok';
}

const n = (v: number | undefined | null): number | null => (v === undefined || v === null || !Number.isFinite(v) ? null : v);
const s = (v: string | undefined | null): string | null => (v === undefined || v === null ? null : v);

function source(p: Provenance | undefined): Row {
  return { source_line: p?.line ?? null, source_end_line: p?.endLine ?? null, source_text: p?.text ?? null };
}

export function documentRow(info: DocumentInfo, record: Pick<ExtractionRecord, 'unit_name' | 'region' | 'fiscal_year' | 'kind' | 'warnings'> | null): Row {
  const place = placeOf(record?.region ?? []);
  return {
    doc_id: info.doc_id,
    file: info.file,
    bytes: info.bytes !== null && info.bytes <= 0x7fffffff ? info.bytes : null,
    encoding: info.encoding,
    unit_id: info.unit_id,
    unit_name: record?.unit_name ?? null,
    province: place.province,
    prefecture: place.prefecture,
    county: place.county,
    level: place.level,
    fiscal_year: record?.fiscal_year ?? null,
    kind: record?.kind ?? null,
    status: info.status,
    reason: info.reason,
    warning_count: record?.warnings.length ?? 0,
    warnings: record?.warnings ?? [],
    synthetic: info.synthetic,
  };
}

export function unitRow(u: UnitRow): Row {
  return { unit_id: u.unit_id, name: u.name, aliases: u.aliases, province: u.province, prefecture: u.prefecture, county: u.county, level: u.level, sector: u.sector };
}

/**
 * 类/款 of a function line. From its code (printed, or resolved from the catalogue) with the
 * catalogue's names where the catalogue knows them; for a line printed in words only, from the
 * words themselves: "科学技术支出（类）技术与开发（款）…（项）" gives the 类 and 款 names, and the 类
 * code when the catalogue knows that 类 name. Unknown parts are null, never guessed.
 */
export function classificationOf(line: FunctionLine): { lei_code: string | null; lei_name: string | null; kuan_code: string | null; kuan_name: string | null } {
  const code = line.code ?? line.catalogue_code ?? null;
  if (code && /^\d{7}$/.test(code)) {
    const path = pathOf(code);
    return { lei_code: code.slice(0, 3), lei_name: path?.lei.name ?? null, kuan_code: code.slice(0, 5), kuan_name: path?.kuan?.name ?? null };
  }
  const printed = line.lei_name ? { lei: line.lei_name, kuan: line.kuan_name ?? '' } : printedPath(line.source?.text);
  const lei_code = printed ? classCodeByName(printed.lei) ?? null : null;
  return {
    lei_code,
    lei_name: printed?.lei ?? null,
    kuan_code: lei_code && printed?.kuan ? kuanCodeByName(lei_code, printed.kuan) : null,
    kuan_name: printed?.kuan || null,
  };
}

/** The 款 code of a 款 name under a 类, when exactly one catalogue 款 carries that name. */
function kuanCodeByName(leiCode: string, name: string): string | null {
  const key = normName(name);
  const hits = entries.filter((e) => e.level === 'kuan' && e.code.startsWith(leiCode) && [e.name, ...(e.aliases ?? [])].some((x) => normName(x) === key));
  return hits.length === 1 ? hits[0]!.code : null;
}

/** The 类 and 款 names of a line printed as "…（类）…（款）…（项）", without numbering ("1." "（一）") or spaces. */
export function printedPath(text: string | undefined): { lei: string; kuan: string } | null {
  if (!text) return null;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(?:\([0-9一二三四五六七八九十]+\)|[0-9一二三四五六七八九十]+[.、])?(.+?)\(类\)(.+?)\(款\)/.exec(t);
  if (!m) return null;
  const lei = m[1]!;
  const kuan = m[2]!;
  return lei && kuan ? { lei, kuan } : null;
}

/** The rows one record contributes to the per-document tables, in document order. */
// Rows are written as literals, key by key: object spread in these loops was most of the time
// the ingest spent outside the extractor (a province has tens of millions of rows).
export function recordRows(record: ExtractionRecord, keys: { doc_id: string; unit_id: string | null }): RecordTables {
  const { doc_id, unit_id } = keys;
  const { fiscal_year, kind } = record;
  const province = placeOf(record.region).province;
  const facts = record.facts.map((f): Row => ({
    doc_id, unit_id, fiscal_year, kind, province,
    key: f.key,
    basis: f.basis,
    value: f.value,
    derived: false,
    source_line: f.source?.line ?? null,
    source_end_line: f.source?.endLine ?? null,
    source_text: f.source?.text ?? null,
  }));
  const function_lines = record.function_lines.map((l): Row => {
    const c = classificationOf(l);
    return {
      doc_id, unit_id, fiscal_year, kind, province,
      code: l.code,
      catalogue_code: s(l.catalogue_code),
      lei_code: c.lei_code,
      lei_name: c.lei_name,
      kuan_code: c.kuan_code,
      kuan_name: c.kuan_name,
      name: l.name,
      fund: l.fund ?? 'gpb',
      amount: n(l.amount),
      basic: n(l.basic),
      project: n(l.project),
      source_line: l.source?.line ?? null,
      source_end_line: l.source?.endLine ?? null,
      source_text: l.source?.text ?? null,
    };
  });
  const economic_lines = record.economic_lines.map((l): Row => ({
    doc_id, unit_id, fiscal_year, kind, province,
    code: l.code,
    class_code: /^\d{3}/.test(l.code) ? l.code.slice(0, 3) : null,
    level: l.code.length === 3 ? 'lei' : l.code.length === 5 ? 'kuan' : null,
    name: l.name,
    amount: n(l.amount),
    personnel: n(l.personnel),
    public: n(l.public),
    source_line: l.source?.line ?? null,
    source_end_line: l.source?.endLine ?? null,
    source_text: l.source?.text ?? null,
  }));
  const projects: Row[] = [];
  const indicators: Row[] = [];
  record.projects.forEach((p, i) => {
    const project_id = `${doc_id}:${i + 1}`;
    projects.push({
      doc_id, unit_id, fiscal_year, kind, province,
      project_id,
      ordinal: i + 1,
      name: p.name,
      budget: n(p.budget),
      budget_initial: n(p.budget_initial),
      budget_full_year: n(p.budget_full_year),
      executed: n(p.executed),
      exec_rate: n(p.exec_rate),
      score: n(p.score),
      indicator_count: p.indicator_count,
      source_line: p.source?.line ?? null,
      source_end_line: p.source?.endLine ?? null,
      source_text: p.source?.text ?? null,
    });
    const list = p.indicators ?? [];
    for (let j = 0; j < list.length; j++) {
      const x = list[j]!;
      indicators.push({
        doc_id, unit_id, fiscal_year, kind, province,
        project_id,
        ordinal: j + 1,
        level1: s(x.level1),
        level2: s(x.level2),
        level3: x.level3,
        target: s(x.target),
        actual: s(x.actual),
        weight: n(x.weight),
        score: n(x.score),
        note: s(x.note),
        source_line: x.source?.line ?? null,
        source_end_line: x.source?.endLine ?? null,
        source_text: x.source?.text ?? null,
      });
    }
  });
  const summary_projects = record.summary_projects.map((p, i): Row => ({
    doc_id, unit_id, fiscal_year, kind, province,
    ordinal: i + 1,
    name: p.name,
    unit: s(p.unit),
    budget_initial: n(p.budget_initial),
    budget_full_year: n(p.budget_full_year),
    executed: n(p.executed),
    exec_rate: n(p.exec_rate),
    completion_pct: n(p.completion_pct),
    score: n(p.score),
    source_line: p.source?.line ?? null,
    source_end_line: p.source?.endLine ?? null,
    source_text: p.source?.text ?? null,
  }));
  const findings = checkRecord(record).map((f, i) => findingRow(f, { finding_id: `${doc_id}:${i + 1}`, doc_id, unit_id, fiscal_year, kind, province }));
  return { facts, function_lines, economic_lines, projects, indicators, summary_projects, findings };
}

/** A finding → its row: the figures as JSON, the first figure's source as the row's provenance. */
export function findingRow(f: Finding, keys: Row): Row {
  const first = f.figures.find((g) => g.source)?.source;
  const figures = f.figures.map((g) => ({ label: g.label, value: g.value, unit: g.unit, line: g.source?.line ?? null, end_line: g.source?.endLine ?? null, text: g.source?.text ?? null }));
  return {
    ...keys,
    rule: f.rule,
    family: f.family,
    severity: f.severity,
    subject: f.subject,
    zh: f.zh,
    en: f.en,
    expected: n(f.expected),
    stated: n(f.stated),
    difference: n(f.difference),
    figures: JSON.stringify(figures),
    ...source(first),
  };
}
