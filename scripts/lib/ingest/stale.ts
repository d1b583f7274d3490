// Is the snapshot older than its inputs? `npm start` (and later the app's start) asks this
// before serving: the snapshot is redone when it is missing or incomplete, when a file in the
// input folder was added, removed or changed, or when the extractor or the unit registry
// changed. A file only newer than the snapshot (a fresh clone, a touch) is hashed, and counts
// as changed only if its bytes differ.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IngestReport } from '../../../src/lib/snapshot/plan.ts';
import { TABLES } from '../../../src/lib/snapshot/schema.ts';
import { extractorVersion, pipelineVersion } from './extractor-version.ts';
import { listInputs } from './inputs.ts';
import { DEFAULT_OUT_DIR, DEFAULT_RAW_DIR, DEFAULT_UNITS_CSV, show } from './paths.ts';
import type { IngestOptions, IngestResult, Manifest } from './run.ts';
import { SNAPSHOT_FORMAT, runIngest } from './run.ts';
import { recoverSnapshot } from './swap.ts';

export interface StaleOptions {
  raw?: string;
  out?: string;
  unitsCsv?: string;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Why the snapshot must be redone, or null when it is current. */
export function whyStale(opts: StaleOptions = {}): string | null {
  const raw = resolve(opts.raw ?? DEFAULT_RAW_DIR);
  const out = resolve(opts.out ?? DEFAULT_OUT_DIR);
  const unitsCsv = resolve(opts.unitsCsv ?? DEFAULT_UNITS_CSV);
  const manifestPath = join(out, 'manifest.json');
  let manifest: Manifest;
  let madeAt: number;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    madeAt = statSync(manifestPath).mtimeMs;
  } catch {
    return `no snapshot at ${show(out)}`;
  }
  if (manifest.format !== SNAPSHOT_FORMAT) return `the snapshot format changed (${manifest.format} → ${SNAPSHOT_FORMAT})`;
  for (const t of TABLES) {
    const parts = manifest.tables?.[t.name]?.parts;
    if (!Array.isArray(parts) || parts.some((p) => !existsSync(join(out, ...p.file.split('/'))))) return `the snapshot has no table ${t.name}`;
  }
  if (manifest.extractor_version !== extractorVersion()) return 'the extractor changed';
  if (manifest.pipeline_version !== pipelineVersion()) return 'the findings or the row assembly changed';
  const registry = existsSync(unitsCsv) ? sha256(readFileSync(unitsCsv, 'utf8')) : null;
  if ((manifest.units_csv?.sha256 ?? null) !== registry) return `the unit registry ${show(unitsCsv)} changed`;

  const inputs = existsSync(raw) ? listInputs([raw], [out]) : [];
  let before: Map<string, string | null>;
  try {
    const report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as IngestReport;
    before = new Map(report.inputs.map((i) => [i.file, i.doc_id]));
  } catch {
    return 'the snapshot has no ingest report';
  }
  if (inputs.length !== before.size || inputs.some((f) => !before.has(f.file))) return `files were added to or removed from ${show(raw)}`;
  for (const f of inputs) {
    let st;
    try {
      st = statSync(f.path);
    } catch {
      return `${show(f.file)} cannot be read`;
    }
    if (st.mtimeMs <= madeAt || !st.isFile()) continue;
    if (st.size > 64 * 1024 * 1024) return `${show(f.file)} changed`; // too large to check cheaply
    if (sha256(readFileSync(f.path)) !== before.get(f.file)) return `${show(f.file)} changed`;
  }
  return null;
}

/** Runs the ingest when the snapshot is stale; `reason` says why it ran (or that it did not). */
export async function ingestIfStale(
  opts: StaleOptions & Pick<IngestOptions, 'quiet' | 'jobs'> = {},
): Promise<{ ran: boolean; reason: string; recovered: string[]; result?: IngestResult }> {
  const out = resolve(opts.out ?? DEFAULT_OUT_DIR);
  const recovered = recoverSnapshot(out);
  const reason = whyStale(opts);
  if (reason === null) return { ran: false, reason: 'the snapshot is current', recovered };
  const result = await runIngest({ inputs: [resolve(opts.raw ?? DEFAULT_RAW_DIR)], out, unitsCsv: opts.unitsCsv, quiet: opts.quiet, jobs: opts.jobs });
  return { ran: true, reason, recovered, result };
}
