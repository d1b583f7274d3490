// Table rows from the many ways text layers print a table: tab-separated cells, markdown
// pipes, HTML <td>, one cell per line (rows separated by blank lines), or cells split by
// runs of spaces. Every row keeps the lines it came from.
import type { Doc } from './document.ts';

export interface Row {
  cells: string[];
  /** First and last 1-based source line. */
  from: number;
  to: number;
  /** True when empty cells were kept, so positions line up with the header. */
  aligned: boolean;
  /** True when a wrapped cell was joined from several lines (its text may be out of order). */
  wrapped?: boolean;
}

const HTML_CELL = /<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi;

export function cleanCell(s: string): string {
  if (!/[<$\\*]/.test(s)) return s.trim();
  return s
    .replace(/<br\s*\/?>/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\$\\geq\s*/g, '≥')
    .replace(/\$\\leq\s*/g, '≤')
    .replace(/\\%\$?/g, '%')
    .replace(/\*\*/g, '')
    .trim();
}

/** Splits one line into cells, or returns null when the line is not a table row. */
export function splitCells(norm: string): { cells: string[]; aligned: boolean } | null {
  if (/<t[dh][\s>]/i.test(norm)) {
    const cells = [...norm.matchAll(HTML_CELL)].map((m) => cleanCell(m[1]));
    return cells.length ? { cells, aligned: true } : null;
  }
  if (norm.includes('\t')) return { cells: norm.split('\t').map(cleanCell), aligned: true };
  const pipes = (norm.match(/\|/g) ?? []).length;
  if (pipes >= 2) {
    const inner = norm.trim().replace(/^\|/, '').replace(/\|$/, '');
    if (/^[\s:|-]+$/.test(inner)) return { cells: [], aligned: true };
    return { cells: inner.split('|').map(cleanCell), aligned: true };
  }
  return null;
}

/** One-cell-per-line blocks: "\tcell" lines, a blank line between rows. */
function isCellLine(norm: string): boolean {
  return /^\t[^\t]*$/.test(norm);
}

/**
 * Rows of the lines [from, to] (1-based, inclusive). Prose lines yield no row unless
 * `spaces` is set: then a line without separators is split at its spaces (PDF text layers).
 */
export function readRows(doc: Doc, from: number, to: number, spaces = false): Row[] {
  const rows: Row[] = [];
  let n = from;
  const last = Math.min(to, doc.lines.length);
  while (n <= last) {
    const l = doc.lines[n - 1];
    if (isCellLine(l.norm)) {
      // Gather one row of one-cell lines; blank lines end it.
      const cells: string[] = [];
      const start = n;
      while (n <= last && isCellLine(doc.lines[n - 1].norm)) {
        cells.push(cleanCell(doc.lines[n - 1].norm.slice(1)));
        n++;
      }
      rows.push({ cells, from: start, to: n - 1, aligned: true });
      continue;
    }
    const split = splitCells(l.norm);
    if (split) rows.push({ cells: split.cells, from: n, to: n, aligned: split.aligned });
    else if (spaces && l.norm.trim()) rows.push({ cells: spaceCells(cleanCell(l.norm), true), from: n, to: n, aligned: false });
    n++;
  }
  return rows;
}

/**
 * Cells of a line whose separators a text layer turned into spaces. In a row with figures,
 * the words between two figures are one cell (a label or a name broken by spaces); in a
 * header row every word is a cell, except that letter-spaced words ("小 计", "收 入 总 计")
 * come back together. `keepWords` keeps words apart in figure rows too (indicator rows,
 * where a level label, a name and a target stand side by side).
 */
export function spaceCells(norm: string, keepWords = false): string[] {
  const t = norm
    .trim()
    // "47,483,458一、社会保障和就业支出": a figure glued to the next numbered label.
    .replace(/(\d)(?=[一二三四五六七八九十]+、)/g, '$1 ')
    // "1. 一般公共预算": a list mark belongs to its label.
    .replace(/(^|\s)(\d{1,2}[.、]|[(][一二三四五六七八九十\d]{1,3}[)])\s+(?=[\u4e00-\u9fff])/g, '$1$2');
  if (!t) return [];
  const tokens = t.split(/\s+/);
  const isFigure = (x: string) => /^[-+]?[\d,]*\.?\d+%?$/.test(x);
  const figures = tokens.some(isFigure);
  const cells: string[] = [];
  for (const tok of tokens) {
    const prev = cells[cells.length - 1];
    const joinWord = !keepWords && figures && prev !== undefined && !isFigure(tok) && !isFigure(prev) && !/^\d{3,7}$/.test(prev) && !/^[(]?[一二三四五六七八九十]+[、)]/.test(tok);
    // Letter-spaced words arrive one character at a time: join a single character to a short run of them.
    const joinLetter = prev !== undefined && /^[\u4e00-\u9fff]$/.test(tok) && /^[\u4e00-\u9fff]{1,3}$/.test(prev);
    if (joinWord || joinLetter) cells[cells.length - 1] = prev + tok;
    else cells.push(tok);
  }
  return cells;
}

/** Cells with content; markdown rule cells ("-------") dropped. */
export function filled(cells: string[]): string[] {
  // One loop rather than map and filter: called on every row, often several times.
  const out: string[] = [];
  for (const cell of cells) {
    const c = cell.trim();
    if (c !== '' && !(c.charCodeAt(0) === 45 && /^-{3,}$/.test(c))) out.push(c);
  }
  return out;
}

/** Collapses whitespace in a printed name, keeping one space only between two Latin words or numbers. */
export function cleanName(s: string): string {
  return s.trim().replace(/\s+/g, (m, at: number, all: string) => (/[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[at + m.length] ?? '') ? ' ' : ''));
}
