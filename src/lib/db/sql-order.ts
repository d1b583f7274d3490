// The order in which the analytic SQL files run: the dependency order of src/lib/sql/index.ts,
// then any other .sql file of that folder (views added for the app) by name. Pure.
import { SQL_FILES } from '../sql/index.ts';

export interface SqlSource {
  name: string;
  sql: string;
}

/** `files`: path or file name → SQL text (as import.meta.glob returns them). */
export function orderSqlFiles(files: Record<string, string>): { ordered: SqlSource[]; missing: string[] } {
  const byName = new Map<string, string>();
  for (const [path, sql] of Object.entries(files)) byName.set(path.slice(path.lastIndexOf('/') + 1), sql);
  const known = SQL_FILES as readonly string[];
  const ordered: SqlSource[] = [];
  const missing: string[] = [];
  for (const name of known) {
    const sql = byName.get(name);
    if (sql === undefined) missing.push(name);
    else ordered.push({ name, sql });
  }
  for (const name of [...byName.keys()].filter((n) => !known.includes(n)).sort()) ordered.push({ name, sql: byName.get(name)! });
  return { ordered, missing };
}
