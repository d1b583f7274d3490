// Where the app's build inputs and output live, relative to the repository.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SNAPSHOT_DIR = resolve(ROOT, 'data', 'snapshot');
/** The snapshot copy the build embeds (generated, gitignored). */
export const STATIC_SNAPSHOT_DIR = resolve(ROOT, 'static', 'snapshot');
/** The first page's answers, computed at build time (generated, gitignored). */
export const SEED_FILE = resolve(ROOT, 'static', 'seed', 'queries.json');
/** The analytic views computed at build time, one Parquet file each (generated, gitignored). */
export const VIEW_SEED_DIR = resolve(ROOT, 'static', 'seed', 'views');
export const BUILD_DIR = resolve(ROOT, 'build');
/** Written last by a successful build: its time is the build's time. */
export const BUILD_STAMP = resolve(BUILD_DIR, 'index.html');
