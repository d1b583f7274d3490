// The extractor's version: a hash of its source files (src/lib/extract/**), so cached records
// and snapshots are redone exactly when the extractor changes, and never otherwise.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export const EXTRACTOR_DIR = resolve(REPO_ROOT, 'src', 'lib', 'extract');
/** What turns records into the snapshot's files: a change here redoes the snapshot, not the cache. */
export const PIPELINE_DIRS = [EXTRACTOR_DIR, resolve(REPO_ROOT, 'src', 'lib', 'findings'), resolve(REPO_ROOT, 'src', 'lib', 'snapshot'), resolve(REPO_ROOT, 'scripts', 'lib', 'ingest'), resolve(REPO_ROOT, 'src', 'lib', 'sql')];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.isFile() && /\.(ts|json|sql)$/.test(e.name) ? [p] : [];
  });
}

/** 16 hex digits of SHA-256 over the extractor's .ts and .json files (paths and contents). */
export function extractorVersion(dir: string | string[] = EXTRACTOR_DIR): string {
  const h = createHash('sha256');
  for (const d of Array.isArray(dir) ? dir : [dir]) {
    for (const f of walk(d).map((p) => relative(REPO_ROOT, p).split('\\').join('/')).sort()) {
      h.update(f);
      h.update('\0');
      h.update(readFileSync(join(REPO_ROOT, f)));
      h.update('\0');
    }
  }
  return h.digest('hex').slice(0, 16);
}

/** The version a snapshot was built with: extractor, findings and row assembly together. */
export function pipelineVersion(): string {
  return extractorVersion(PIPELINE_DIRS);
}
