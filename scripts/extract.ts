// Extracts one disclosure document and prints its record.
//
//   npm run extract -- <file> [--json]
//
// --json prints the record (spec: ../shared/spec/extraction.md) as JSON and nothing else on
// stdout; without it, a readable summary. Exit codes: 0 ok, 1 the extractor failed on the
// document, 2 bad usage or an unreadable file (not found, a directory, not text, too large).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DecodeError, assertDocumentSize, decodeDocument } from '../src/lib/extract/decode.ts';
import { extract } from '../src/lib/extract/index.ts';
import type { ExtractionRecord } from '../src/lib/extract/index.ts';

const USAGE = 'usage: npm run extract -- <file> [--json]';

class UsageError extends Error {}

/** Quotes a user-supplied name only when it needs it, so the message stays one line. */
const show = (s: string): string => (/^[^\s"'\\\p{Cc}]+$/u.test(s) ? s : JSON.stringify(s));

/**
 * --json counts anywhere; "--" ends the other options. An argument that starts with "-" and is
 * no option is taken as the file when a file of that name exists (e.g. "-预算.txt").
 */
function parseArgs(argv: string[]): { file: string; json: boolean } {
  let json = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (optionsEnded || !arg.startsWith('-') || arg === '-') files.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (arg === '-h' || arg === '--help') throw new UsageError(USAGE);
    else if (existsSync(arg)) files.push(arg);
    else throw new UsageError(`unknown option, and no file of that name: ${show(arg)}\n${USAGE}`);
  }
  if (files.length > 1) throw new UsageError(`expected one file, got ${files.length}: ${files.map(show).join(' ')}\n${USAGE}`);
  if (!files.length) throw new UsageError(USAGE);
  return { file: files[0]!, json };
}

function readDocument(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`是目录而不是文件 / ${show(file)} is a directory, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`找不到文件 / file not found: ${show(file)}`);
    if (code === 'EACCES') throw new UsageError(`无权读取 / permission denied: ${show(file)}`);
    throw new UsageError(`cannot read ${show(file)}: ${code ?? (e as Error).message}`);
  }
  try {
    assertDocumentSize(size); // before reading, so a huge file is never loaded
    return decodeDocument(readFileSync(file)).text;
  } catch (e) {
    if (e instanceof DecodeError) throw new UsageError(`${show(file)}: ${e.message}`);
    throw new UsageError(`cannot read ${show(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function summary(file: string, r: ExtractionRecord): string {
  const out: string[] = [];
  const kind = r.kind === 'final' ? 'final (决算)' : r.kind === 'budget' ? 'budget (预算)' : '—';
  out.push(`文件 file    ${file}`);
  out.push(`单位 unit    ${r.unit_name ?? '—'}`);
  out.push(`地区 region  ${r.region.length ? r.region.join(' / ') : '—'}`);
  out.push(`年度 year    ${r.fiscal_year ?? '—'}`);
  out.push(`类型 kind    ${kind}`);
  out.push(
    `counts       facts ${r.facts.length}, function lines ${r.function_lines.length}, economic lines ${r.economic_lines.length}, ` +
      `projects ${r.projects.length}, summary projects ${r.summary_projects.length}, warnings ${r.warnings.length}`,
  );
  if (r.facts.length) {
    const rows = [['key', 'basis', 'value'], ...r.facts.map((f) => [f.key, f.basis, String(f.value)])];
    const w0 = Math.max(...rows.map((x) => x[0]!.length));
    const w1 = Math.max(...rows.map((x) => x[1]!.length));
    out.push('', 'facts:');
    for (const [k, b, v] of rows) out.push(`  ${k!.padEnd(w0)}  ${b!.padEnd(w1)}  ${v!.padStart(12)}`);
  }
  if (r.warnings.length) {
    out.push('', 'warnings:');
    for (const w of r.warnings) out.push(`  - ${w}`);
  }
  return out.join('\n') + '\n';
}

function main(): number {
  // A reader that closes the pipe early (| head) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  let file: string;
  let json: boolean;
  let text: string;
  try {
    ({ file, json } = parseArgs(process.argv.slice(2)));
    text = readDocument(file);
  } catch (e) {
    process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let record: ExtractionRecord;
  try {
    record = extract(text, basename(file));
  } catch (e) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`extract: the extractor failed on ${show(file)}: ${msg.split('\n')[0]}\n`);
    return 1;
  }
  process.stdout.write(json ? JSON.stringify(record, null, 2) + '\n' : summary(file, record));
  return 0;
}

process.exitCode = main();
