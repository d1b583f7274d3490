// Unit identity: which reporting unit a document belongs to. Pure (no I/O): the caller passes
// the text of data/units.csv, the registry of confirmed names and aliases.
//
// - A printed name that the registry lists as a unit's name or alias resolves to that unit.
// - Any other name is a new unit, named as printed, and is listed as unresolved in the ingest
//   report until someone confirms it (adds it to units.csv, as its own unit or as an alias).
// - unit_id = 'u_' + a 64-bit hash of the normalised canonical name: stable across runs and
//   machines. The registry may pin any id; ids of registered units never change.
import pca from '../extract/gazetteer/pca.json' with { type: 'json' };
import { formatCsv, parseCsv } from './csv.ts';
import { fnv1a64 } from './hash.ts';

export type Level = 'province' | 'prefecture' | 'county';
export type Sector = 'cyberspace' | 'industry_it' | 'environment' | 'transport' | 'finance' | 'education' | 'health' | 'general_office' | 'other';
export type Resolution = 'known' | 'alias' | 'new';

/** Normalises a unit name for matching: NFKC, no whitespace, ASCII brackets, no quotes. */
export function unitKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[（【〔［]/g, '(')
    .replace(/[）】〕］]/g, ')')
    .replace(/["'“”‘’「」『』]/g, '');
}

/** The id of a unit whose canonical name is `name`. */
export function unitIdOf(name: string): string {
  return `u_${fnv1a64(unitKey(name))}`;
}

// ---- registry (data/units.csv) ------------------------------------------------------------

export const UNITS_CSV_HEADER = ['unit_id', 'name', 'alias'] as const;

export interface RegistryEntry {
  unit_id: string;
  name: string;
  aliases: string[];
}

export interface UnitRegistry {
  entries: RegistryEntry[];
  /** unitKey(name or alias) → the entry and how it matched. */
  byKey: Map<string, { entry: RegistryEntry; via: 'name' | 'alias' }>;
  /** What is wrong with the file (rows skipped, names claimed twice); never thrown. */
  problems: string[];
}

/**
 * Reads units.csv: columns unit_id, name, alias; one row per confirmed alias, or a row with an
 * empty alias for a unit that has none. Bad rows are skipped and described in `problems`.
 */
export function parseUnitRegistry(csvText: string): UnitRegistry {
  const problems: string[] = [];
  const entries: RegistryEntry[] = [];
  const byId = new Map<string, RegistryEntry>();
  const byKey = new Map<string, { entry: RegistryEntry; via: 'name' | 'alias' }>();
  const rows = parseCsv(csvText).filter((r) => r.some((f) => f.trim() !== ''));
  if (!rows.length) return { entries, byKey, problems };
  const header = rows[0]!.map((h) => h.trim());
  const col = (n: string) => header.indexOf(n);
  if (col('unit_id') < 0 || col('name') < 0) {
    problems.push(`units.csv: the header must be ${UNITS_CSV_HEADER.join(',')}; got ${header.join(',')}`);
    return { entries, byKey, problems };
  }
  const claim = (key: string, entry: RegistryEntry, via: 'name' | 'alias', line: number, printed: string) => {
    const prev = byKey.get(key);
    if (prev && prev.entry !== entry) {
      problems.push(`units.csv line ${line}: ${printed} is already a name of ${prev.entry.unit_id}; ignored`);
      return false;
    }
    if (!prev || via === 'name') byKey.set(key, { entry, via });
    return true;
  };
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const unit_id = (r[col('unit_id')] ?? '').trim();
    const name = (r[col('name')] ?? '').trim();
    const alias = col('alias') >= 0 ? (r[col('alias')] ?? '').trim() : '';
    if (!unit_id || !name) {
      problems.push(`units.csv line ${line}: unit_id and name are required; row skipped`);
      return;
    }
    let entry = byId.get(unit_id);
    if (!entry) {
      entry = { unit_id, name, aliases: [] };
      if (!claim(unitKey(name), entry, 'name', line, name)) return;
      byId.set(unit_id, entry);
      entries.push(entry);
    } else if (unitKey(entry.name) !== unitKey(name)) {
      problems.push(`units.csv line ${line}: ${unit_id} is named ${entry.name} on an earlier row, not ${name}; the first name is kept`);
    }
    if (alias && unitKey(alias) !== unitKey(entry.name) && claim(unitKey(alias), entry, 'alias', line, alias) && !entry.aliases.includes(alias))
      entry.aliases.push(alias);
  });
  return { entries, byKey, problems };
}

/** Writes registry entries back as units.csv text (one row per alias; a bare row if none). */
export function formatUnitRegistry(entries: readonly RegistryEntry[]): string {
  const rows: string[][] = [[...UNITS_CSV_HEADER]];
  for (const e of entries) {
    if (!e.aliases.length) rows.push([e.unit_id, e.name, '']);
    for (const a of e.aliases) rows.push([e.unit_id, e.name, a]);
  }
  return formatCsv(rows);
}

export interface ResolvedUnit {
  unit_id: string;
  /** Canonical name: the registry's name, or the printed name of a new unit. */
  name: string;
  resolution: Resolution;
}

/** Resolves one printed unit name against the registry. */
export function resolveUnitName(registry: UnitRegistry, printed: string): ResolvedUnit {
  const hit = registry.byKey.get(unitKey(printed));
  if (hit) return { unit_id: hit.entry.unit_id, name: hit.entry.name, resolution: hit.via === 'name' ? 'known' : 'alias' };
  return { unit_id: unitIdOf(printed), name: printed.trim(), resolution: 'new' };
}

const printedName = (name: string | null | undefined): string | null => name?.trim() || null;

/**
 * The unit a document's rows carry: what assignUnits gives it, from its printed name alone
 * (the ingest's workers stage rows with it before the plan is made).
 */
export function unitOfRecord(registry: UnitRegistry, unitName: string | null | undefined): string | null {
  const printed = printedName(unitName);
  return printed ? resolveUnitName(registry, printed).unit_id : null;
}

// ---- region and level ---------------------------------------------------------------------

const PCA = pca as Record<string, Record<string, string[]>>;

export interface Place {
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: Level | null;
}

/**
 * Splits the extractor's region path (province → prefecture → county, missing levels left
 * out) into its parts. The second element is a county when the province has no prefecture of
 * that name (districts of 北京市, county-level cities directly under a province).
 */
export function placeOf(region: readonly string[]): Place {
  const [province = null, second = null, third = null] = region;
  let prefecture: string | null = null;
  let county: string | null = null;
  if (second) {
    const prefs = province ? PCA[province] : undefined;
    if (third || !prefs || Object.hasOwn(prefs, second)) {
      prefecture = second;
      county = third;
    } else county = second;
  }
  const level: Level | null = county ? 'county' : prefecture ? 'prefecture' : province ? 'province' : null;
  return { province, prefecture, county, level };
}

// ---- sector -------------------------------------------------------------------------------

/**
 * Sector (the peer group for comparisons) from words in the unit's name. A short list on
 * purpose; order matters: a 网信办 is a 领导小组办公室 too, so cyberspace is tested first, and a
 * bare 办公室 (扶贫办, 人防办…) is not a general office.
 */
export const SECTOR_RULES: ReadonlyArray<readonly [Sector, RegExp]> = [
  ['cyberspace', /网信|网络安全和信息化|互联网信息办公室/],
  ['industry_it', /工业和信息化|经济和信息化|工信局|经信委/],
  ['environment', /生态环境|环境保护/],
  ['transport', /交通运输|交通局|交通委/],
  ['finance', /财政(厅|局)/],
  ['education', /教育(厅|局|委员会)/],
  ['health', /卫生健康|卫生和计划生育/],
  ['general_office', /办公厅|政府办公室|政府办(?!事)|[省市区县州旗]委办公室/],
];

/** The sector of the first of `names` that any rule matches (canonical name first), else 'other'. */
export function sectorOf(...names: string[]): Sector {
  for (const n of names) {
    const key = unitKey(n);
    for (const [sector, re] of SECTOR_RULES) if (re.test(key)) return sector;
  }
  return 'other';
}

// ---- assignment of documents to units -----------------------------------------------------

export interface UnitDoc {
  file: string;
  unit_name: string | null;
  region: readonly string[];
}

export interface UnitAssignment {
  unit_id: string | null;
  /** 'none' when the document prints no unit name the extractor could find. */
  resolution: Resolution | 'none';
}

export interface UnitRow {
  unit_id: string;
  name: string;
  aliases: string[];
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: Level | null;
  sector: Sector;
}

export interface UnresolvedName {
  name: string;
  unit_id: string;
  files: string[];
}

/**
 * Assigns each document (in the given order) to a unit and builds the units table: one row per
 * unit that has a document, with its other printed names, and its region from the most
 * specific region path among its documents (the first such document wins a tie).
 */
export function assignUnits(docs: readonly UnitDoc[], registry: UnitRegistry): {
  assignments: UnitAssignment[];
  units: UnitRow[];
  unresolved: UnresolvedName[];
} {
  const units = new Map<string, { name: string; printed: Set<string>; region: readonly string[] }>();
  const unresolved = new Map<string, UnresolvedName>();
  const assignments = docs.map((d): UnitAssignment => {
    const printed = printedName(d.unit_name);
    if (!printed) return { unit_id: null, resolution: 'none' };
    const r = resolveUnitName(registry, printed);
    const u = units.get(r.unit_id) ?? { name: r.name, printed: new Set<string>(), region: [] };
    u.printed.add(printed);
    if (d.region.length > u.region.length) u.region = d.region;
    units.set(r.unit_id, u);
    if (r.resolution === 'new') {
      const n = unresolved.get(r.unit_id) ?? { name: r.name, unit_id: r.unit_id, files: [] };
      n.files.push(d.file);
      unresolved.set(r.unit_id, n);
    }
    return { unit_id: r.unit_id, resolution: r.resolution };
  });
  const rows: UnitRow[] = [...units].map(([unit_id, u]) => {
    const entry = registry.entries.find((e) => e.unit_id === unit_id);
    const seen = new Set([unitKey(u.name)]);
    const aliases: string[] = [];
    for (const a of [...(entry?.aliases ?? []), ...[...u.printed].sort()]) {
      const k = unitKey(a);
      if (seen.has(k)) continue;
      seen.add(k);
      aliases.push(a);
    }
    const place = placeOf(u.region);
    return { unit_id, name: u.name, aliases, ...place, sector: sectorOf(u.name, ...aliases) };
  });
  rows.sort((a, b) => (a.unit_id < b.unit_id ? -1 : a.unit_id > b.unit_id ? 1 : 0));
  return { assignments, units: rows, unresolved: [...unresolved.values()] };
}
