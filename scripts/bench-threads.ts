// What a second thread adds to extraction on this machine: the cost of a document (extract,
// then its rows and CSV, as an ingest worker does it, from memory) in one worker thread alone,
// then in K worker threads at once, each over the same sample. The ingest's extraction runs
// two such threads (plus its main thread), so this is the ceiling of its read-and-extract
// phase. Alternates alone / together `--repeat` times, since this machine's speed drifts.
// Prints a table and writes test/artifacts/bench-threads.json; asserts nothing.
//
//   npm run bench:threads -- --docs DIR [--sample 2000] [--rounds 3] [--threads K] [--repeat 2]
//
// bench-threads.json: { date, machine, docs, sampled, step, rounds, threads, runs: [{ threads,
// rounds: [{ worker, extract_ms, total_ms }] }], alone: Summary, together: Summary, speedup }
// with Summary = { extract_ms, total_ms, docs_per_second } (medians over the timed rounds).
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sampleFiles, type Round } from './lib/bench/extract-loop.ts';
import { YOUNG_GENERATION_MB } from './lib/ingest/pool.ts';
import { REPO_ROOT } from './lib/ingest/paths.ts';

const arg = (name: string): string | null => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
};
const positive = (name: string, def: number): number => {
  const v = Number(arg(name) ?? def);
  if (!Number.isInteger(v) || v < 1) usage(`${name} must be a whole number ≥ 1`);
  return v;
};
function usage(why: string): never {
  console.error(`bench-threads: ${why}\nusage: npm run bench:threads -- --docs DIR [--sample 2000] [--rounds 3] [--threads K] [--repeat 2]`);
  process.exit(2);
}
const docsArg = arg('--docs');
if (!docsArg) usage('--docs DIR is required (a corpus written by npm run synth, or any folder of disclosures)');
const sampleSize = positive('--sample', 2000);
// The first round of each thread is a warm-up (the JIT settling) and is not counted.
const rounds = positive('--rounds', 3) + 1;
const threads = positive('--threads', availableParallelism());
const repeat = positive('--repeat', 2);

const { files, step, of } = sampleFiles(resolve(docsArg), sampleSize);
if (!files.length) usage(`no documents in ${docsArg}`);

const BOOT = new URL('./lib/ingest/worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./lib/bench/extract-worker.ts', import.meta.url).href;

/** `k` workers, each over the whole sample, started together once all have read it. */
async function runTogether(k: number): Promise<{ worker: number; round: Round }[]> {
  const workers = Array.from({ length: k }, () => new Worker(BOOT, { workerData: { entry: ENTRY, files, rounds }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((ok, fail) => { w.once('error', fail); w.once('message', () => ok()); })));
    const results = workers.map((w) => new Promise<Round[]>((ok, fail) => { w.once('error', fail); w.once('message', ok); }));
    for (const w of workers) w.postMessage('go');
    const out = await Promise.all(results);
    return out.flatMap((rs, worker) => rs.slice(1).map((round) => ({ worker, round })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;
interface Summary { extract_ms: number; total_ms: number; docs_per_second: number }
/** Medians over the timed rounds; the rate is k threads each at the median cost. */
const summarise = (rs: { round: Round }[], k: number): Summary => {
  const total = median(rs.map((r) => r.round.total_ms));
  return { extract_ms: round3(median(rs.map((r) => r.round.extract_ms))), total_ms: round3(total), docs_per_second: Math.round((k * 1000 / total) * 10) / 10 };
};

console.log(`sample: ${files.length} of ${of} documents in ${docsArg} (every ${step}th), ${rounds - 1} timed rounds a thread after a warm-up, ${repeat}× alone then ${threads} at once`);
const runs: { threads: number; rounds: { worker: number; extract_ms: number; total_ms: number }[] }[] = [];
const alone: { round: Round }[] = [];
const together: { round: Round }[] = [];
for (let i = 0; i < repeat; i++) {
  for (const k of [1, threads]) {
    const rs = await runTogether(k);
    (k === 1 ? alone : together).push(...rs);
    runs.push({ threads: k, rounds: rs.map((r) => ({ worker: r.worker, extract_ms: round3(r.round.extract_ms), total_ms: round3(r.round.total_ms) })) });
    console.log(`  ${k} thread${k > 1 ? 's' : ' '} at once: ${rs.map((r) => r.round.total_ms.toFixed(2)).join(' ')} ms a document (each timed round of each thread)`);
  }
}
const a = summarise(alone, 1);
const t = summarise(together, threads);
const speedup = Math.round((t.docs_per_second / a.docs_per_second) * 100) / 100;
console.log();
console.log('                       extract   with rows and CSV   documents/s');
console.log(`one thread           ${a.extract_ms.toFixed(2).padStart(6)} ms  ${a.total_ms.toFixed(2).padStart(9)} ms   ${a.docs_per_second.toFixed(1).padStart(12)}`);
console.log(`${threads} threads at once    ${t.extract_ms.toFixed(2).padStart(6)} ms  ${t.total_ms.toFixed(2).padStart(9)} ms   ${t.docs_per_second.toFixed(1).padStart(12)}  (${speedup}× one thread)`);
console.log(`(medians of the timed rounds; the rate is the threads at that cost, without reading files or the main thread)`);

const out = join(REPO_ROOT, 'test', 'artifacts');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'bench-threads.json'),
  JSON.stringify(
    { date: new Date().toISOString(), machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100 }, docs: resolve(docsArg), sampled: files.length, step, rounds: rounds - 1, threads, runs, alone: a, together: t, speedup },
    null,
    2,
  ) + '\n',
);
