// The query queue of src/lib/db/query.ts against a fake connection: queries go to DuckDB one
// at a time, highest priority first, then in the order asked; a query whose answer is no
// longer wanted (its signal aborted) before its turn is never sent; errors reach their caller.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/duckdb.ts';
import { idleFor, isAbort, query, queryLog, queriesPending, setGate, useDb } from '../../src/lib/db/query.ts';

interface Sent {
  sql: string;
  params: unknown[];
  answer: (v?: unknown) => void;
  fail: (e: unknown) => void;
}

/** A connection whose queries answer when the test says so; it notes what it was sent. */
function fakeConn() {
  const sent: Sent[] = [];
  const prepares: string[] = [];
  let running = 0;
  let maxRunning = 0;
  let failPrepare: string | null = null;
  const waiters: (() => void)[] = [];
  const conn = {
    prepare(sql: string) {
      prepares.push(sql);
      if (failPrepare === sql) return Promise.reject(new Error(`Parser Error: ${sql}`));
      return Promise.resolve({
        query: (...params: unknown[]) =>
          new Promise((resolve, reject) => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            const done = () => running--;
            sent.push({ sql, params, answer: (v = { sql, params }) => (done(), resolve(v)), fail: (e) => (done(), reject(e)) });
            waiters.splice(0).forEach((w) => w());
          }),
      });
    },
  };
  /** The n-th query sent (0-based), once it has been. */
  const nth = async (n: number): Promise<Sent> => {
    while (sent.length <= n) await new Promise<void>((r) => waiters.push(r));
    return sent[n]!;
  };
  return {
    db: { conn, db: null, bundle: 'eh' } as unknown as Db,
    sent,
    prepares,
    nth,
    maxRunning: () => maxRunning,
    failPrepareOf: (sql: string) => (failPrepare = sql),
  };
}

/** Lets pending promise callbacks run (the queue moves on microtasks and one timer). */
const settle = () => new Promise((r) => setTimeout(r, 0));

let fake: ReturnType<typeof fakeConn>;
beforeEach(() => {
  fake = fakeConn();
  setGate(Promise.resolve());
  useDb(Promise.resolve(fake.db));
});

describe('query queue', { timeout: 5000 }, () => {
  it('sends one query at a time, in the order asked', async () => {
    const answers = ['a', 'b', 'c'].map((s) => query(`SELECT '${s}'`, [s]));
    for (let i = 0; i < 3; i++) {
      const s = await fake.nth(i);
      await settle();
      // Nothing else is sent while it runs.
      expect(fake.sent).toHaveLength(i + 1);
      s.answer();
    }
    expect((await Promise.all(answers)).map((r) => (r as unknown as { params: string[] }).params[0])).toEqual(['a', 'b', 'c']);
    expect(fake.sent.map((s) => s.sql)).toEqual(["SELECT 'a'", "SELECT 'b'", "SELECT 'c'"]);
    expect(fake.maxRunning()).toBe(1);
  });

  it('binds the parameters and prepares each SQL text once', async () => {
    const p1 = query('SELECT ? AS x', [1]);
    (await fake.nth(0)).answer();
    const p2 = query('SELECT ? AS x', ["'; DROP TABLE units; --"]);
    (await fake.nth(1)).answer();
    await Promise.all([p1, p2]);
    expect(fake.prepares).toEqual(['SELECT ? AS x']);
    expect(fake.sent.map((s) => s.params)).toEqual([[1], ["'; DROP TABLE units; --"]]);
    await expect(query('SELECT ?', [BigInt(1) as unknown as number])).rejects.toThrow(TypeError);
  });

  it('a query of higher priority goes ahead of those waiting', async () => {
    const first = query('SELECT 1');
    const s0 = await fake.nth(0);
    const low1 = query('SELECT low1');
    const low2 = query('SELECT low2');
    const high = query('SELECT high', [], { priority: 1 });
    await settle();
    s0.answer();
    for (let i = 1; i < 4; i++) (await fake.nth(i)).answer();
    await Promise.all([first, low1, low2, high]);
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT 1', 'SELECT high', 'SELECT low1', 'SELECT low2']);
  });

  it('queries asked in the same task go by priority, even when none was waiting', async () => {
    const low = query('SELECT low', [], { priority: -1 });
    const mid = query('SELECT mid');
    const high = query('SELECT high', [], { priority: 1 });
    for (let i = 0; i < 3; i++) (await fake.nth(i)).answer();
    await Promise.all([low, mid, high]);
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT high', 'SELECT mid', 'SELECT low']);
  });

  it("a first chart's queries (priority 1) are sent together; the others wait for them", async () => {
    const a = query('SELECT a', [], { priority: 1 });
    const b = query('SELECT b', [], { priority: 1 });
    const other = query('SELECT other');
    const [sa, sb] = [await fake.nth(0), await fake.nth(1)];
    await settle();
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT a', 'SELECT b']);
    sa.answer();
    await settle();
    // Still one of them running: the other query waits.
    expect(fake.sent).toHaveLength(2);
    sb.answer();
    (await fake.nth(2)).answer();
    await Promise.all([a, b, other]);
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT a', 'SELECT b', 'SELECT other']);
  });

  it('a query dropped before its turn is never sent, and rejects with an AbortError', async () => {
    const first = query('SELECT 1');
    const s0 = await fake.nth(0);
    const run = new AbortController();
    const stale = query('SELECT stale', [], { signal: run.signal });
    const next = query('SELECT next');
    await settle();
    run.abort();
    // Rejected at once, while the query before it still runs.
    const e = await stale.catch((x: unknown) => x);
    expect(isAbort(e)).toBe(true);
    s0.answer();
    (await fake.nth(1)).answer();
    await Promise.all([first, next]);
    await settle();
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT 1', 'SELECT next']);
    expect(fake.prepares).not.toContain('SELECT stale');
    expect(queryLog.some((q) => q.sql.startsWith('[dropped] SELECT stale'))).toBe(true);
  });

  it('a query asked with a signal already aborted is not sent', async () => {
    const run = new AbortController();
    run.abort();
    const e = await query('SELECT never', [], { signal: run.signal }).catch((x: unknown) => x);
    expect(isAbort(e)).toBe(true);
    const ok = query('SELECT ok');
    (await fake.nth(0)).answer();
    await ok;
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT ok']);
  });

  it('a query aborted after it was sent still answers (and the next ones go on)', async () => {
    const run = new AbortController();
    const sent = query('SELECT sent', [7], { signal: run.signal });
    const s0 = await fake.nth(0);
    const after = query('SELECT after');
    run.abort();
    s0.answer({ rows: 1 });
    await expect(sent).resolves.toEqual({ rows: 1 });
    (await fake.nth(1)).answer();
    await after;
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT sent', 'SELECT after']);
  });

  it('errors reach their caller; the queue goes on; a failed prepare is not kept', async () => {
    fake.failPrepareOf('SELECT bad syntax');
    const bad = query('SELECT bad syntax');
    const failing = query('SELECT fails');
    const ok = query('SELECT ok');
    await expect(bad).rejects.toThrow(/Parser Error/);
    (await fake.nth(0)).fail(new Error('Out of Memory'));
    await expect(failing).rejects.toThrow(/Out of Memory/);
    expect(isAbort(await failing.catch((e: unknown) => e))).toBe(false);
    (await fake.nth(1)).answer();
    await ok;
    fake.failPrepareOf('');
    const again = query('SELECT bad syntax');
    (await fake.nth(2)).answer();
    await again;
    expect(fake.prepares.filter((s) => s === 'SELECT bad syntax')).toHaveLength(2);
  });

  it('waits for the gate before sending, and is not idle while a query waits', async () => {
    let open!: () => void;
    setGate(new Promise<void>((r) => (open = r)));
    const p = query('SELECT after gate');
    await settle();
    await settle();
    expect(fake.sent).toHaveLength(0);
    expect(idleFor(0)).toBe(false);
    open();
    (await fake.nth(0)).answer();
    await p;
    expect(idleFor(0)).toBe(true);
  });

  it('counts the queries running and waiting (the benchmark waits for none)', async () => {
    const a = query('SELECT 1');
    const b = query('SELECT 2');
    const first = await fake.nth(0);
    expect(queriesPending()).toBe(2);
    first.answer();
    (await fake.nth(1)).answer();
    await Promise.all([a, b]);
    expect(queriesPending()).toBe(0);
  });

  it('an answer asked ahead is handed to the same query asked next, once', async () => {
    const ahead = query('SELECT ? AS y', [2024], { ahead: true, priority: 1 });
    (await fake.nth(0)).answer({ y: 2024 });
    await ahead;
    // The page's own query, later: not sent again.
    await expect(query('SELECT ? AS y', [2024])).resolves.toEqual({ y: 2024 });
    expect(fake.sent).toHaveLength(1);
    // Other parameters, and the same query a second time: sent.
    const other = query('SELECT ? AS y', [2023]);
    (await fake.nth(1)).answer();
    await other;
    const again = query('SELECT ? AS y', [2024]);
    (await fake.nth(2)).answer();
    await again;
    expect(fake.sent.map((s) => s.params)).toEqual([[2024], [2023], [2024]]);
  });

  it('an answer asked ahead but dropped before it was sent: the query asked next is sent', async () => {
    const first = query('SELECT 1');
    const s0 = await fake.nth(0);
    const run = new AbortController();
    const ahead = query('SELECT ahead', [], { ahead: true, signal: run.signal });
    run.abort();
    expect(isAbort(await ahead.catch((e: unknown) => e))).toBe(true);
    const own = query('SELECT ahead');
    s0.answer();
    (await fake.nth(1)).answer({ own: true });
    await expect(own).resolves.toEqual({ own: true });
    await first;
    expect(fake.sent.map((s) => s.sql)).toEqual(['SELECT 1', 'SELECT ahead']);
  });
});
