// Extracted records cached by content: <cacheDir>/<sha256>.json, valid for one extractor
// version. A damaged or foreign cache file is a miss, never an error.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionRecord } from '../../../src/lib/extract/types.ts';

interface CacheFile {
  extractor_version: string;
  encoding: string;
  record: ExtractionRecord;
}

const fileOf = (dir: string, sha: string) => join(dir, `${sha}.json`);

export function readCachedRecord(dir: string, sha: string, version: string): { encoding: string; record: ExtractionRecord } | null {
  try {
    const c = JSON.parse(readFileSync(fileOf(dir, sha), 'utf8')) as CacheFile;
    const r = c?.record;
    if (c.extractor_version !== version || typeof c.encoding !== 'string' || !r || r.spec !== 1) return null;
    for (const k of ['facts', 'function_lines', 'economic_lines', 'projects', 'summary_projects', 'warnings'] as const) if (!Array.isArray(r[k])) return null;
    return { encoding: c.encoding, record: r };
  } catch {
    return null;
  }
}

/** Writes atomically (temp file + rename); a failure to cache is ignored: the cache is optional. */
export function writeCachedRecord(dir: string, sha: string, version: string, encoding: string, record: ExtractionRecord): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${fileOf(dir, sha)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ extractor_version: version, encoding, record } satisfies CacheFile));
    renameSync(tmp, fileOf(dir, sha));
  } catch {
    /* the cache is an optimisation */
  }
}
