// Where a chart's tooltip goes: right of the pointer, or left of it when it would overflow the
// chart's right edge (never past the left edge). Pure; Bars and Scatter both place theirs so.

/** Gap between the pointer and the tooltip, px. */
export const TIP_GAP = 14;

/** The tooltip's left, px, for a pointer at `x` in a chart `frameWidth` wide. */
export function tipLeft(x: number, tipWidth: number, frameWidth: number): number {
  return x + TIP_GAP + tipWidth > frameWidth ? Math.max(0, x - TIP_GAP - tipWidth) : x + TIP_GAP;
}
