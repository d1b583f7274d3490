// Money in integer cents of 万元 (0.01 万元), so that parts add up to their totals exactly;
// printing in the ways the seed documents print figures.
import type { Rng } from './prng.ts';

/** Number style of a layout: trailing zeros dropped ("348.1", "0") or kept ("0.00"). */
export type NumStyle = 'trim' | 'fixed';

/** Formats a non-negative integer of hundredths ("35389" → "353.89"). */
export function hundredths(h: number, style: NumStyle, commas = false): string {
  const neg = h < 0;
  const a = Math.abs(Math.round(h));
  let int = String(Math.floor(a / 100));
  const frac = String(a % 100).padStart(2, '0');
  if (commas && int.length > 3) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let s: string;
  if (style === 'fixed') s = `${int}.${frac}`;
  else if (frac === '00') s = int;
  else if (frac.endsWith('0')) s = `${int}.${frac[0]}`;
  else s = `${int}.${frac}`;
  return neg ? `-${s}` : s;
}

/** The value a printed figure stands for (commas dropped). */
export const valueOf = (printed: string): number => Number(printed.replace(/,/g, ''));

/** A rate in hundredths of a percent: round(100 · part / whole · 100), half away from zero. */
export function pctH(part: number, whole: number): number {
  if (whole === 0) return 0;
  const x = (part / whole) * 10000;
  return Math.sign(x) * Math.round(Math.abs(x) + 1e-9);
}

/** Splits a total (cents) into parts proportional to the weights; the rounding residue goes to the largest part. */
export function split(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (!n) return [];
  let wsum = 0;
  for (const w of weights) wsum += w;
  if (wsum <= 0) {
    const out = new Array(n).fill(0);
    out[0] = total;
    return out;
  }
  const out = weights.map((w) => Math.floor((total * w) / wsum));
  let rest = total - out.reduce((a, b) => a + b, 0);
  let big = 0;
  for (let i = 1; i < n; i++) if (weights[i]! > weights[big]!) big = i;
  out[big] += rest;
  rest = 0;
  return out;
}

/** Random positive weights (a rough Dirichlet with the given concentration). */
export function weights(rng: Rng, n: number, spread = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(rng.lognormal(1, spread));
  return out;
}

/** Cents from 万元, rounded. */
export const cents = (wan: number): number => Math.round(wan * 100);

/** Scales an amount in cents by a factor, rounded, never below zero. */
export const scale = (c: number, f: number): number => Math.max(0, Math.round(c * f));
