// Browser tests, once per run: the site built (only when build/ is older than its sources or
// the snapshot), served by the app's own static server on a free port. Each test file starts
// its own headless Chromium against that URL (see harness.ts).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/lib/app/build.ts';
import { CHROMIUM } from '../../scripts/lib/app/browser.ts';
import { BUILD_DIR } from '../../scripts/lib/app/paths.ts';
import type { RunningServer } from '../../scripts/lib/app/server.ts';
import { serveStatic } from '../../scripts/lib/app/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    // A fresh machine: `npm test` runs ensure-deps --browser first; this covers a bare `vitest`.
    execSync('node scripts/ensure-deps.mjs --browser', { stdio: 'inherit' });
  }
  const what = await ensureBuild({ quiet: true, log: (s) => console.log(`[browser tests] ${s}`) });
  console.log(`[browser tests] ${what}`);
  server = await serveStatic(BUILD_DIR, { port: 0 });
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.close();
  };
}
