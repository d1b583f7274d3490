// What extracting a document costs a thread: the worker's own work on a file, as process-file.ts
// does it (read, hash, decode, extract, then its rows and their CSV), with no main thread, no
// messages and no assembly. Used by bench-threads.ts in one thread and in several at once.
//
// Every document is read from its file and processed once, as in the ingest: no text is
// decoded ahead or seen twice.
import { createHash } from 'node:crypto';
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

export interface Pass {
  docs: number;
  /** Milliseconds a document, extract() alone. */
  extract_ms: number;
  /** Milliseconds a document, everything a worker does to it. */
  total_ms: number;
  /** Staged CSV bytes: every step's result is used, so none can be optimised away. */
  bytes: number;
}

/** One pass over `files`, each read from disk (the page cache) and processed as an ingest worker does. */
export function runPass(files: readonly string[]): Pass {
  let ex = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (const file of files) {
    const raw = readFileSync(file);
    const doc_id = createHash('sha256').update(raw).digest('hex');
    const { text } = decodeDocument(raw);
    const a = performance.now();
    const r = extract(text, file);
    ex += performance.now() - a;
    const staged = stageRecord(recordRows(r, { doc_id, unit_id: null }), { doc_id, unit_id: null, fiscal_year: r.fiscal_year, province: placeOf(r.region).province });
    for (const b of Object.values(staged.csv)) bytes += b.length;
  }
  const n = Math.max(1, files.length);
  return { docs: files.length, extract_ms: ex / n, total_ms: (performance.now() - t0) / n, bytes };
}
