// Hostile inputs through the real command (npm run ingest → scripts/ingest.ts, as a child
// process): empty, whitespace-only, random binary, PDF, GB18030, truncated, duplicate and
// over-size files, and file names with spaces, quotes, a leading dash, a newline and unicode.
// The good documents are ingested; every other input is reported with a reason; nothing crashes.
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/lib/extract/decode.ts';
import type { IngestReport } from '../../src/lib/snapshot/plan.ts';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import { cutInTable } from '../../scripts/lib/seeds.ts';
import { GB18030_FIXTURE, SEEDS_DIR, SEED_FILES, UNITS_CSV, cleanup, duck, runScript, tableCount, tempDir } from './helpers.ts';

const seed = (i: number) => join(SEEDS_DIR, SEED_FILES[i]!);
const NEWLINE_NAME = '预算\n换行.txt';
const DASH_NAME = '-002 leading dash.txt';
const DASH_ARG = '-x an argument.txt';
const DOUBLE_DASH_ARG = '--looks like an option.txt';

let raw: string;
let out: string;
let run: ReturnType<typeof runScript>;
let code: number | string;
let report: IngestReport;

function randomBytes(n: number, seedValue = 42): Uint8Array {
  const b = new Uint8Array(n);
  let x = seedValue;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

beforeAll(async () => {
  const root = tempDir('hostile');
  raw = join(root, 'in');
  out = join(root, 'snapshot');
  mkdirSync(join(raw, 'sub dir'), { recursive: true });
  copyFileSync(seed(0), join(raw, SEED_FILES[0]!));
  copyFileSync(seed(1), join(raw, 'sub dir', `001 "quoted" 'x'.txt`));
  copyFileSync(seed(2), join(raw, DASH_NAME));
  copyFileSync(seed(3), join(raw, NEWLINE_NAME));
  const t4 = readFileSync(seed(4), 'utf8');
  writeFileSync(join(raw, '004 ünïcödé 文件 (truncated).txt'), cutInTable(t4, Math.floor(t4.length / 2)));
  copyFileSync(GB18030_FIXTURE, join(raw, '000.gb18030.txt'));
  copyFileSync(seed(0), join(raw, 'copy of 000.txt'));
  writeFileSync(join(raw, 'empty.txt'), '');
  writeFileSync(join(raw, 'blank.txt'), ' \n\t\n');
  writeFileSync(join(raw, 'random.bin'), randomBytes(4096));
  writeFileSync(join(raw, 'scan.pdf'), '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
  const fd = openSync(join(raw, 'huge.txt'), 'w');
  ftruncateSync(fd, MAX_DOCUMENT_BYTES + 1); // sparse: no disk space used
  closeSync(fd);
  writeFileSync(join(raw, '.hidden.txt'), 'skipped: names starting with a dot are not inputs');
  // Two more, named like options, given as arguments (from their folder): one plain, one after "--".
  const args = join(root, 'args');
  mkdirSync(args);
  writeFileSync(join(args, DASH_ARG), readFileSync(seed(2), 'utf8') + '\n');
  writeFileSync(join(args, DOUBLE_DASH_ARG), readFileSync(seed(4), 'utf8') + '\n');

  run = runScript('ingest.ts', [raw, DASH_ARG, '--out', out, '--units', UNITS_CSV, '--no-cache', '--', DOUBLE_DASH_ARG], {}, args);
  code = await run.exited;
  report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as IngestReport;
});
afterAll(cleanup);

const entry = (file: string) => {
  const e = report.inputs.find((i) => i.file === file);
  if (!e) throw new Error(`no report entry for ${JSON.stringify(file)}`);
  return e;
};

describe('a folder of hostile inputs', () => {
  it('finishes with exit code 0 and a line per rejected input', () => {
    expect(code, run.stderr()).toBe(0);
    expect(run.stdout()).toMatch(/rejected\s+empty\.txt: /);
    expect(run.stdout()).toContain(`rejected   huge.txt: `);
    expect(run.stdout().split('\n').filter((l) => l.includes('rejected ')).length).toBe(6);
  });

  it('reports every input once (dot-files excepted)', () => {
    expect(report.inputs.map((i) => i.file).sort()).toEqual(
      [
        SEED_FILES[0]!, `sub dir/001 "quoted" 'x'.txt`, DASH_NAME, NEWLINE_NAME, '004 ünïcödé 文件 (truncated).txt',
        '000.gb18030.txt', 'copy of 000.txt', 'empty.txt', 'blank.txt', 'random.bin', 'scan.pdf', 'huge.txt', DASH_ARG, DOUBLE_DASH_ARG,
      ].sort(),
    );
  });

  it('ingests the good documents under their exact names', () => {
    for (const f of [SEED_FILES[0]!, `sub dir/001 "quoted" 'x'.txt`, DASH_NAME, NEWLINE_NAME, '004 ünïcödé 文件 (truncated).txt', DASH_ARG, DOUBLE_DASH_ARG])
      expect(entry(f).status, f).toMatch(/^(ok|partial)$/);
    expect(entry(NEWLINE_NAME).unit?.unit_id).toBe('u_1c5000c3cd686568');
    expect(entry(DASH_NAME).unit?.unit_id).toBe('u_b68bc1129cc3e4b5');
  });

  it('decodes the GB18030 copy and files it under the same unit, with a note', () => {
    expect(entry('000.gb18030.txt')).toMatchObject({ status: 'ok', encoding: 'gb18030', fiscal_year: 2019, kind: 'final', unit: { unit_id: 'u_ccaf1aa47f56277a', resolution: 'known' } });
    expect(report.notes.join('\n')).toMatch(/2 documents for unit u_ccaf1aa47f56277a, 2019, final/);
  });

  it('rejects the others with the reason', () => {
    expect(entry('empty.txt')).toMatchObject({ status: 'rejected', reason_code: 'empty' });
    expect(entry('blank.txt')).toMatchObject({ status: 'rejected', reason_code: 'empty' });
    expect(entry('random.bin').status).toBe('rejected');
    expect(entry('random.bin').reason_code).toMatch(/^(binary|undecodable)$/);
    expect(entry('scan.pdf')).toMatchObject({ status: 'rejected', reason_code: 'binary' });
    expect(entry('scan.pdf').reason).toContain('PDF');
    expect(entry('huge.txt')).toMatchObject({ status: 'rejected', reason_code: 'too_large', bytes: MAX_DOCUMENT_BYTES + 1 });
    expect(entry('copy of 000.txt')).toMatchObject({ status: 'rejected', reason_code: 'duplicate' });
    expect(entry('copy of 000.txt').reason).toContain(SEED_FILES[0]!);
    for (const e of report.inputs.filter((i) => i.status === 'rejected')) expect(e.reason, e.file).toMatch(/\S/);
  });

  it('keeps every document in the snapshot, rejected ones with their reason', async () => {
    const docs = await duck<{ file: string; status: string; reason: string | null; encoding: string | null }>(
      'SELECT file, status, reason, encoding FROM read_parquet($1, hive_partitioning = true) ORDER BY file',
      [join(out, 'documents', '**', '*.parquet')],
    );
    expect(docs).toHaveLength(13); // 14 inputs, one of them a second copy of the same bytes
    expect(docs.filter((d) => d.status !== 'rejected')).toHaveLength(8);
    expect(docs.map((d) => d.file)).toContain(NEWLINE_NAME);
    for (const d of docs.filter((x) => x.status === 'rejected')) expect(d.reason).toBeTruthy();
    expect(await tableCount(out, 'units')).toBe(5);
  });
});

describe('command-line errors', () => {
  it('refuses a missing input with exit code 2 and leaves the snapshot alone', async () => {
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    const r = runScript('ingest.ts', [join(raw, 'no such file.txt'), '--out', out, '--quiet']);
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toContain('no such file.txt');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('never replaces a folder that is not a snapshot', async () => {
    const notSnap = tempDir('not-a-snapshot');
    writeFileSync(join(notSnap, 'precious.txt'), 'keep me');
    await expect(runIngest({ inputs: [seed(0)], out: notSnap, quiet: true, cacheDir: null })).rejects.toThrow(/not a FiscalLens snapshot/);
    expect(readdirSync(notSnap)).toEqual(['precious.txt']);
    expect(readFileSync(join(notSnap, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});
