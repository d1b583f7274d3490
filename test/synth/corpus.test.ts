// The synthetic corpus as written by the CLI: deterministic for a seed, every file and every
// unit marked synthetic, and never written into the real corpus or the default snapshot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/extract/index.ts';
import { generate, makeUnit, MARKER, SYNTH_TAG, type SynthDoc } from '../../src/lib/synth/index.ts';
import { parseArgs, refusal, writeCorpus } from '../../scripts/synth.ts';
import { REPO_ROOT } from '../../scripts/lib/seeds.ts';

const made: string[] = [];
const temp = (label: string) => {
  const d = mkdtempSync(join(tmpdir(), `fiscallens-synth-${label}-`));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const OPTS = { seed: 7, units: 8, from: 2019, to: 2021, inconsistencyRate: 0.2, budgetShare: 0.3 };

describe('determinism', () => {
  it('the same seed gives byte-identical files; another seed gives other files', () => {
    const a = join(temp('a'), 'out');
    const b = join(temp('b'), 'out');
    writeCorpus({ ...OPTS, out: a });
    writeCorpus({ ...OPTS, out: b });
    const list = (d: string) => [...readdirSync(d).filter((f) => f !== 'docs'), ...readdirSync(join(d, 'docs')).map((f) => `docs/${f}`)].sort();
    const files = list(a);
    expect(list(b)).toEqual(files);
    expect(files.length).toBe(8 * 3 + 2);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);

    const c = join(temp('c'), 'out');
    writeCorpus({ ...OPTS, seed: 8, out: c });
    const same = files.filter((f) => f.endsWith('.txt') && existsSync(join(c, f)) && readFileSync(join(c, f)).equals(readFileSync(join(a, f))));
    expect(same).toEqual([]);
  });

  it('a unit’s documents do not depend on the units generated before it', () => {
    const all = [...generate({ ...OPTS, units: 5 })];
    const slice = [...generate({ ...OPTS, units: 2, firstUnit: 3 })];
    expect(slice.map((d) => d.text)).toEqual(all.filter((d) => d.unit_id === 'syn000004' || d.unit_id === 'syn000005').map((d) => d.text));
  });

  it('unit names are unique, also at the scale of 20,000 units', () => {
    const names = new Set<string>();
    for (let i = 0; i < 25_000; i++) names.add(makeUnit('scale', i).name);
    expect(names.size).toBe(25_000);
  });

  it('file names, kinds and years follow the options', () => {
    const docs = [...generate({ seed: 1, units: 3, from: 2015, to: 2024, budgetShare: 0 })];
    expect(docs.length).toBe(30);
    expect(docs.every((d) => d.kind === 'final' && /^synthetic_syn\d{6}_(20(?:1[5-9]|2[0-4]))_final\.txt$/.test(d.file))).toBe(true);
    const budgets = [...generate({ seed: 1, units: 3, from: 2020, to: 2021, budgetShare: 1 })];
    expect(budgets.every((d) => d.kind === 'budget' && d.layout === 'budget' && d.file.endsWith('_budget.txt'))).toBe(true);
    expect([...generate({ seed: 1, units: 4, from: 2020, to: 2021, inconsistencyRate: 0 })].every((d) => d.injections.length === 0)).toBe(true);
  });
});

describe('every file and unit is marked synthetic', () => {
  const out = join(temp('marked'), 'out');
  const counts = writeCorpus({ seed: 'marker', units: 12, from: 2018, to: 2022, out, inconsistencyRate: 0.1 });
  const files = readdirSync(out);
  const docs = readdirSync(join(out, 'docs'));
  const truth = readFileSync(join(out, 'truth.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Omit<SynthDoc, 'text'>);

  it('writes the documents (in docs/), truth.jsonl and SYNTHETIC.md', () => {
    expect(counts.docs).toBe(60);
    expect(truth.length).toBe(60);
    expect(files.sort()).toEqual(['SYNTHETIC.md', 'docs', 'truth.jsonl']);
    expect(readFileSync(join(out, 'SYNTHETIC.md'), 'utf8')).toMatch(/SYNTHETIC TEST DATA[\s\S]*None of it describes a real unit/);
    expect(docs.every((f) => /^synthetic_syn\d{6}_\d{4}_(?:final|budget)\.txt$/.test(f))).toBe(true);
    expect(truth.map((t) => t.file).sort()).toEqual(docs.map((f) => `docs/${f}`).sort());
    expect(truth.every((t) => `docs/${t.truth.source}` === t.file)).toBe(true);
  });

  it('every document opens with the synthetic-data line, and the extractor still reads its title', () => {
    for (const t of truth) {
      const text = readFileSync(join(out, t.file), 'utf8');
      expect(text.split('\n')[0], t.file).toBe(MARKER);
      expect(text).toContain('SYNTHETIC TEST DATA');
      const rec = extract(text, t.file);
      expect(rec.unit_name, t.file).toBe(t.truth.unit_name);
      expect(rec.unit_name!.startsWith(SYNTH_TAG)).toBe(true);
      expect(rec.fiscal_year).toBe(t.year);
      expect(rec.kind).toBe(t.kind);
    }
  });

  it('no unit name lacks （合成）: reporting units, 实施单位 and the units of the summary table', () => {
    let checked = 0;
    for (const t of truth) {
      expect(t.truth.unit_name.startsWith(SYNTH_TAG), t.file).toBe(true);
      for (const s of t.truth.summary_projects) expect(s.unit?.startsWith(SYNTH_TAG), `${t.file} ${s.unit}`).toBe(true);
      const text = readFileSync(join(out, t.file), 'utf8');
      for (const m of text.matchAll(/(?:实施单位|主管部门|预算单位|编制部门|填报部门|编制单位)(?:<\/b>)?(?:\t+|[:：]\s*|\n\t)([^\t\n]+)/g)) {
        const name = m[1]!.trim();
        if (!name || /^(?:实施单位|<b>)/.test(name)) continue;
        expect(name.startsWith(SYNTH_TAG), `${t.file}: ${m[0]}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('the CLI', () => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', tsx, join(REPO_ROOT, 'scripts', 'synth.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

  it('refuses data/raw and data/snapshot as --out, and writes nothing there', () => {
    const raw = join(REPO_ROOT, 'data', 'raw');
    const before = readdirSync(raw).sort();
    const r = cli('--units', '1', '--years', '2019', '--seed', '1', '--out', 'data/raw');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/refusing to write synthetic documents into data\/raw/);
    expect(readdirSync(raw).sort()).toEqual(before);
    expect(refusal('data/raw/synthetic', REPO_ROOT)).toMatch(/data\/raw/);
    expect(refusal(join(REPO_ROOT, 'data', 'snapshot'), REPO_ROOT)).toMatch(/data\/snapshot/);
    expect(refusal(join(REPO_ROOT, 'data', 'snapshot', 'x', 'y'), REPO_ROOT)).toMatch(/data\/snapshot/);
    // A link to data/raw is data/raw.
    const link = join(temp('link'), 'raw-link');
    symlinkSync(raw, link);
    expect(refusal(join(link, 'more'), REPO_ROOT)).toMatch(/data\/raw/);
    // A folder of real documents is not mixed with synthetic ones.
    const mixed = temp('mixed');
    mkdirSync(join(mixed, 'docs'));
    spawnSync('cp', [join(raw, readdirSync(raw)[0]!), join(mixed, 'docs')]);
    expect(refusal(join(mixed, 'docs'), REPO_ROOT)).toMatch(/not synthetic/);
    expect(refusal(join(temp('fresh'), 'out'), REPO_ROOT)).toBeNull();
  });

  it('writes a small corpus and reports its throughput', () => {
    const out = join(temp('cli'), 'out');
    const r = cli('--units', '3', '--years', '2020-2021', '--seed', 'cli', '--out', out, '--inconsistency-rate', '0.5', '--budget-share', '0.5', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote 6 documents .* docs\/s/);
    expect(readdirSync(join(out, 'docs')).filter((f) => f.endsWith('.txt'))).toHaveLength(6);
  });

  it('checks its arguments', () => {
    expect(() => parseArgs(['--units', '0', '--years', '2019', '--seed', '1', '--out', 'x'])).toThrow(/--units/);
    expect(() => parseArgs(['--units', '2', '--years', '2020-2019', '--seed', '1', '--out', 'x'])).toThrow(/--years/);
    expect(() => parseArgs(['--units', '2', '--years', '2019', '--seed', '1'])).toThrow(/--out is required/);
    expect(() => parseArgs(['--units', '2', '--years', '2019', '--seed', '1', '--out', 'x', '--inconsistency-rate', '2'])).toThrow(/between 0 and 1/);
    expect(parseArgs(['--units=20000', '--years', '2015-2024', '--seed', '42', '--out', 'x'])).toMatchObject({ units: 20000, from: 2015, to: 2024, seed: 42, inconsistencyRate: 0.05, budgetShare: 0.2 });
    const bad = cli('--units', '2', '--years', 'soon', '--seed', '1', '--out', join(temp('bad'), 'o'));
    expect(bad.status).toBe(2);
  });
});
