// Is the built site older than what it is built from? Compares the build's time with the
// newest file among the app sources, the build configuration and the snapshot.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_STAMP, ROOT, SNAPSHOT_DIR } from './paths.ts';

/** Newest modification time under `path` (a file or a folder, recursively). */
export function newestMtime(path: string, skip: (name: string) => boolean = () => false): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (skip(name)) continue;
    newest = Math.max(newest, newestMtime(join(path, name), skip));
  }
  return newest;
}

export const BUILD_INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => resolve(ROOT, p));

export function buildTime(): number | null {
  return existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP).mtimeMs : null;
}

/** Why the build must be redone, or null when it is up to date. */
export function buildStaleReason(): string | null {
  const built = buildTime();
  if (built == null) return 'no build yet';
  // static/snapshot and static/seed are made from the snapshot, which is checked on its own.
  const src = Math.max(...BUILD_INPUTS.map((p) => newestMtime(p, (n) => n === 'snapshot' || n === 'seed' || n.startsWith('.'))));
  if (src > built) return 'sources changed since the last build';
  if (newestMtime(SNAPSHOT_DIR) > built) return 'the snapshot changed since the last build';
  return null;
}
