// Building the site: snapshot current (ingest if stale) → copied into static/snapshot, the
// first page's seed computed → vite build into build/. `ensureBuild` skips the build when
// build/ is newer than everything it is made from; `npm start`, the browser tests and the
// benchmark all go through it.
import { spawn } from 'node:child_process';
import { ingestIfStale } from '../ingest/stale.ts';
import { buildStaleReason } from './freshness.ts';
import { ROOT, SEED_FILE, SNAPSHOT_DIR, STATIC_SNAPSHOT_DIR, VIEW_SEED_DIR } from './paths.ts';
import { writeSeed, writeViewSeed } from './seed.ts';
import { syncSnapshot } from './sync-snapshot.ts';

export interface PrepareResult {
  ingest: string;
  copied: number;
}

/** The steps before `vite build`: a current snapshot, copied where the build embeds it. */
export async function prepareSnapshot(opts: { quiet?: boolean } = {}): Promise<PrepareResult> {
  const r = await ingestIfStale({ quiet: opts.quiet ?? true });
  const s = syncSnapshot(SNAPSHOT_DIR, STATIC_SNAPSHOT_DIR);
  await writeSeed(SNAPSHOT_DIR, SEED_FILE);
  await writeViewSeed(SNAPSHOT_DIR, VIEW_SEED_DIR);
  return { ingest: r.ran ? `re-ingested (${r.reason})` : r.reason, copied: s.copied.length };
}

/**
 * Runs `vite build` in the repository (output streamed unless quiet). Always a production
 * build: Vite builds for development when NODE_ENV is set to anything but 'production' — as
 * vitest sets it to 'test' for the browser tests' build — and that build (Svelte's and
 * SvelteKit's development code: checks, warnings) is what the benchmark then measured.
 */
export function viteBuild(opts: { quiet?: boolean } = {}): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [`${ROOT}/node_modules/vite/bin/vite.js`, 'build', '--logLevel', opts.quiet ? 'error' : 'warn'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`vite build failed (exit ${code})\n${out.slice(-4000)}`))));
  });
}

/** Builds the site when build/ is missing or older than its inputs; says what it did. */
export async function ensureBuild(opts: { quiet?: boolean; log?: (s: string) => void } = {}): Promise<string> {
  const log = opts.log ?? (() => {});
  const prep = await prepareSnapshot({ quiet: opts.quiet });
  log(`snapshot: ${prep.ingest}`);
  const why = buildStaleReason();
  if (!why) return 'the build is current';
  log(`building the app (${why})…`);
  const t0 = performance.now();
  await viteBuild({ quiet: opts.quiet });
  return `built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${why})`;
}
