// Extraction throughput on the seed documents, one thread. Prints figures and writes
// test/artifacts/bench-extract.json; asserts nothing.
//
//   npm run bench:extract [-- --seconds 3]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/lib/extract/index.ts';
import { REPO_ROOT } from './lib/ingest/paths.ts';
import { buildLargeText, readSeeds } from './lib/seeds.ts';

const arg = process.argv.indexOf('--seconds');
const seconds = arg >= 0 ? Number(process.argv[arg + 1]) : 3;
if (!(seconds > 0)) {
  console.error('usage: npm run bench:extract [-- --seconds N]');
  process.exit(2);
}

const seeds = readSeeds().map((s) => ({ ...s, size: s.bytes.length }));
if (!seeds.length) {
  console.error('bench: no seeds found in ../shared/seeds');
  process.exit(2);
}

// Warm-up: let the JIT settle before measuring.
const warmUntil = performance.now() + 500;
while (performance.now() < warmUntil) for (const s of seeds) extract(s.text, s.name);

const perDoc = seeds.map(() => ({ runs: 0, ms: 0 }));
let sink = 0; // uses each result, so no run can be optimised away
const start = performance.now();
let rounds = 0;
while (performance.now() - start < seconds * 1000) {
  seeds.forEach((s, i) => {
    const t0 = performance.now();
    sink += extract(s.text, s.name).facts.length;
    perDoc[i]!.ms += performance.now() - t0;
    perDoc[i]!.runs++;
  });
  rounds++;
}
const elapsed = (performance.now() - start) / 1000;
const docs = rounds * seeds.length;
const bytes = rounds * seeds.reduce((n, s) => n + s.size, 0);

const rows: string[][] = [['document', 'KiB', 'runs', 'mean ms']];
seeds.forEach((s, i) => {
  const d = perDoc[i]!;
  rows.push([s.name, (s.size / 1024).toFixed(1), String(d.runs), (d.ms / d.runs).toFixed(3)]);
});
rows.push(['all seeds', (seeds.reduce((n, s) => n + s.size, 0) / 1024).toFixed(1), String(docs), ((elapsed * 1000) / docs).toFixed(3)]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));

console.log();
console.log(`throughput   ${(docs / elapsed).toFixed(1)} documents/s, ${(bytes / 2 ** 20 / elapsed).toFixed(2)} MiB/s (${elapsed.toFixed(1)} s, ${seeds.length} seeds, one thread)`);

const large = buildLargeText(seeds.map((s) => s.text));
const largeBytes = Buffer.byteLength(large, 'utf8');
const t0 = performance.now();
sink += extract(large, 'large.txt').facts.length;
console.log(`large text   ${(largeBytes / 2 ** 20).toFixed(2)} MiB of concatenated seeds in ${(performance.now() - t0).toFixed(1)} ms (one call)`);
if (sink < 0) console.log(sink);
const out = join(REPO_ROOT, 'test', 'artifacts');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'bench-extract.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100 },
      seeds: seeds.length,
      docs_per_second: Math.round((docs / elapsed) * 10) / 10,
      mib_per_second: Math.round((bytes / 2 ** 20 / elapsed) * 100) / 100,
    },
    null,
    2,
  ) + '\n',
);
