// Serves the built site (build/) on http://localhost:4173.
//   npm run preview [-- --port N] [--host H]
import { existsSync } from 'node:fs';
import { BUILD_DIR, BUILD_STAMP } from './lib/app/paths.ts';
import { serveStatic } from './lib/app/server.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (!existsSync(BUILD_STAMP)) {
  console.error('serve: no build in build/ (run npm run build)');
  process.exit(1);
}
const port = Number(arg('--port') ?? process.env.PORT ?? 4173);
const s = await serveStatic(BUILD_DIR, { port, host: arg('--host') ?? '127.0.0.1' });
console.log(`FiscalLens: ${s.url}`);
