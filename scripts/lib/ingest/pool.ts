// A pool of worker threads running processFile over the inputs; the main thread collects the
// results and hands each file's staged rows on in input order (staging.ts). Each worker holds
// the file it is reading and the next one, so it never waits for the main thread between
// files; no file is sent more than WINDOW places after the oldest unfinished one, so the rows
// waiting for their turn stay few even while a file hangs. A worker that crashes, or takes longer than the time limit on
// one file, is replaced and that file is reported as rejected (the file queued behind it goes
// to another worker): one bad document never stops the others. A worker
// that cannot even start is an error of the installation, and fails the whole run.
import { Worker } from 'node:worker_threads';
import type { FileResult, FileTask } from './process-file.ts';
import type { StagedDoc } from './staging.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;

export interface PoolOptions {
  size: number;
  /** The unit registry's text (data/units.csv): workers stage rows under the units it names. */
  registryCsv: string | null;
  /** Called once per file, as it finishes, with its staged rows (null for none). */
  onStaged?: (index: number, staged: StagedDoc | null) => void;
  /** Longest time one file may take, in ms. */
  timeoutMs: number;
  /** How far past the oldest unfinished file files may be sent; default WINDOW. */
  window?: number;
  /** Called once per finished file, in completion order. */
  onResult?: (result: FileResult, index: number) => void;
}

type Msg = { ready: true } | { id: number; result: FileResult; staged: StagedDoc | null };

/** Files sent to a worker ahead of its answers: the one it reads and the next. */
const IN_FLIGHT = 2;

/** How far past the oldest unfinished file the pool may send files. */
export const WINDOW = 1024;

/**
 * Young-generation size of each worker's heap: the extractor allocates many short-lived
 * strings, and with V8's default (16 MiB semi-spaces on this machine) the workers spend a
 * visible share of their time in scavenges that a larger nursery avoids.
 */
export const YOUNG_GENERATION_MB = 96;

export async function runPool(tasks: readonly FileTask[], opts: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  if (!tasks.length) return results;
  const size = Math.max(1, Math.min(opts.size, tasks.length));
  let next = 0;
  let done = 0;
  const workers = new Set<Worker>();

  return new Promise((resolveAll, rejectAll) => {
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      rejectAll(e);
    };
    /** Files below this index are all finished. */
    let oldest = 0;
    const finish = (index: number, result: FileResult, staged: StagedDoc | null = null) => {
      if (settled || results[index] !== undefined) return;
      results[index] = result;
      done++;
      try {
        opts.onStaged?.(index, staged);
      } catch (e) {
        return fail(e instanceof Error ? e : new Error(String(e)));
      }
      opts.onResult?.(result, index);
      const moved = results[oldest] !== undefined;
      while (oldest < tasks.length && results[oldest] !== undefined) oldest++;
      // Workers held back by the window may go on.
      if (moved) for (const f of feeders) f();
      if (done === tasks.length) {
        settled = true;
        // Workers the window held back, with nothing left to do.
        for (const w of workers) void w.terminate();
        resolveAll(results);
      }
    };
    const failed = (index: number, code: 'timeout' | 'extractor_failed', message: string): FileResult => ({
      file: tasks[index]!.file,
      doc_id: null,
      bytes: null,
      encoding: null,
      record: null,
      error: { code, message },
      cached: false,
    });

    /** Files handed back by a worker that was retired before it reached them. */
    const requeued: number[] = [];
    const take = (): number | undefined => requeued.pop() ?? (next < tasks.length && next < oldest + (opts.window ?? WINDOW) ? next++ : undefined);
    const pending = () => requeued.length > 0 || next < tasks.length;
    /** Each live worker's feed(), to wake those the window held back. */
    const feeders = new Set<() => void>();
    const start = () => {
      const worker = new Worker(BOOT, {
        workerData: { entry: ENTRY, registryCsv: opts.registryCsv },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      workers.add(worker);
      let ready = false;
      /** Files sent and not answered, in the order the worker reads them: the first is in hand. */
      const inFlight: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let retired = false;
      const stop = () => {
        retired = true;
        clearTimeout(timer);
        feeders.delete(feed);
        workers.delete(worker);
        void worker.terminate();
      };
      /** The time limit runs for the file in hand, from when the worker took it up. */
      const arm = () => {
        clearTimeout(timer);
        const index = inFlight[0];
        if (index === undefined) return;
        timer = setTimeout(() => {
          const s = Math.round(opts.timeoutMs / 1000);
          retire(failed(index, 'timeout', `处理超时（${s} 秒）/ Timed out after ${s} s.`));
        }, opts.timeoutMs);
      };
      function feed(): void {
        if (retired || !ready) return;
        while (inFlight.length < IN_FLIGHT) {
          const index = take();
          if (index === undefined) break;
          inFlight.push(index);
          if (inFlight.length === 1) arm();
          worker.postMessage({ id: index, task: tasks[index] });
        }
        // Nothing left to send (not merely held back by the window): this worker is done.
        if (!inFlight.length && !pending()) stop();
      }
      feeders.add(feed);
      /** The worker is unusable: report the file in hand, hand the others back, replace it. */
      const retire = (result: FileResult | null) => {
        if (retired) return;
        stop();
        const [current, ...rest] = inFlight;
        requeued.push(...rest.reverse());
        if (current !== undefined && result) finish(current, result);
        if (pending() && !settled) start();
      };
      worker.on('message', (msg: Msg) => {
        if (retired) return;
        if ('ready' in msg) {
          ready = true;
          return feed();
        }
        if (msg.id !== inFlight[0]) return;
        inFlight.shift();
        arm();
        finish(msg.id, msg.result, msg.staged);
        feed();
      });
      const broken = (why: string) => {
        if (retired) return;
        if (!ready) return fail(new Error(`an ingest worker could not start: ${why}`));
        const current = inFlight[0];
        retire(current !== undefined ? failed(current, 'extractor_failed', `抽取线程出错 / The worker failed on this file: ${why}`) : null);
      };
      worker.on('error', (e) => broken(String((e as Error)?.message ?? e).split('\n')[0]!));
      worker.on('exit', (code) => broken(`exited with code ${code}`));
    };
    for (let i = 0; i < size; i++) start();
  });
}
