// Where things live by default, relative to the repository (not to the working directory).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEFAULT_RAW_DIR = resolve(REPO_ROOT, 'data', 'raw');
export const DEFAULT_OUT_DIR = resolve(REPO_ROOT, 'data', 'snapshot');
export const DEFAULT_UNITS_CSV = resolve(REPO_ROOT, 'data', 'units.csv');

/** The record cache that belongs to a snapshot folder: <parent>/.cache/records. */
export function defaultCacheDir(outDir: string): string {
  return resolve(dirname(resolve(outDir)), '.cache', 'records');
}

/** Quotes a user-supplied name only when it needs it, so a message stays on one line. */
export const show = (s: string): string => (/^[^\s"'\\\p{Cc}]+$/u.test(s) ? s : JSON.stringify(s));
