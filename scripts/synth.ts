// Writes a synthetic corpus of disclosures (src/lib/synth/): documents in the seed layouts
// (DIR/docs/), truth.jsonl (the record each document encodes and the inconsistencies planted
// in it) and SYNTHETIC.md. Streaming: one document in memory at a time. The documents sit in
// their own folder because the ingest takes every file of a folder as an input:
// `npm run ingest -- DIR/docs --out SNAPSHOT` reads the documents and nothing else.
//
//   npm run synth -- --units N --years A-B --seed S --out DIR [--inconsistency-rate R] [--budget-share P] [--quiet]
//
// Refuses to write into data/raw or data/snapshot (synthetic documents never enter the
// default snapshot), or into a folder that already holds documents that are not synthetic.
// Exit codes: 0 written, 1 a file could not be written, 2 bad usage or a refused folder.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BUDGET_SHARE, DEFAULT_RATE, generate, readme, type SynthOptions } from '../src/lib/synth/index.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROTECTED = ['data/raw', 'data/snapshot'];

const USAGE = `usage: npm run synth -- --units N --years A-B --seed S --out DIR [--inconsistency-rate R] [--budget-share P] [--quiet]
  --units               number of synthetic units (one document per unit and year)
  --years               year range, e.g. 2015-2024 (or one year)
  --seed                any number or word; the same seed gives byte-identical files
  --out                 output folder (not data/raw or data/snapshot)
  --inconsistency-rate  share of documents with one planted inconsistency (default ${DEFAULT_RATE})
  --budget-share        share of unit-years published as a budget instead of a final account (default ${DEFAULT_BUDGET_SHARE})
  --first-unit          index of the first unit (to write one slice of a larger corpus)
  --quiet               no progress output`;

class UsageError extends Error {}

export interface SynthArgs extends SynthOptions {
  out: string;
  quiet: boolean;
}

export function parseArgs(argv: readonly string[]): SynthArgs {
  const got: Record<string, string> = {};
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quiet' || arg === '-q') {
      quiet = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !['units', 'years', 'seed', 'out', 'inconsistency-rate', 'budget-share', 'first-unit'].includes(m[1]!)) throw new UsageError(`unknown argument: ${arg}\n${USAGE}`);
    const v = m[2] ?? argv[++i];
    if (v === undefined) throw new UsageError(`--${m[1]} needs a value\n${USAGE}`);
    got[m[1]!] = v;
  }
  for (const k of ['units', 'years', 'seed', 'out']) if (got[k] === undefined) throw new UsageError(`--${k} is required\n${USAGE}`);
  const units = Number(got.units);
  if (!Number.isInteger(units) || units < 1) throw new UsageError('--units must be a whole number ≥ 1');
  const ym = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(got.years!.trim());
  if (!ym) throw new UsageError('--years must be a year or a range like 2015-2024');
  const from = Number(ym[1]);
  const to = Number(ym[2] ?? ym[1]);
  if (from > to || from < 2000 || to > 2100) throw new UsageError('--years must run forward, within 2000–2100');
  const share = (name: string, dflt: number) => {
    if (got[name] === undefined) return dflt;
    const x = Number(got[name]);
    if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`--${name} must be a number between 0 and 1`);
    return x;
  };
  const firstUnit = got['first-unit'] === undefined ? 0 : Number(got['first-unit']);
  if (!Number.isInteger(firstUnit) || firstUnit < 0) throw new UsageError('--first-unit must be a whole number ≥ 0');
  const seed = /^\d{1,15}$/.test(got.seed!) ? Number(got.seed) : got.seed!;
  return { units, from, to, seed, out: got.out!, quiet, inconsistencyRate: share('inconsistency-rate', DEFAULT_RATE), budgetShare: share('budget-share', DEFAULT_BUDGET_SHARE), firstUnit };
}

/** The path with symbolic links resolved as far as it exists. */
function realish(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head) && dirname(head) !== head) {
    tail.unshift(basename(head));
    head = dirname(head);
  }
  try {
    head = realpathSync(head);
  } catch {
    /* keep the lexical path */
  }
  return join(head, ...tail);
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
};

/** Why a folder must not receive synthetic documents, or null when it may. */
export function refusal(out: string, repoRoot = REPO_ROOT): string | null {
  const target = realish(out);
  for (const p of PROTECTED) {
    const guarded = realish(join(repoRoot, p));
    if (inside(target, guarded)) return `refusing to write synthetic documents into ${p} (they must never reach the real corpus or the default snapshot)`;
  }
  for (const dir of [target, join(target, 'docs')]) {
    if (!existsSync(dir)) continue;
    const real = readdirSync(dir).filter((f) => /\.(txt|html?|pdf|docx?)$/i.test(f) && !f.startsWith('synthetic_'));
    if (real.length) return `refusing to write into ${out}: it already holds documents that are not synthetic (${real.slice(0, 3).join(', ')}${real.length > 3 ? ', …' : ''})`;
  }
  return null;
}

export interface CorpusCounts {
  docs: number;
  finals: number;
  budgets: number;
  injected: number;
  layouts: Record<string, number>;
  injections: Record<string, number>;
  seconds: number;
  cpuSeconds: number;
}

/** Writes the corpus into a folder (created if needed): the documents, truth.jsonl and SYNTHETIC.md. */
export function writeCorpus(args: SynthOptions & { out: string }, progress?: (docs: number, seconds: number) => void): CorpusCounts {
  const why = refusal(args.out);
  if (why) throw new RefusedError(why);
  const out = resolve(args.out);
  const counts = { docs: 0, finals: 0, budgets: 0, injected: 0 };
  const layouts: Record<string, number> = {};
  const injections: Record<string, number> = {};
  const c0 = mainThreadCpu();
  const t0 = performance.now();
  const docs = join(out, 'docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(out, 'SYNTHETIC.md'), readme(args, counts));
  const fd = openSync(join(out, 'truth.jsonl'), 'w');
  try {
    let buf = '';
    let lastReport = t0;
    // One buffer for every document: encoded in place, written through a file descriptor.
    let bytes = Buffer.allocUnsafe(1 << 20);
    const dir = docs + sep;
    for (const d of generate(args)) {
      if (d.text.length * 3 > bytes.length) bytes = Buffer.allocUnsafe(d.text.length * 3);
      const n = bytes.write(d.text);
      const doc = openSync(dir + d.file, 'w');
      try {
        writeSync(doc, bytes, 0, n);
      } finally {
        closeSync(doc);
      }
      buf += JSON.stringify({ file: `docs/${d.file}`, unit_id: d.unit_id, layout: d.layout, seed_layout: d.seed_layout, year: d.year, kind: d.kind, truth: d.truth, injections: d.injections }) + '\n';
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
      counts.docs++;
      if (d.kind === 'final') counts.finals++;
      else counts.budgets++;
      if (d.injections.length) counts.injected++;
      layouts[d.layout] = (layouts[d.layout] ?? 0) + 1;
      for (const i of d.injections) injections[i.kind] = (injections[i.kind] ?? 0) + 1;
      if (progress) {
        const now = performance.now();
        if (now - lastReport > 2000) {
          lastReport = now;
          progress(counts.docs, (now - t0) / 1000);
        }
      }
    }
    if (buf) writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(out, 'SYNTHETIC.md'), readme(args, counts));
  return { ...counts, layouts, injections, seconds: (performance.now() - t0) / 1000, cpuSeconds: mainThreadCpu() - c0 };
}

export class RefusedError extends Error {}

/**
 * CPU seconds of this process's main thread (Linux: /proc/self/task/<pid>/stat), so that the
 * rate per CPU-second is the rate on one core, whatever else the machine runs; elsewhere the
 * whole process (GC helper threads included).
 */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  }
}

function main(): number {
  let args: SynthArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      const help = e.message === USAGE;
      (help ? process.stdout : process.stderr).write(`${help ? '' : 'synth: '}${e.message}\n`);
      return help ? 0 : 2;
    }
    throw e;
  }
  let c: CorpusCounts;
  try {
    c = writeCorpus(args, args.quiet ? undefined : (n, secs) => process.stderr.write(`synth: ${n} documents, ${(n / secs).toFixed(0)} docs/s\n`));
  } catch (e) {
    if (e instanceof RefusedError) {
      process.stderr.write(`synth: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`synth: could not write ${args.out}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    `synth: wrote ${c.docs} documents (${c.finals} final, ${c.budgets} budget; ${c.injected} with a planted inconsistency) to ${args.out} in ${c.seconds.toFixed(2)} s — ${(c.docs / c.seconds).toFixed(0)} docs/s (${(c.docs / c.cpuSeconds).toFixed(0)} per CPU-second of the main thread)\n` +
      `  layouts: ${Object.entries(c.layouts).map(([k, v]) => `${k} ${v}`).join(', ')}\n` +
      (Object.keys(c.injections).length ? `  inconsistencies: ${Object.entries(c.injections).map(([k, v]) => `${k} ${v}`).join(', ')}\n` : ''),
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
