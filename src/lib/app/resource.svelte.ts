// An async value that follows its inputs: `new Resource(() => load(app.filters))` inside a
// component reruns `load` whenever the reactive values read synchronously in the callback
// change. The previous value stays on screen while the next one loads (no flashing), and a
// late answer to an outdated request is dropped.

export type ResourceStatus = 'loading' | 'ready' | 'error';

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
   * Resolves once the latest request has settled (answered or failed; not reactive). A panel
   * whose loader waits for the page's first chart's Resource this way sends its queries after
   * that chart's: DuckDB-wasm runs them one at a time, in the order they come.
   */
  settled(): Promise<void> {
    return this.#latest.then(
      () => {},
      () => {},
    );
  }

  constructor(load: () => Promise<T>) {
    $effect(() => {
      const seq = ++this.#seq;
      let p: Promise<T>;
      try {
        p = load();
      } catch (e) {
        p = Promise.reject(e);
      }
      this.pending = true;
      this.#latest = p;
      p.then(
        (v) => {
          if (seq !== this.#seq) return;
          this.value = v;
          this.error = null;
          this.status = 'ready';
          this.pending = false;
          this.version++;
        },
        (e: unknown) => {
          if (seq !== this.#seq) return;
          this.error = e instanceof Error ? e.message : String(e);
          this.status = 'error';
          this.pending = false;
          console.warn('[query]', e);
        },
      );
    });
  }
}
