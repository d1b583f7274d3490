// When two figures "disagree": printed amounts are rounded to 0.01 万元, so a sum of n
// rounded parts may miss its rounded total by up to half a cent per part. Only differences
// rounding cannot explain are findings; false alarms on correct figures cost trust.

/** Largest difference rounding can explain for a sum of parts printed to `decimals`. */
export function roundingSlack(parts: number[], decimals = 2): number {
  const half = 0.5 * 10 ** -decimals;
  const nonzero = parts.filter((p) => Math.abs(p) > 1e-12).length;
  return half * Math.max(1, nonzero) + 1e-9;
}

export function sum(xs: number[]): number {
  return Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

/** Rounds for display: no binary noise in messages. */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function fmt(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
