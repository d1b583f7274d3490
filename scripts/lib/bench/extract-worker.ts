// Worker thread of bench-threads.ts: warms up on the first `warmup` files of its share (the JIT
// settling), says it is ready, and on 'go' processes the rest and posts the pass.
import { parentPort, workerData } from 'node:worker_threads';
import { runPass } from './extract-loop.ts';

const { files, warmup } = workerData as { files: string[]; warmup: number };
runPass(files.slice(0, warmup));
parentPort!.once('message', () => parentPort!.postMessage(runPass(files.slice(warmup))));
parentPort!.postMessage('ready');
