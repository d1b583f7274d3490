// Copies the snapshot (data/snapshot) into static/snapshot, which the build embeds: the app
// then reads its data from its own origin, offline too. Files no longer in the snapshot go.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SyncResult {
  copied: string[];
  removed: string[];
}

export function syncSnapshot(from: string, to: string): SyncResult {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no snapshot at ${from} (run npm run ingest)`);
  mkdirSync(to, { recursive: true });
  const wanted = readdirSync(from).filter((f) => statSync(join(from, f)).isFile());
  const copied: string[] = [];
  const removed: string[] = [];
  for (const f of readdirSync(to)) {
    if (!wanted.includes(f)) {
      rmSync(join(to, f), { recursive: true, force: true });
      removed.push(f);
    }
  }
  // manifest.json last: a reader never sees a manifest naming files that are not there yet.
  for (const f of [...wanted.filter((x) => x !== 'manifest.json'), 'manifest.json']) {
    const src = join(from, f);
    const dst = join(to, f);
    const s = statSync(src);
    if (existsSync(dst)) {
      const d = statSync(dst);
      if (d.size === s.size && d.mtimeMs >= s.mtimeMs) continue;
    }
    copyFileSync(src, dst);
    copied.push(f);
  }
  return { copied, removed };
}
