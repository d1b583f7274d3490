// Worker thread of bench-threads.ts: reads its own copy of the sample, says it is ready, and on
// 'go' runs the rounds and posts them. Started through ../ingest/worker-boot.mjs (TypeScript).
import { parentPort, workerData } from 'node:worker_threads';
import { readTexts, runRound } from './extract-loop.ts';

const { files, rounds } = workerData as { files: string[]; rounds: number };
const texts = readTexts(files);
parentPort!.once('message', () => {
  const out = [];
  for (let i = 0; i < rounds; i++) out.push(runRound(texts));
  parentPort!.postMessage(out);
});
parentPort!.postMessage('ready');
