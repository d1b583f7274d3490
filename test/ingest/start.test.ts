// `npm start`'s first step: ingest only when the snapshot is missing or older than its inputs
// (files added, removed or changed; the unit registry; the extractor).
import { copyFileSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIfStale, whyStale } from '../../scripts/lib/ingest/stale.ts';
import { SEEDS_DIR, SEED_FILES, UNITS_CSV, cleanup, seedFolder, tempDir } from './helpers.ts';

let raw: string;
let out: string;
let units: string;
const opts = () => ({ raw, out, unitsCsv: units, quiet: true, jobs: 0 });

beforeAll(() => {
  raw = seedFolder('start', SEED_FILES.slice(0, 2));
  const root = tempDir('start-out');
  out = join(root, 'snapshot');
  units = join(root, 'units.csv');
  copyFileSync(UNITS_CSV, units);
});
afterAll(cleanup);

describe('ingestIfStale', () => {
  it('ingests when there is no snapshot, then not again', async () => {
    expect(whyStale(opts())).toMatch(/no snapshot/);
    const first = await ingestIfStale(opts());
    expect(first.ran).toBe(true);
    expect(first.result!.report.summary.documents).toBe(2);
    expect(whyStale(opts())).toBeNull();
    expect((await ingestIfStale(opts())).ran).toBe(false);
  });

  it('ignores a file that is only newer (a fresh clone, a touch)', () => {
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(raw, SEED_FILES[0]!), future, future);
    expect(whyStale(opts())).toBeNull();
  });

  it('sees a changed, an added and a removed file', async () => {
    const f = join(raw, SEED_FILES[0]!);
    const original = readFileSync(f);
    writeFileSync(f, Buffer.concat([original, Buffer.from('\n')]));
    const future = new Date(Date.now() + 120_000);
    utimesSync(f, future, future);
    expect(whyStale(opts())).toMatch(/changed/);
    writeFileSync(f, original);
    utimesSync(f, future, future);
    expect(whyStale(opts())).toBeNull();

    copyFileSync(join(SEEDS_DIR, SEED_FILES[2]!), join(raw, SEED_FILES[2]!));
    expect(whyStale(opts())).toMatch(/added to or removed/);
    const r = await ingestIfStale(opts());
    expect(r.ran).toBe(true);
    expect(r.result!.report.summary.documents).toBe(3);

    unlinkSync(join(raw, SEED_FILES[2]!));
    expect(whyStale(opts())).toMatch(/added to or removed/);
    await ingestIfStale(opts());
    expect(whyStale(opts())).toBeNull();
  });

  it('sees a changed unit registry and an incomplete snapshot', () => {
    writeFileSync(units, readFileSync(units, 'utf8') + 'u_x,某单位,\n');
    expect(whyStale(opts())).toMatch(/unit registry/);
    copyFileSync(UNITS_CSV, units);
    expect(whyStale(opts())).toBeNull();
    rmSync(join(out, 'facts'), { recursive: true });
    expect(whyStale(opts())).toMatch(/no table facts/);
  });
});
