// Before `vite build`: the snapshot current (re-ingested if stale) and copied into
// static/snapshot, which the build embeds.
import { prepareSnapshot } from './lib/app/build.ts';

try {
  const r = await prepareSnapshot();
  console.log(`prebuild: snapshot ${r.ingest}; ${r.copied} file(s) copied to static/snapshot`);
} catch (e) {
  console.error(`prebuild: ${(e as Error).message}`);
  process.exitCode = 1;
}
