// Ingests disclosure documents into the Parquet snapshot.
//
//   npm run ingest -- [<folder|file>…] [--out DIR] [--units FILE] [--jobs N] [--no-cache] [--quiet]
//
// Defaults: data/raw → data/snapshot, unit registry data/units.csv. Every input is listed in
// <out>/ingest-report.json as ok, partial (with warnings) or rejected (with the reason); a
// rejected input never stops the others. The new snapshot replaces the old one only once it is
// complete. Exit codes: 0 done (even with rejected inputs), 1 the snapshot could not be
// written (the previous one is left as it was), 2 bad usage or an input path that does not exist.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { InputError } from './lib/ingest/inputs.ts';
import { show } from './lib/ingest/paths.ts';
import type { IngestOptions } from './lib/ingest/run.ts';
import { runIngest } from './lib/ingest/run.ts';

const USAGE = `usage: npm run ingest -- [<folder|file>…] [--out DIR] [--units FILE] [--jobs N] [--no-cache] [--quiet]
  inputs     folders (read recursively) and files; default data/raw
  --out      snapshot folder; default data/snapshot
  --units    unit registry (unit_id,name,alias); default data/units.csv
  --jobs     worker threads; default: the number of cores
  --no-cache re-extract every file instead of reusing records cached by content
  --quiet    no progress output`;

class UsageError extends Error {}

/**
 * Options may come before or after the inputs; "--" ends the options. An argument starting
 * with "-" that is no option is taken as an input when a file of that name exists.
 */
function parseArgs(argv: readonly string[]): IngestOptions & { help: boolean } {
  const opts: IngestOptions & { help: boolean } = { inputs: [], help: false };
  let ended = false;
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${name} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = /^(--[a-z-]+)=(.*)$/s.exec(arg);
    const [name, inline] = eq ? [eq[1]!, eq[2]!] : [arg, undefined];
    const take = () => (inline !== undefined ? inline : value(i++, name));
    if (ended || !arg.startsWith('-') || arg === '-') opts.inputs!.push(arg);
    else if (arg === '--') ended = true;
    else if (name === '--out' || name === '-o') opts.out = take();
    else if (name === '--units') opts.unitsCsv = take();
    else if (name === '--jobs' || name === '-j') {
      const n = Number(take());
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a whole number ≥ 1\n${USAGE}`);
      opts.jobs = n;
    } else if (arg === '--no-cache') opts.cacheDir = null;
    else if (arg === '--quiet' || arg === '-q') opts.quiet = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (existsSync(arg)) opts.inputs!.push(arg);
    else throw new UsageError(`unknown option, and no file of that name: ${show(arg)}\n${USAGE}`);
  }
  return opts;
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`ingest: ${(e as Error).message}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const t0 = performance.now();
  let result;
  try {
    result = await runIngest(opts);
  } catch (e) {
    process.stderr.write(`ingest: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof InputError ? 2 : 1;
  }
  const { report, manifest, out, cached } = result;
  const s = report.summary;
  const where = relative(process.cwd(), out) || '.';
  const lines = [
    `snapshot ${show(where)} (version ${manifest.version}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    `  inputs     ${s.inputs}: ${s.ok} ok, ${s.partial} partial, ${s.rejected} rejected${cached ? ` (${cached} unchanged, from the cache)` : ''}`,
    `  documents  ${s.documents}, units ${s.units}, facts ${s.facts} (${s.derived_facts} derived)`,
    ...Object.entries(manifest.tables).map(([t, i]) => `  ${t.padEnd(17)} ${String(i.rows).padStart(6)} rows ${(i.bytes / 1024).toFixed(1).padStart(7)} KiB`),
  ];
  // Every rejected file is named (none is lost); long lists of new units and notes are cut
  // short here and kept whole in the report.
  for (const r of report.inputs.filter((x) => x.status === 'rejected')) lines.push(`  rejected   ${show(r.file)}: ${r.reason}`);
  const SHOWN = 20;
  const more = (n: number, what: string) => (n > SHOWN ? [`  …          ${n - SHOWN} more ${what} in the report`] : []);
  for (const u of report.unresolved_units.slice(0, SHOWN)) {
    const files = u.files.length > 3 ? `${u.files.slice(0, 3).map(show).join(', ')} and ${u.files.length - 3} more` : u.files.map(show).join(', ');
    lines.push(`  new unit   ${u.name} (${u.unit_id}) in ${files} — confirm it in data/units.csv`);
  }
  lines.push(...more(report.unresolved_units.length, 'new units'));
  const notes = [...report.registry_problems, ...report.notes];
  for (const n of notes.slice(0, SHOWN)) lines.push(`  note       ${n}`);
  lines.push(...more(notes.length, 'notes'));
  lines.push(`  report     ${show(relative(process.cwd(), `${out}/ingest-report.json`))}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

process.exitCode = await main();
