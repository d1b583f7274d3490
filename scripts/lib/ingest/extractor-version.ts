// The extractor's version: a hash of its source files (src/lib/extract/**), so cached records
// and snapshots are redone exactly when the extractor changes, and never otherwise.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export const EXTRACTOR_DIR = resolve(REPO_ROOT, 'src', 'lib', 'extract');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.isFile() && /\.(ts|json)$/.test(e.name) ? [p] : [];
  });
}

/** 16 hex digits of SHA-256 over the extractor's .ts and .json files (paths and contents). */
export function extractorVersion(dir = EXTRACTOR_DIR): string {
  const h = createHash('sha256');
  for (const f of walk(dir).map((p) => relative(dir, p).split('\\').join('/')).sort()) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(join(dir, f)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}
