// Atomic replacement: an ingest killed midway (SIGKILL, no chance to clean up) leaves the
// previous snapshot readable, and the next run (or `npm start`) repairs what it left. The
// child stops at a named point through FISCALLENS_TEST_HOLD and says so on stderr; the test
// kills it then — no timing involved.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import type { Manifest } from '../../scripts/lib/ingest/run.ts';
import { recoverSnapshot } from '../../scripts/lib/ingest/swap.ts';
import { SEEDS_DIR, SEED_FILES, UNITS_CSV, cleanup, runScript, tableCount, seedFolder, tempDir } from './helpers.ts';

let out: string;
const manifest = () => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
const siblings = () => readdirSync(dirname(out)).filter((n) => n.startsWith(`${basename(out)}-`));

/** Starts the CLI on all seeds into `out`, waits for the hold point, kills it. Returns the temp folder it named. */
async function killAt(phase: string): Promise<string> {
  const run = runScript('ingest.ts', [SEEDS_DIR, '--out', out, '--units', UNITS_CSV, '--no-cache', '--quiet'], { FISCALLENS_TEST_HOLD: phase });
  const line = await run.waitFor(`FISCALLENS_TEST_HOLD ${phase} `);
  run.child.kill('SIGKILL');
  expect(await run.exited).toBe('SIGKILL');
  return line.slice(`FISCALLENS_TEST_HOLD ${phase} `.length).trim();
}

beforeAll(async () => {
  out = join(tempDir('atomic'), 'snapshot');
  // The previous snapshot: two of the seeds.
  await runIngest({ inputs: [seedFolder('atomic-two', SEED_FILES.slice(0, 2))], out, unitsCsv: UNITS_CSV, cacheDir: null, quiet: true, jobs: 0 });
});
afterAll(cleanup);

describe('an ingest killed while writing', () => {
  it('leaves the previous snapshot in place and readable', async () => {
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    const tmp = await killAt('write');
    // The new snapshot was half written next to the old one…
    expect(existsSync(join(tmp, 'documents'))).toBe(true);
    expect(existsSync(join(tmp, 'manifest.json'))).toBe(false);
    // …and the old one is untouched and reads with DuckDB.
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(await tableCount(out, 'documents')).toBe(2);
    for (const [t, info] of Object.entries(manifest().tables)) expect(await tableCount(out, t), t).toBe(info.rows);
  });

  it('is cleaned up by the next ingest, which then succeeds', async () => {
    expect(siblings().length).toBeGreaterThan(0); // the dead run's temp folder and lock
    const r = await runIngest({ inputs: [SEEDS_DIR], out, unitsCsv: UNITS_CSV, cacheDir: null, quiet: true, jobs: 0 });
    expect(r.recovered.join('\n')).toMatch(/removed .*-tmp-\d+ left by an interrupted ingest/);
    expect(siblings()).toEqual([]);
    expect(await tableCount(out, 'documents')).toBe(5);
  });
});

describe('an ingest killed between the two renames of the swap', () => {
  it('leaves the previous snapshot aside, and recovery puts it back', async () => {
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    await killAt('swap');
    // The only moment the folder is missing: the old snapshot is complete beside it.
    expect(existsSync(out)).toBe(false);
    const aside = siblings().filter((n) => /-tmp-prev-\d+$/.test(n));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirname(out), aside[0]!, 'manifest.json'), 'utf8')).toBe(before);

    const did = recoverSnapshot(out); // what every ingest and `npm start` do first
    expect(did[0]).toMatch(/restored the previous snapshot/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(await tableCount(out, 'documents')).toBe(5);
    expect(siblings()).toEqual([]);
  });
});
