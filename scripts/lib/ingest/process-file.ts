// One input file → an IngestedInput: read, hash, decode, extract (or the reason it cannot be),
// and its record's rows as CSV for the staging (staging.ts). Runs inside the worker threads;
// never throws for anything a file can contain.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { DecodeError, MAX_DOCUMENT_BYTES, decodeDocument } from '../../../src/lib/extract/decode.ts';
import { extract } from '../../../src/lib/extract/index.ts';
import type { IngestedInput } from '../../../src/lib/snapshot/plan.ts';
import { summaryOf } from '../../../src/lib/snapshot/plan.ts';
import { recordRows } from '../../../src/lib/snapshot/rows.ts';
import type { UnitRegistry } from '../../../src/lib/snapshot/units.ts';
import { placeOf, unitOfRecord } from '../../../src/lib/snapshot/units.ts';
import { isSynthetic } from '../../../src/lib/synth/marker.ts';
import type { ExtractionRecord } from '../../../src/lib/extract/types.ts';
import { readCachedRecord, writeCachedRecord } from './cache.ts';
import type { StagedDoc } from './staging.ts';
import { stageRecord } from './staging.ts';

export interface FileTask {
  /** Position in the ingest's list of inputs: the staging writes each document's rows in this order (staging.ts). */
  index: number;
  path: string;
  file: string;
  cacheDir: string | null;
  extractorVersion: string;
}

export interface FileResult extends IngestedInput {
  cached: boolean;
}

/** A file's result and its record's rows as CSV (null for a file without a record). */
export interface Processed {
  result: FileResult;
  staged: StagedDoc | null;
}

async function hashStream(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const firstLine = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!.slice(0, 500);

/**
 * Reads and extracts one file: its summary, and its record's rows staged under the unit the
 * registry gives its printed name (the plan assigns the same, by the same function).
 */
export async function processFile(task: FileTask, registry: UnitRegistry): Promise<Processed> {
  let staged: StagedDoc | null = null;
  const result = await readFile(task, (record, doc_id) => {
    const unit_id = unitOfRecord(registry, record.unit_name);
    staged = stageRecord(recordRows(record, { doc_id, unit_id }), { doc_id, unit_id, fiscal_year: record.fiscal_year, province: placeOf(record.region).province });
  });
  return { result, staged };
}

async function readFile(task: FileTask, stage: (record: ExtractionRecord, doc_id: string) => void): Promise<FileResult> {
  const base = { file: task.file, doc_id: null, bytes: null, encoding: null, record: null, cached: false } as const;
  let size: number;
  try {
    const st = statSync(task.path);
    if (!st.isFile()) return { ...base, error: { code: 'unreadable', message: '不是普通文件 / Not a regular file.' } };
    size = st.size;
  } catch (e) {
    return { ...base, error: { code: 'unreadable', message: `无法读取 / Cannot read the file: ${(e as NodeJS.ErrnoException).code ?? firstLine(e)}` } };
  }
  try {
    if (size > MAX_DOCUMENT_BYTES) {
      // Hashed as a stream so the id is still the SHA-256 of the bytes; never loaded whole.
      const doc_id = await hashStream(task.path);
      const mib = (size / 2 ** 20).toFixed(1);
      return {
        ...base,
        doc_id,
        bytes: size,
        error: { code: 'too_large', message: `文件过大（${mib} MiB，上限 ${MAX_DOCUMENT_BYTES / 2 ** 20} MiB）/ File too large (${mib} MiB; the limit is ${MAX_DOCUMENT_BYTES / 2 ** 20} MiB).` },
      };
    }
    const bytes = readFileSync(task.path);
    const doc_id = createHash('sha256').update(bytes).digest('hex');
    const known = { ...base, doc_id, bytes: bytes.length, synthetic: isSynthetic(bytes.subarray(0, 1024).toString('utf8')) };
    const done = (record: ExtractionRecord, encoding: string, cached: boolean): FileResult => {
      stage(record, doc_id);
      return { ...known, encoding, record: summaryOf(record), error: null, cached };
    };
    const hit = task.cacheDir ? readCachedRecord(task.cacheDir, doc_id, task.extractorVersion) : null;
    if (hit) return done(hit.record, hit.encoding, true);
    let text: string;
    let encoding: string;
    try {
      ({ text, encoding } = decodeDocument(bytes));
    } catch (e) {
      if (e instanceof DecodeError) return { ...known, error: { code: e.reason, message: e.message } };
      throw e;
    }
    let record;
    try {
      record = extract(text, task.file);
    } catch (e) {
      return { ...known, encoding, error: { code: 'extractor_failed', message: `抽取失败 / The extractor failed: ${firstLine(e)}` } };
    }
    if (task.cacheDir) writeCachedRecord(task.cacheDir, doc_id, task.extractorVersion, encoding, record);
    return done(record, encoding, false);
  } catch (e) {
    return { ...base, bytes: size, error: { code: 'unreadable', message: `无法读取 / Cannot read the file: ${(e as NodeJS.ErrnoException).code ?? firstLine(e)}` } };
  }
}
