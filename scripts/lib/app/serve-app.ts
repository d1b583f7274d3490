// The app half of `npm start`, after the snapshot is current: build the site when build/ is
// missing or older than its sources or the snapshot, then serve it on http://localhost:4173
// (PORT and HOST override). The server keeps the process alive until Ctrl-C.
import { ensureBuild } from './build.ts';
import { BUILD_DIR } from './paths.ts';
import { serveStatic } from './server.ts';

export async function buildAndServe(log: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  try {
    log(`start: ${await ensureBuild({ log: (s) => log(`start: ${s}`) })}`);
  } catch (e) {
    process.stderr.write(`start: the build failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const port = Number(process.env.PORT ?? 4173);
  try {
    const s = await serveStatic(BUILD_DIR, { port, host: process.env.HOST ?? '127.0.0.1' });
    log(`start: FiscalLens is running at ${s.url}  (Ctrl-C to stop)`);
    const stop = () => void s.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (e) {
    process.stderr.write(`start: cannot listen on port ${port}: ${e instanceof Error ? e.message : String(e)} (set PORT to use another)\n`);
    return 1;
  }
}
