// Worker thread: says it is ready, then receives FileTasks, stages each record's rows in its
// own files and answers FileResults (see pool.ts). Started through worker-boot.mjs, which lets
// the thread load TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileTask } from './process-file.ts';
import { processFile } from './process-file.ts';
import { openStaging } from './staging.ts';

// Tests only: make the worker hang on, or die on, a file whose name contains the given text,
// to check that the pool reports that file and carries on with the others.
const hangOn = process.env.FISCALLENS_TEST_HANG_ON;
const dieOn = process.env.FISCALLENS_TEST_DIE_ON;

const { stagingDir, writer } = workerData as { stagingDir: string | null; writer: string };
const staging = stagingDir ? openStaging(stagingDir, writer) : null;

parentPort!.on('message', async (msg: { id: number; task: FileTask }) => {
  if (hangOn && msg.task.file.includes(hangOn)) for (;;);
  if (dieOn && msg.task.file.includes(dieOn)) process.exit(3);
  const result = await processFile(msg.task, staging);
  parentPort!.postMessage({ id: msg.id, result });
});
parentPort!.postMessage({ ready: true });
