// 政府收支分类科目 — 支出功能分类科目 (expenditure functional classification) lookups.
// Pure: no I/O. The data is src/lib/extract/catalogue/functions.json; its sources are listed in
// src/lib/extract/catalogue/README.md.
//
// IMPORTANT: the catalogue is PARTIAL. No complete machine-readable list could be found, so it
// holds every 类 plus only the 款/项 that a source actually prints (mostly the seed documents).
// Every function here answers `undefined` rather than guess when the catalogue does not know.
import data from './catalogue/functions.json' with { type: 'json' };

export type Level = 'lei' | 'kuan' | 'xiang';

export interface Entry {
  /** 3 digits (类), 5 digits (款) or 7 digits (项). */
  code: string;
  /** The most recent known name. */
  name: string;
  level: Level;
  /** Earlier (or other) names of the same code. */
  aliases?: string[];
  /** Where the entry comes from (ids explained in catalogue/README.md). */
  source?: string;
}

export interface PathPart {
  code: string;
  /** Undefined when the catalogue does not hold that code. */
  name?: string;
}

export interface CodePath {
  lei: PathPart;
  kuan?: PathPart;
  xiang?: PathPart;
}

/** True while the catalogue is built from scattered sources rather than a full official list. */
export const CATALOGUE_IS_PARTIAL = true;

export const entries: readonly Entry[] = data as Entry[];

const byCode = new Map<string, Entry>();

for (const e of entries) byCode.set(e.code, e);

/**
 * Normalises a 科目 name for comparison: NFKC (full-width → half-width), whitespace removed,
 * brackets unified to ASCII (), quotes removed, and a trailing level marker such as （类）/(款)/（项）
 * or a trailing colon dropped.
 */
export function normName(s: string): string {
  let t = s.normalize('NFKC');
  t = t.replace(/[\s\u3000\u00a0\u200b]+/g, '');
  t = t.replace(/[（【〔［]/g, '(').replace(/[）】〕］]/g, ')');
  t = t.replace(/["'“”‘’「」『』]/g, '');
  t = t.replace(/[:：]+$/, '');
  t = t.replace(/\((类|款|项)\)$/, '');
  return t;
}

function namesOf(e: Entry): string[] {
  return e.aliases ? [e.name, ...e.aliases] : [e.name];
}

/** Normalised names per entry, computed once: lookups compare against every entry. */
const normNames = new Map<Entry, string[]>(entries.map((e) => [e, namesOf(e).map(normName)]));

function nameMatches(e: Entry, name: string): boolean {
  const n = normName(name);
  if (!n) return false;
  return normNames.get(e)!.includes(n);
}

/** The entry for a 3-, 5- or 7-digit code, if the catalogue holds it. */
export function lookupCode(code: string): Entry | undefined {
  return byCode.get(code.normalize('NFKC').replace(/\s+/g, ''));
}

/** 'lei' | 'kuan' | 'xiang' by the shape of the code (3/5/7 digits); undefined otherwise. */
export function levelOf(code: string): Level | undefined {
  const c = code.normalize('NFKC').replace(/\s+/g, '');
  if (!/^\d+$/.test(c)) return undefined;
  if (c.length === 3) return 'lei';
  if (c.length === 5) return 'kuan';
  if (c.length === 7) return 'xiang';
  return undefined;
}

/** The code one level up (7 → 5 → 3 digits); undefined for a 类 or a malformed code. */
export function parentOf(code: string): string | undefined {
  const c = code.normalize('NFKC').replace(/\s+/g, '');
  const level = levelOf(c);
  if (level === 'xiang') return c.slice(0, 5);
  if (level === 'kuan') return c.slice(0, 3);
  return undefined;
}

/** The 类/款/项 codes of a code with their catalogue names (names undefined where unknown). */
export function pathOf(code: string): CodePath | undefined {
  const c = code.normalize('NFKC').replace(/\s+/g, '');
  const level = levelOf(c);
  if (!level) return undefined;
  const part = (k: string): PathPart => {
    const e = byCode.get(k);
    return e ? { code: k, name: e.name } : { code: k };
  };
  const path: CodePath = { lei: part(c.slice(0, 3)) };
  if (level !== 'lei') path.kuan = part(c.slice(0, 5));
  if (level === 'xiang') path.xiang = part(c);
  return path;
}

const leis = entries.filter((e) => e.level === 'lei');

/** Strips a leading "一、" / "（一）" / "1." numbering or a leading printed code. */
function stripLeading(s: string): string {
  return s
    .replace(/^(?:\([一二三四五六七八九十百]+\)|[一二三四五六七八九十百]+[、.．])/, '')
    .replace(/^\d+[、.．]\s*/, '')
    .replace(/^\d{3}(?!\d)/, '');
}

function leiKey(name: string): string {
  return stripLeading(normName(name)).replace(/支出$/, '');
}

/**
 * The 3-digit 类 code for a 类 name (any known name). Tolerant of spaces, full/half-width brackets,
 * a （类） marker, a leading "一、" and a missing trailing 支出 (一般公共服务（类） → 201).
 */
export function classCodeByName(name: string): string | undefined {
  const k = leiKey(name);
  if (!k) return undefined;
  const hits = leis.filter((e) => namesOf(e).some((x) => leiKey(x) === k));
  return hits.length === 1 ? hits[0].code : undefined;
}

/** Does a 类 entry (by code) carry the given 类 name? */
function leiMatches(leiCode: string, name: string): boolean {
  const e = byCode.get(leiCode);
  if (!e) return false;
  const k = leiKey(name);
  return !!k && namesOf(e).some((x) => leiKey(x) === k);
}

/** Does a 款 entry (by code) carry the given 款 name? (A 款 the catalogue lacks never matches.) */
function kuanMatches(kuanCode: string, name: string): boolean {
  const e = byCode.get(kuanCode);
  if (!e) return false;
  const n = stripLeading(normName(name));
  return !!n && namesOf(e).some((x) => normName(x) === n);
}

const xiangs = entries.filter((e) => e.level === 'xiang');

/**
 * Resolves a line named only in words — 类 / 款 / 项 — to its 7-digit 项 code. 类 and 款 may be null;
 * when given they must be names of the 项's ancestors. Undefined when nothing or more than one 项
 * fits (e.g. 行政运行 alone), or when an ancestor the line names is not in the catalogue.
 */
export function resolveNamePath(lei: string | null, kuan: string | null, xiang: string): string | undefined {
  const hasLei = lei != null && normName(lei) !== '';
  const hasKuan = kuan != null && normName(kuan) !== '';
  const key = normName(stripLeading(normName(xiang)));
  if (!key) return undefined;
  const hits = xiangs.filter(
    (e) =>
      normNames.get(e)!.includes(key) &&
      (!hasKuan || kuanMatches(e.code.slice(0, 5), kuan as string)) &&
      (!hasLei || leiMatches(e.code.slice(0, 3), lei as string)),
  );
  return hits.length === 1 ? hits[0].code : undefined;
}

function digitsOf(cell: string): string {
  return cell.normalize('NFKC').replace(/[^\d]/g, '');
}

/** Is `frag` a subsequence of `full` (prefixes included; '' fits anything)? */
function isSubsequence(frag: string, full: string): boolean {
  let i = 0;
  for (const ch of full) if (i < frag.length && frag[i] === ch) i++;
  return i === frag.length;
}

/**
 * Checks or repairs a printed function code. `printed` are the code cells as printed:
 * ['2013701'], ['201','37','01'], or damaged ones such as ['20','37','01'] or ['2 01','37','01'].
 *
 * - A clean 7-digit code the catalogue holds → { code, repaired: false }.
 * - Otherwise the 款 and 项 digits (the last two cells, or the last four digits) are taken as
 *   reliable and the 类 digits as possibly damaged: the code is repaired when exactly one
 *   catalogue 项 has those 款/项 digits, a 类 compatible with the printed 类 digits (they form a
 *   subsequence of it, or are missing) and the given name (or an alias) → { code, repaired: true }.
 * - Anything else → undefined (including a clean code the partial catalogue does not hold).
 */
export function repairCode(printed: string[], name: string): { code: string; repaired: boolean } | undefined {
  const cells = printed.map(digitsOf).filter((c) => c !== '');
  const all = cells.join('');
  if (all === '') return undefined;

  if (/^\d{7}$/.test(all) && (cells.length === 1 || cells.length === 3 ? cellsWellFormed(cells) : true)) {
    const e = byCode.get(all);
    if (e && e.level === 'xiang') return { code: all, repaired: false };
  }

  let leiFrag: string;
  let kuanXiang: string;
  if (cells.length >= 3 && cells[cells.length - 1].length === 2 && cells[cells.length - 2].length === 2) {
    kuanXiang = cells[cells.length - 2] + cells[cells.length - 1];
    leiFrag = cells.slice(0, -2).join('');
  } else {
    if (all.length < 4) return undefined;
    kuanXiang = all.slice(-4);
    leiFrag = all.slice(0, -4);
  }
  if (leiFrag.length > 3) return undefined;
  if (!normName(name)) return undefined;

  const hits = xiangs.filter(
    (e) =>
      e.code.slice(3) === kuanXiang &&
      isSubsequence(leiFrag, e.code.slice(0, 3)) &&
      nameMatches(e, name),
  );
  if (hits.length !== 1) return undefined;
  const code = hits[0].code;
  return { code, repaired: code !== all };
}

/** A 7-digit code split into cells is clean when the cells are 类 3 / 款 2 / 项 2 (or one cell). */
function cellsWellFormed(cells: string[]): boolean {
  if (cells.length === 1) return cells[0].length === 7;
  return cells[0].length === 3 && cells[1].length === 2 && cells[2].length === 2;
}
