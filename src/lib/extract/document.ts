// A source document as lines with offsets, so every stage can cite what it read.
import { normalizeChars } from './text.ts';
import type { Provenance } from './types.ts';

export interface Line {
  /** 1-based line number. */
  no: number;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character (before the line break): doc.raw.slice(start, end) is the printed line. */
  end: number;
  /** The line normalised (normalizeChars): same length as the printed line. The printed text itself is only ever quoted, from doc.raw. */
  norm: string;
}

export interface Doc {
  raw: string;
  norm: string;
  lines: Line[];
}

const MAX_SNIPPET = 400;

export function makeDoc(text: string): Doc {
  const raw = text.replace(/\r\n?/g, '\n');
  const norm = normalizeChars(raw);
  const lines: Line[] = [];
  let start = 0;
  let no = 1;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    lines.push({ no, start, end, norm: norm.slice(start, end) });
    no++;
    start = end + 1;
  }
  return { raw, norm, lines };
}

/** 1-based line number of a source offset (binary search). */
export function lineAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return doc.lines[lo].no;
}

/** Provenance for a source span [start, end). */
export function spanSource(doc: Doc, start: number, end: number): Provenance {
  const s = Math.max(0, Math.min(start, doc.raw.length));
  const e = Math.max(s, Math.min(end, doc.raw.length));
  let text = doc.raw.slice(s, e).trim();
  if (text.length > MAX_SNIPPET) text = text.slice(0, MAX_SNIPPET) + '…';
  return { line: lineAt(doc, s), endLine: lineAt(doc, Math.max(s, e - 1)), text };
}

/** Provenance for whole lines (1-based, inclusive). */
export function linesSource(doc: Doc, from: number, to: number): Provenance {
  const a = doc.lines[Math.max(0, from - 1)];
  const b = doc.lines[Math.max(0, Math.min(doc.lines.length, to) - 1)];
  return spanSource(doc, a.start, b.end);
}

/** The source spelling of a normalised snippet found within lines [from, to]. */
export function printedIn(doc: Doc, from: number, to: number, normText: string): string {
  const a = doc.lines[Math.max(0, from - 1)]?.start ?? 0;
  const last = doc.lines[Math.min(doc.lines.length, to) - 1];
  const b = last ? last.end : doc.raw.length;
  const at = doc.norm.indexOf(normText, a);
  return at >= 0 && at + normText.length <= b ? doc.raw.slice(at, at + normText.length) : normText;
}
