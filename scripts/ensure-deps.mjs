#!/usr/bin/env node
// Installs what `npm start` and `npm test` need on a fresh machine, and nothing when it is
// already there: the npm packages of package-lock.json (npm ci), and for the browser tests
// Debian's chromium. Plain JavaScript with no dependencies, since it runs before any install.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const wantBrowser = process.argv.includes('--browser');

const run = (cmd) => {
  console.error(`[ensure-deps] ${cmd}`);
  execSync(cmd, { cwd: root, stdio: 'inherit' });
};

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  run('npm ci --no-audit --no-fund');
}

// Chinese text in screenshots needs a CJK font (without it every character is a box).
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
if (wantBrowser && (!existsSync('/usr/bin/chromium') || !existsSync(CJK_FONT))) {
  // Browser tests drive Debian's chromium (playwright-core never downloads a browser here).
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  run(`${sudo}apt-get update -q && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk`);
}
