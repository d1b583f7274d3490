// The extraction gate: runs the shared scorer over the seed documents through the real CLI
// (npm run -s extract -- <file> --json) and holds the result to F1 >= 0.98 and per-section
// recall >= 95 %. The shared folder always sits beside the repository (<repo>/../shared).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT, SHARED_DIR } from '../scripts/lib/seeds.ts';

const MIN_F1 = 0.98;
const MIN_SECTION_RECALL = 95;

it(`extraction scores F1 >= ${MIN_F1} and every section recall >= ${MIN_SECTION_RECALL}% against ../shared/gold`, () => {
  const run = spawnSync(
    process.execPath,
    [
      join(SHARED_DIR, 'tools', 'score-extraction.mjs'),
      '--gold', join(SHARED_DIR, 'gold'),
      '--docs', join(SHARED_DIR, 'seeds'),
      '--cmd', 'npm run -s extract -- {file} --json',
      '--min-f1', String(MIN_F1),
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 110_000, maxBuffer: 16 << 20 },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  console.log(output);
  expect(run.error, 'the scorer could not be run').toBeUndefined();

  // "  facts             recall 97.4%  precision 99.0%  (369/379, predicted 373)"
  const sections = [...output.matchAll(/^\s+(\w+)\s+recall ([\d.]+)%\s+precision [\d.]+%\s+\((\d+)\/(\d+), predicted \d+\)/gm)].map((m) => ({
    name: m[1]!,
    recall: Number(m[2]),
    gold: Number(m[4]),
  }));
  const f1 = output.match(/^extraction F1 ([\d.]+)/m);
  expect(f1, 'the scorer printed no F1 line').not.toBeNull();
  expect(sections.length, 'the scorer printed no section lines').toBeGreaterThan(0);

  const weak = sections.filter((s) => s.gold > 0 && s.recall < MIN_SECTION_RECALL).map((s) => `${s.name} ${s.recall}%`);
  expect(weak, `sections below ${MIN_SECTION_RECALL}% recall`).toEqual([]);
  expect(Number(f1![1])).toBeGreaterThanOrEqual(MIN_F1);
  expect(run.status, 'scorer exit code').toBe(0);
});
