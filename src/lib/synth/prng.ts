// A small seeded PRNG (sfc32) and the draws the generator needs. Deterministic: the same
// seed gives the same sequence on every platform (32-bit integer arithmetic only, no
// Math.random). Streams are derived from a seed and labels, so that a unit's figures do not
// depend on how many units were generated before it.

/** 32-bit hash of strings and numbers (murmur-style mixing). */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    if (typeof p === 'number') {
      // Integers (and the integer part of other numbers) mixed in two 32-bit halves.
      const lo = p | 0;
      const hi = Math.floor(p / 4294967296) | 0;
      h = Math.imul(h ^ lo, 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13) ^ hi, 0xc2b2ae35);
      h ^= 0x1b873593;
    } else {
      for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ (h >>> 15) ^ p.length, 0x2c1b3c6d);
      h ^= 0x297a2d39;
    }
  }
  return fmix(h);
}

function fmix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for a seed and any number of labels (unit index, year, purpose). */
  constructor(seed: number | string, ...labels: (string | number)[]) {
    const h = hash32(seed, ...labels);
    this.a = fmix(h ^ 0x6a09e667);
    this.b = fmix(h ^ 0xbb67ae85);
    this.c = fmix(h ^ 0x3c6ef372);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** sfc32: one 32-bit unsigned integer. */
  u32(): number {
    let a = this.a | 0;
    let b = this.b | 0;
    let c = this.c | 0;
    let d = this.d | 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight (weights need not sum to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i]!;
      if (x < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-sd. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** k distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const a = items.slice();
    const n = Math.min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (a.length - i));
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    return a.slice(0, n);
  }
}

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
