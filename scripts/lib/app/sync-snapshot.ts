// Copies the snapshot (data/snapshot, with its partition folders) into static/snapshot, which
// the build embeds: the app then reads its data from its own origin, offline too. Files no
// longer in the snapshot go.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface SyncResult {
  copied: string[];
  removed: string[];
}

/** Files under `dir`, relative and '/'-separated. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export function syncSnapshot(from: string, to: string): SyncResult {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no snapshot at ${from} (run npm run ingest)`);
  mkdirSync(to, { recursive: true });
  const wanted = filesUnder(from);
  const keep = new Set(wanted);
  const copied: string[] = [];
  const removed: string[] = [];
  for (const f of filesUnder(to)) {
    if (!keep.has(f)) {
      rmSync(join(to, f), { force: true });
      removed.push(f);
    }
  }
  // Folders left empty by removed partitions.
  for (const e of readdirSync(to, { recursive: true, withFileTypes: true }).filter((x) => x.isDirectory()).map((x) => join(x.parentPath, x.name)).sort().reverse())
    if (!readdirSync(e).length) rmSync(e, { recursive: true, force: true });
  // manifest.json last: a reader never sees a manifest naming files that are not there yet.
  for (const f of [...wanted.filter((x) => x !== 'manifest.json'), 'manifest.json']) {
    const src = join(from, f);
    const dst = join(to, f);
    const s = statSync(src);
    if (existsSync(dst)) {
      const d = statSync(dst);
      if (d.size === s.size && d.mtimeMs >= s.mtimeMs) continue;
    }
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(src, dst);
    copied.push(f);
  }
  return { copied, removed };
}
