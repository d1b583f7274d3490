// What threads can do for extraction on this machine: a sample of documents, each read and
// processed as an ingest worker does it (read, hash, decode, extract, rows, CSV), by one worker
// thread, then shared among K worker threads at once. No main thread, no messages, no assembly:
// the ceiling of the ingest's read-and-extract phase with K workers. Alternates alone / together
// `--repeat` times, since this machine's speed drifts. Prints a table and writes
// test/artifacts/bench-threads.json; asserts nothing.
//
//   npm run bench:threads -- --docs DIR [--sample 10000] [--threads K] [--repeat 2]
//
// bench-threads.json: { date, machine, docs, sampled, step, warmup, threads, runs: [{ threads,
// seconds, docs_per_second, passes: [Pass] }], alone: Summary, together: Summary, speedup } with
// Summary = { docs_per_second, extract_ms, total_ms } (medians over the runs; the ms are a
// document's cost in one thread while the others run).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { median as d3median } from 'd3';
import { sampleFiles, type Pass } from './lib/bench/extract-loop.ts';
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
  console.error(`bench-threads: ${why}\nusage: npm run bench:threads -- --docs DIR [--sample 10000] [--threads K] [--repeat 2]`);
  process.exit(2);
}
const docsArg = arg('--docs');
if (!docsArg) usage('--docs DIR is required (a corpus written by npm run synth, or any folder of disclosures)');
const sampleSize = positive('--sample', 10_000);
const threads = positive('--threads', availableParallelism());
const repeat = positive('--repeat', 2);
// Each thread first processes this many of its files untimed, so the JIT has settled.
const WARMUP = 200;

const { files, step, of } = sampleFiles(resolve(docsArg), sampleSize);
if (files.length < threads * (WARMUP + 1)) usage(`${files.length} documents in ${docsArg}: too few for ${threads} threads (each warms up on ${WARMUP})`);
// Read once, untimed, so that every run reads from the page cache, the first as the last.
for (const f of files) readFileSync(f);

const BOOT = new URL('./lib/ingest/worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./lib/bench/extract-worker.ts', import.meta.url).href;

/** The sample shared among `k` workers (file i to worker i mod k), started together once all are warm. */
async function run(k: number): Promise<{ seconds: number; passes: Pass[] }> {
  const workers = Array.from({ length: k }, (_, w) =>
    new Worker(BOOT, {
      workerData: { entry: ENTRY, files: files.filter((_, i) => i % k === w), warmup: WARMUP },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    }),
  );
  const next = (w: Worker) => new Promise<unknown>((ok, fail) => { w.once('error', fail); w.once('message', ok); });
  try {
    await Promise.all(workers.map(next));
    const t0 = performance.now();
    const passes = Promise.all(workers.map((w) => next(w) as Promise<Pass>));
    for (const w of workers) w.postMessage('go');
    const done = await passes;
    return { seconds: (performance.now() - t0) / 1000, passes: done };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const median = (xs: number[]): number => d3median(xs)!;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
interface Run { threads: number; seconds: number; docs_per_second: number; passes: Pass[] }
interface Summary { docs_per_second: number; extract_ms: number; total_ms: number }
const summarise = (rs: Run[]): Summary => ({
  docs_per_second: r1(median(rs.map((r) => r.docs_per_second))),
  extract_ms: r3(median(rs.flatMap((r) => r.passes.map((p) => p.extract_ms)))),
  total_ms: r3(median(rs.flatMap((r) => r.passes.map((p) => p.total_ms)))),
});

const timed = files.length - threads * WARMUP;
console.log(`sample: ${files.length} of ${of} documents in ${docsArg} (every ${step}th), each thread's first ${WARMUP} untimed; ${repeat}× one thread, then ${threads} at once`);
const runs: Run[] = [];
for (let i = 0; i < repeat; i++) {
  for (const k of [1, threads]) {
    const { seconds, passes } = await run(k);
    const docs = passes.reduce((n, p) => n + p.docs, 0);
    const r: Run = { threads: k, seconds: r1(seconds), docs_per_second: r1(docs / seconds), passes: passes.map((p) => ({ ...p, extract_ms: r3(p.extract_ms), total_ms: r3(p.total_ms) })) };
    runs.push(r);
    console.log(`  ${k} thread${k > 1 ? 's' : ' '}: ${docs} documents in ${r.seconds} s, ${r.docs_per_second} documents/s (a document ${passes.map((p) => p.total_ms.toFixed(2)).join(' / ')} ms a thread)`);
  }
}
const alone = summarise(runs.filter((r) => r.threads === 1));
const together = summarise(runs.filter((r) => r.threads === threads));
const speedup = Math.round((together.docs_per_second / alone.docs_per_second) * 100) / 100;
console.log();
console.log('                     documents/s   a document: extract   everything');
console.log(`one thread          ${alone.docs_per_second.toFixed(1).padStart(12)}   ${alone.extract_ms.toFixed(2).padStart(16)} ms   ${alone.total_ms.toFixed(2).padStart(7)} ms`);
console.log(`${threads} threads at once   ${together.docs_per_second.toFixed(1).padStart(12)}   ${together.extract_ms.toFixed(2).padStart(16)} ms   ${together.total_ms.toFixed(2).padStart(7)} ms   (${speedup}× one thread)`);
console.log(`(medians over the runs; ${timed} timed documents a run; read from the page cache, hashed, decoded, extracted, rows and CSV; no main thread)`);

const out = join(REPO_ROOT, 'test', 'artifacts');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'bench-threads.json'),
  JSON.stringify(
    { date: new Date().toISOString(), machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100 }, docs: resolve(docsArg), sampled: files.length, step, warmup: WARMUP, threads, runs, alone, together, speedup },
    null,
    2,
  ) + '\n',
);
