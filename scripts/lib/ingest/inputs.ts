// Command-line inputs (folders and files) → the list of files to ingest, sorted by name.
// Folders are walked recursively; names starting with "." are skipped (.git, .DS_Store), and so
// are symbolic links to folders (no cycles). Anything else is an input, whatever its name or
// type: a file that is not text is reported as rejected, never silently left out.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { show } from './paths.ts';

export interface InputFile {
  /** Path to read. */
  path: string;
  /** Name in the snapshot: relative to the folder given (with "/"), or the base name of a file given. */
  file: string;
}

export class InputError extends Error {}

function walk(dir: string, rel: string, out: InputFile[], skip: (path: string) => boolean): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.name.startsWith('.') || skip(path)) continue;
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path, name, out, skip);
    else if (e.isSymbolicLink()) {
      let st;
      try {
        st = statSync(path);
      } catch {
        out.push({ path, file: name }); // a dangling link: reported as unreadable
        continue;
      }
      if (!st.isDirectory()) out.push({ path, file: name });
    } else out.push({ path, file: name });
  }
}

/**
 * Expands folders and files into inputs. Throws InputError for a path that does not exist.
 * `exclude`: folders never walked into (the snapshot being written, when it lies inside an
 * input folder, and its temp siblings).
 */
export function listInputs(args: readonly string[], exclude: readonly string[] = []): InputFile[] {
  const ex = exclude.map((p) => resolve(p));
  const skip = (path: string) => ex.some((p) => path === p || path.startsWith(`${p}-tmp-`));
  const out: InputFile[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' || code === 'ENOTDIR' ? `找不到 / not found: ${show(arg)}` : `cannot read ${show(arg)}: ${code}`);
    }
    if (st.isDirectory()) walk(resolve(arg), '', out, skip);
    else out.push({ path: resolve(arg), file: basename(arg) });
  }
  const seen = new Set<string>();
  const unique = out.filter((f) => {
    let key = f.path;
    try {
      key = realpathSync(f.path);
    } catch {
      /* dangling: keep the path */
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
