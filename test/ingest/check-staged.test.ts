// checkStaged (scripts/lib/ingest/assemble.ts): the assembly writes each staged file in its
// order as the snapshot's, so staged documents that differ from the plan's kept ones, in any
// way, stop the ingest before anything is written.
import { describe, expect, it } from 'vitest';
import { checkStaged } from '../../scripts/lib/ingest/assemble.ts';
import type { Staged, StagedEntry } from '../../scripts/lib/ingest/staging.ts';
import type { KeptDocument, SnapshotPlan } from '../../src/lib/snapshot/plan.ts';

const kept: KeptDocument[] = [
  { doc_id: 'a'.repeat(64), file: 'a.txt', unit_id: 'u_1', province: 'P', rank: 0, input: 0 },
  { doc_id: 'b'.repeat(64), file: 'b.txt', unit_id: null, province: null, rank: 1, input: 2 },
];
const plan = { kept } as unknown as SnapshotPlan;
const entries = (): StagedEntry[] => kept.map((k) => ({ input: k.input, doc_id: k.doc_id, unit_id: k.unit_id }));
const staged = (docs: StagedEntry[]): Staged => ({ parts: new Map(), docs, changeKeys: [] });

describe('checkStaged', () => {
  it('passes the staged documents the plan kept, in its order', () => {
    expect(() => checkStaged(plan, staged(entries()))).not.toThrow();
  });

  it('stops at a document staged out of order, missing, extra, under another unit or from another input', () => {
    const [a, b] = entries() as [StagedEntry, StagedEntry];
    expect(() => checkStaged(plan, staged([b, a]))).toThrow(/out of step with the plan at document 0/);
    expect(() => checkStaged(plan, staged([a]))).toThrow(/at document 1: staged null/);
    expect(() => checkStaged(plan, staged([a, b, { ...b, input: 3, doc_id: 'c'.repeat(64) }]))).toThrow(/at document 2: .*planned null/);
    expect(() => checkStaged(plan, staged([a, { ...b, unit_id: 'u_2' }]))).toThrow(/at document 1/);
    expect(() => checkStaged(plan, staged([{ ...a, input: 1 }, b]))).toThrow(/at document 0/);
  });
});
