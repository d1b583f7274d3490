// Worker thread: says it is ready, then receives FileTasks and answers each with its FileResult
// and its record's rows as CSV (see pool.ts; the main thread writes them, staging.ts). Started
// through worker-boot.mjs, which lets the thread load TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { parseUnitRegistry } from '../../../src/lib/snapshot/units.ts';
import type { FileTask } from './process-file.ts';
import { processFile } from './process-file.ts';
import { stagedBuffers } from './staging.ts';

// Tests only: make the worker hang on, or die on, a file whose name contains the given text,
// to check that the pool reports that file and carries on with the others.
const hangOn = process.env.FISCALLENS_TEST_HANG_ON;
const dieOn = process.env.FISCALLENS_TEST_DIE_ON;

const { registryCsv } = workerData as { registryCsv: string | null };
const registry = parseUnitRegistry(registryCsv ?? '');

// Files are read one at a time in the order they came: the pool sends the next one ahead, and
// a file that hangs or kills the thread must be the one in hand.
const queue: { id: number; task: FileTask }[] = [];
let busy = false;
async function drain(): Promise<void> {
  busy = true;
  for (let msg = queue.shift(); msg; msg = queue.shift()) {
    if (hangOn && msg.task.file.includes(hangOn)) for (;;);
    if (dieOn && msg.task.file.includes(dieOn)) process.exit(3);
    const { result, staged } = await processFile(msg.task, registry);
    // The CSV bytes move to the main thread, not copied.
    parentPort!.postMessage({ id: msg.id, result, staged }, stagedBuffers(staged));
  }
  busy = false;
}
parentPort!.on('message', (msg: { id: number; task: FileTask }) => {
  queue.push(msg);
  if (!busy) void drain();
});
parentPort!.postMessage({ ready: true });
