// extract(text, source) → the canonical record of ../shared/spec/extraction.md.
// Stages: lines → metadata → sections → tables and prose → facts, lines, projects.
import { makeDoc } from './document.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { namedPath, proseFunctionLines } from './function-lines.ts';
import { readMeta } from './meta.ts';
import { narrativeFacts } from './narrative.ts';
import { findProjectTables, readProjects } from './projects.ts';
import { segment } from './sections.ts';
import { isSummaryTable, readSummary } from './summary.ts';
import { findTables, readTables } from './tables.ts';
import { normName } from './text.ts';
import type { Conflict, ExtractionRecord, Fact, FunctionLine } from './types.ts';
export type * from './types.ts';

/** Turns the text of one disclosure into the canonical record. Pure: no I/O. */
export function extract(text: string, source: string): ExtractionRecord {
  const warnings: string[] = [];
  // A disclosure is rarely over 1 MB of text: a much larger file is likely several documents
  // run together, and the record describes the first unit it names.
  if (text.length > 4_000_000) warnings.push(`the document is ${(text.length / 1e6).toFixed(1)} million characters long; it may hold several disclosures, and the record follows the first unit it names`);
  const html = looksLikeHtml(text);
  if (html) warnings.push('the document is a web page (HTML): it was read as the text a browser shows, and line numbers refer to that text');
  const doc = makeDoc(html ? htmlToText(text) : text);
  const meta = readMeta(doc);
  const kind = meta.kind ?? 'final';
  if (!meta.kind) warnings.push('document kind (决算/预算) not stated; read as a final account');
  if (!meta.unit_name) warnings.push('reporting unit name not found');
  if (meta.fiscal_year == null) warnings.push('fiscal year not found');

  const sections = segment(doc);
  const projectTables = findProjectTables(doc, sections);
  const stops = [
    ...sections.filter((s) => s.level <= 2).map((s) => s.headingLine),
    ...projectTables.map((t) => t.from),
  ];
  const tables = findTables(doc, stops);
  const summary_projects = tables.filter(isSummaryTable).flatMap((t) => readSummary(doc, t));
  const tabled = readTables(doc, tables.filter((t) => !isSummaryTable(t)), kind);
  warnings.push(...tabled.warnings);

  // Tables first: where a document gives a figure in a table and in prose, the table's counts.
  const facts: Fact[] = [];
  const conflicts: Conflict[] = [];
  const byId = new Map<string, Fact>();
  const twice = (prev: Fact, f: Fact, origin: Conflict['origin']) =>
    conflicts.push({ key: f.key, basis: f.basis, recorded: { value: prev.value, source: prev.source }, other: { value: f.value, source: f.source }, origin });
  for (const f of tabled.facts) {
    const id = `${f.key}@${f.basis}`;
    const prev = byId.get(id);
    if (prev) {
      if (Math.abs(prev.value - f.value) > 0.005) {
        warnings.push(`${id}: tables state ${prev.value} (line ${prev.source?.line}) and ${f.value} (line ${f.source?.line}); the first is recorded`);
        twice(prev, f, 'tables');
      }
      continue;
    }
    byId.set(id, f);
    facts.push(f);
  }
  const narrative = narrativeFacts(doc, sections, kind, meta.fiscal_year);
  warnings.push(...narrative.conflicts);
  conflicts.push(...narrative.twice);
  for (const f of narrative.facts) {
    const id = `${f.key}@${f.basis}`;
    const prev = byId.get(id);
    if (prev) {
      // The text rounds a table's 元 to 万元: a difference within that rounding is the same figure.
      if (Math.abs(prev.value - f.value) > 0.0051) {
        warnings.push(`${id}: table ${prev.value} (line ${prev.source?.line}) vs text ${f.value} (line ${f.source?.line}); the table is recorded`);
        twice(prev, f, 'table-vs-text');
      }
      continue;
    }
    byId.set(id, f);
    facts.push(f);
  }

  const function_lines = mergeLines(tabled.function_lines, proseFunctionLines(doc, sections, kind, tabled.names), tabled.names);
  const projects = readProjects(doc, sections, warnings, projectTables);
  for (const l of function_lines) if (l.code === null && !l.catalogue_code) warnings.push(`function line ${l.name} (line ${l.source?.line}) is named in words only; its code is not in the catalogue`);

  return {
    spec: 1,
    source,
    unit_name: meta.unit_name,
    region: meta.region,
    fiscal_year: meta.fiscal_year,
    kind: meta.kind,
    facts,
    function_lines,
    economic_lines: tabled.economic_lines,
    projects,
    summary_projects,
    warnings,
    conflicts,
  };
}

/**
 * Table lines win over prose lines for the same 项; prose adds what no table lists. A line
 * named in words is the table's line when the codes, the names, or the amount under the same
 * 款 agree (a text layer may have garbled the table's name).
 */
function mergeLines(table: FunctionLine[], prose: FunctionLine[], names: Map<string, string>): FunctionLine[] {
  const fundOf = (l: FunctionLine) => l.fund ?? 'gpb';
  const sameLine = (p: FunctionLine, t: FunctionLine): boolean => {
    if (fundOf(p) !== fundOf(t)) return false;
    const code = p.code ?? p.catalogue_code;
    if (code && t.code) return code === t.code;
    if (normName(p.name) === normName(t.name)) return true;
    const path = namedPath.get(p);
    if (!path || !t.code || p.amount === undefined || t.amount === undefined || Math.abs(p.amount - t.amount) > 0.0051) return false;
    const kuan = names.get(t.code.slice(0, 5));
    const lei = names.get(t.code.slice(0, 3));
    return (!!path.kuan && kuan === normName(path.kuan)) || lei === normName(path.lei);
  };
  const tabled = new Set(table.map(fundOf));
  const extra = prose.filter((p) => !(tabled.has(fundOf(p)) && table.some((t) => sameLine(p, t))));
  return [...table, ...extra];
}
