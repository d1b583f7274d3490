// What extracting a document costs a thread: the worker's own work on a document already in
// memory (extract, then its rows and their CSV, as process-file.ts does), with no file read,
// no hashing and no main thread. Used by bench-threads.ts in one thread and in several at once.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocument } from '../../../src/lib/extract/decode.ts';
import { extract } from '../../../src/lib/extract/index.ts';
import { recordRows } from '../../../src/lib/snapshot/rows.ts';
import { placeOf } from '../../../src/lib/snapshot/units.ts';
import { stageRecord } from '../ingest/staging.ts';

/** Every `step`-th file of `dir` (sorted by name), `count` at most: an even sample of a corpus. */
export function sampleFiles(dir: string, count: number): { files: string[]; step: number; of: number } {
  const all = readdirSync(dir).sort();
  const step = Math.max(1, Math.floor(all.length / count));
  const files: string[] = [];
  for (let i = 0; i < all.length && files.length < count; i += step) files.push(join(dir, all[i]!));
  return { files, step, of: all.length };
}

/** The texts of `files`, decoded as the ingest decodes them. */
export const readTexts = (files: readonly string[]): string[] => files.map((f) => decodeDocument(readFileSync(f)).text);

export interface Round {
  /** Milliseconds a document, extract() alone. */
  extract_ms: number;
  /** Milliseconds a document, extract() with its rows and their CSV. */
  total_ms: number;
}

/** One pass over `texts`. The staged bytes are counted so no step can be optimised away. */
export function runRound(texts: readonly string[]): Round & { bytes: number } {
  let ex = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (const text of texts) {
    const a = performance.now();
    const r = extract(text, 'bench.txt');
    ex += performance.now() - a;
    const staged = stageRecord(recordRows(r, { doc_id: 'bench', unit_id: null }), { doc_id: 'bench', unit_id: null, fiscal_year: r.fiscal_year, province: placeOf(r.region).province });
    for (const b of Object.values(staged.csv)) bytes += b.length;
  }
  const total = performance.now() - t0;
  return { extract_ms: ex / texts.length, total_ms: total / texts.length, bytes };
}
