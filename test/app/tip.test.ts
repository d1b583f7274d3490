// Where Bars and Scatter put a tooltip (src/lib/app/components/tip.ts).
import { describe, expect, it } from 'vitest';
import { TIP_GAP, tipLeft } from '../../src/lib/app/components/tip.ts';

describe('tipLeft', () => {
  it('goes right of the pointer while it fits, else left of it, never past the left edge', () => {
    expect(tipLeft(100, 120, 600)).toBe(100 + TIP_GAP);
    // 480 + 14 + 120 = 614 > 600: left of the pointer.
    expect(tipLeft(480, 120, 600)).toBe(480 - TIP_GAP - 120);
    // Exactly at the edge still fits.
    expect(tipLeft(466, 120, 600)).toBe(480);
    // Wider than the room on either side: pinned to the left edge.
    expect(tipLeft(50, 700, 600)).toBe(0);
  });
});
