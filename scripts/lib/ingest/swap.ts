// Atomic replacement of a snapshot folder. A new snapshot is written into a sibling temp
// folder (<out>-tmp-<pid>); only when it is complete does it replace <out>:
//   1. rename <out> → <out>-tmp-prev-<pid>   2. rename the temp folder → <out>   3. delete the old one.
// Killed before step 1, the old snapshot is untouched (the temp folder is cleaned up later).
// Killed between steps 1 and 2 — the only moment <out> is missing — recoverSnapshot() puts
// the old one back; every ingest and `npm start` call it first. A lock file keeps two ingests
// from swapping the same folder at once.
import { closeSync, existsSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { show } from './paths.ts';

const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const tempDirOf = (out: string, pid = process.pid): string => `${resolve(out)}-tmp-${pid}`;
export const prevDirOf = (out: string, pid = process.pid): string => `${resolve(out)}-tmp-prev-${pid}`;
const lockOf = (out: string): string => `${resolve(out)}-tmp-lock`;

/** Sibling folders left by earlier runs: { path, kind, pid }. */
function leftovers(out: string): { path: string; kind: 'tmp' | 'prev'; pid: number }[] {
  const dir = dirname(resolve(out));
  const base = basename(resolve(out));
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const m = /^-tmp-(prev-)?(\d+)(?:-work)?$/.exec(name.slice(base.length));
    if (!name.startsWith(base) || !m) return [];
    return [{ path: join(dir, name), kind: m[1] ? ('prev' as const) : ('tmp' as const), pid: Number(m[2]) }];
  });
}

/** True for a folder holding a snapshot (its manifest.json is written last). */
export const isSnapshot = (dir: string): boolean => existsSync(join(dir, 'manifest.json'));

/**
 * Repairs what an interrupted ingest may have left: puts an old snapshot back if <out> is
 * missing, and deletes the temp folders of processes that are gone. Returns what it did.
 */
export function recoverSnapshot(out: string): string[] {
  const did: string[] = [];
  const target = resolve(out);
  const dead = leftovers(out).filter((l) => !alive(l.pid));
  if (!existsSync(target)) {
    const prev = dead.filter((l) => l.kind === 'prev' && isSnapshot(l.path)).sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs)[0];
    if (prev) {
      renameSync(prev.path, target);
      did.push(`restored the previous snapshot from ${basename(prev.path)}`);
    }
  }
  for (const l of dead) {
    if (!existsSync(l.path)) continue;
    rmSync(l.path, { recursive: true, force: true });
    did.push(`removed ${basename(l.path)} left by an interrupted ingest`);
  }
  const lock = lockOf(out);
  if (existsSync(lock)) {
    let holder = NaN;
    try {
      holder = Number(readFileSync(lock, 'utf8').trim());
    } catch {
      /* unreadable: treat as stale */
    }
    if (!alive(holder)) {
      rmSync(lock, { force: true });
      did.push(`removed the stale lock ${basename(lock)}`);
    }
  }
  return did;
}

/** Takes the lock for <out> (a file beside it holding the pid); throws if a live process holds it. Returns the release function. */
export function lockSnapshot(out: string): () => void {
  const lock = lockOf(out);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (alive(holder) && holder !== process.pid) throw new Error(`another ingest (pid ${holder}) is writing ${show(out)}; lock ${show(lock)}`);
      rmSync(lock, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`cannot lock ${show(out)}`);
}

/**
 * Refuses to replace a folder that is not a snapshot: --out pointing at a folder of other
 * files must never delete them.
 */
export function assertReplaceable(out: string): void {
  const target = resolve(out);
  if (!existsSync(target)) return;
  const st = statSync(target);
  if (!st.isDirectory()) throw new Error(`${show(out)} exists and is not a folder`);
  if (!isSnapshot(target) && readdirSync(target).length > 0)
    throw new Error(`${show(out)} exists and is not a FiscalLens snapshot (no manifest.json); refusing to replace it`);
}

/** Replaces <out> with the complete snapshot in `tmp` (steps 1–3 above). */
export async function swapIn(tmp: string, out: string, hold?: (phase: string) => Promise<void>): Promise<void> {
  const target = resolve(out);
  const prev = prevDirOf(out);
  const had = existsSync(target);
  if (had) renameSync(target, prev);
  await hold?.('swap');
  renameSync(tmp, target);
  if (had) rmSync(prev, { recursive: true, force: true });
}
