// An async value that follows its inputs: `new Resource((q) => load(app.filters, q))` inside a
// component reruns `load` whenever the reactive values read synchronously in the callback
// change. The previous value stays on screen while the next one loads (no flashing), and a
// late answer to an outdated request is dropped.
//
// Each run gets `q` (src/lib/db/query.ts QueryOpts) to pass to its queries: a signal aborted as
// soon as the run is outdated (its inputs changed, or the component is gone), so that its
// queries still waiting for DuckDB are never sent, and the Resource's priority.
import type { QueryOpts } from '../db/query.ts';
import { isAbort } from '../db/query.ts';

export type ResourceStatus = 'loading' | 'ready' | 'error';

export interface ResourceOpts {
  /** The priority of the run's queries (QueryOpts.priority): 1 for the page's first chart. */
  priority?: number;
}

/** What a run passes to its queries: always a signal, and the Resource's priority. */
export type RunOpts = QueryOpts & { signal: AbortSignal };

/**
 * After the next frame (rAF, then a task). A hidden tab draws no frames: at once there; and at
 * most 250 ms later where frames are late (a starved machine), so other panels still load.
 */
function afterFrame(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined' || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 250);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(t);
        resolve();
      }, 0),
    );
  });
}

export class Resource<T> {
  status: ResourceStatus = $state('loading');
  /** True while a newer request is running (the shown value may be outdated). */
  pending = $state(true);
  value: T | undefined = $state.raw(undefined);
  error: string | null = $state(null);
  /** Counts completed loads; charts expose it for tests and the benchmark. */
  version = $state(0);
  #seq = 0;
  #latest: Promise<unknown> = Promise.resolve();

  /**
   * Resolves once the latest request has settled (answered, failed or dropped; not reactive).
   * A panel whose loader waits for the page's first chart's Resource this way sends its
   * queries after that chart's.
   */
  settled(): Promise<void> {
    return this.#latest.then(
      () => {},
      () => {},
    );
  }

  /**
   * Resolves once the latest request has settled and the next frame has been drawn (not
   * reactive). The other panels of a page wait for their first chart this way: their queries,
   * their answers and their rendering then do not compete with that chart's frame.
   */
  drawn(): Promise<void> {
    // One frame waited for per request: the panels waiting for it go on together (their queries
    // are then asked in the same task, and sent by priority).
    if (this.#drawn?.of !== this.#latest) this.#drawn = { of: this.#latest, p: this.settled().then(afterFrame) };
    return this.#drawn.p;
  }
  #drawn: { of: Promise<unknown>; p: Promise<void> } | null = null;

  constructor(load: (q: RunOpts) => Promise<T>, opts: ResourceOpts = {}) {
    $effect(() => {
      const seq = ++this.#seq;
      const run = new AbortController();
      const q: RunOpts = opts.priority == null ? { signal: run.signal } : { signal: run.signal, priority: opts.priority };
      let p: Promise<T>;
      try {
        p = load(q);
      } catch (e) {
        p = Promise.reject(e);
      }
      this.pending = true;
      this.#latest = p;
      // Outdated: a newer run has started, or the component is gone. Its answer, or its
      // dropped queries' rejections, change nothing on screen.
      const outdated = () => seq !== this.#seq || run.signal.aborted;
      p.then(
        (v) => {
          if (outdated()) return;
          this.value = v;
          this.error = null;
          this.status = 'ready';
          this.pending = false;
          this.version++;
        },
        (e: unknown) => {
          if (outdated()) return;
          this.error = e instanceof Error ? e.message : String(e);
          this.status = 'error';
          this.pending = false;
          if (!isAbort(e)) console.warn('[query]', e);
          else console.warn('[query] a current run was dropped (its queries shared an outdated signal?)', e);
        },
      );
      // Runs before the next run (the inputs changed) and when the component is destroyed.
      return () => run.abort();
    });
  }
}
