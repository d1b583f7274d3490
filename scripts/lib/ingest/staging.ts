// Staged rows: each worker appends the per-document rows of every record it extracts to its
// own newline-delimited JSON files, one per table, in one write per document. Nothing is held
// in memory, and a worker that is stopped (time limit) or dies leaves complete lines for the
// documents it finished; the assembly (assemble.ts) keeps only documents the plan kept, so a
// stray line never reaches the snapshot.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordTables } from '../../../src/lib/snapshot/rows.ts';

export const STAGED_TABLES = ['facts', 'function_lines', 'economic_lines', 'projects', 'indicators', 'summary_projects', 'findings'] as const satisfies readonly (keyof RecordTables)[];
export type StagedTable = (typeof STAGED_TABLES)[number];

/** The staged file of one writer and table: <dir>/<table>.<writer>.ndjson */
export const stagedFile = (dir: string, table: StagedTable, writer: string): string => join(dir, `${table}.${writer}.ndjson`);

export interface StagingWriter {
  /** Appends one document's rows, each with the file it came from and its order in the document. */
  add(file: string, rows: RecordTables): void;
  close(): void;
}

export function openStaging(dir: string, writer: string): StagingWriter {
  mkdirSync(dir, { recursive: true });
  const fds = new Map<StagedTable, number>();
  for (const t of STAGED_TABLES) fds.set(t, openSync(stagedFile(dir, t, writer), 'a'));
  return {
    add(file, rows) {
      for (const t of STAGED_TABLES) {
        const list = rows[t];
        if (!list.length) continue;
        let text = '';
        for (let i = 0; i < list.length; i++) text += JSON.stringify({ ...list[i], __file: file, __seq: i }) + '\n';
        writeSync(fds.get(t)!, text);
      }
    },
    close() {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}
