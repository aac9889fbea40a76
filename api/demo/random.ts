/**
 * A small seeded random-number generator for the demo coalition. Everything the generator draws comes
 * from here, so one seed always gives the same coalition on every machine and Node version
 * (`Math.random` cannot be seeded).
 */

/** Hashes a string to four 32-bit words (cyrb128), the state sfc32 starts from. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: fast, passes PractRand, and needs only 32-bit integer arithmetic. */
function sfc32(seed: [number, number, number, number]): () => number {
  let [a, b, c, d] = seed;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still echo the hash; discarding a few mixes the state fully.
  for (let i = 0; i < 12; i++) next();
  return next;
}

export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** A number in [min, max). */
  uniform(min: number, max: number): number;
  /** A whole number from min to max, both included. */
  integer(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A normally distributed number (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A Poisson-distributed count with the given mean. */
  poisson(mean: number): number;
  /** How many of n independent trials succeed with probability p. */
  binomial(n: number, p: number): number;
  /** An index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number;
  /** A whole-number split of `total` over the weights; the parts always add up to `total` exactly. */
  multinomial(total: number, weights: readonly number[]): number[];
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
};

/**
 * A generator seeded by a number and an optional stream name. Separate streams (per agency, per
 * purpose) stay independent, so drawing more numbers in one never shifts what another produces.
 */
export function createRandom(seed: number, ...stream: Array<string | number>): Random {
  const next = sfc32(cyrb128([seed, ...stream].join('/')));

  const normal = (mean = 0, sd = 1) => {
    const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  const poisson = (mean: number) => {
    if (!(mean > 0)) return 0;
    // Knuth's method is exact but its cost grows with the mean; demo means above 30 are rare
    // (large outreach events), where the normal approximation is close enough.
    if (mean > 30) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let product = next();
    while (product > limit) {
      k++;
      product *= next();
    }
    return k;
  };

  const binomial = (n: number, p: number) => {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n <= 60) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    }
    const mean = n * p;
    return Math.min(n, Math.max(0, Math.round(normal(mean, Math.sqrt(mean * (1 - p))))));
  };

  const weightedIndex = (weights: readonly number[]) => {
    let sum = 0;
    for (const w of weights) sum += w;
    if (!(sum > 0)) throw new Error('cannot draw from weights that are all zero');
    let r = next() * sum;
    let last = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as number;
      if (w <= 0) continue;
      last = i;
      if (r < w) return i;
      r -= w;
    }
    return last; // floating-point rounding can leave r a hair above the last weight
  };

  const multinomial = (total: number, weights: readonly number[]) => {
    const parts = weights.map(() => 0);
    if (total <= 0) return parts;
    let lastPositive = -1;
    let remainingWeight = 0;
    weights.forEach((w, i) => {
      if (w > 0) {
        lastPositive = i;
        remainingWeight += w;
      }
    });
    if (lastPositive < 0) throw new Error('cannot split a count over weights that are all zero');
    let remaining = total;
    // Conditional binomials: each part takes its share of what the earlier parts left, and the last
    // part takes the rest, so the parts add up to the total whatever the rounding.
    for (let i = 0; i < lastPositive && remaining > 0; i++) {
      const w = weights[i] as number;
      if (w <= 0) continue;
      const part = binomial(remaining, w / remainingWeight);
      parts[i] = part;
      remaining -= part;
      remainingWeight -= w;
    }
    parts[lastPositive] = (parts[lastPositive] as number) + remaining;
    return parts;
  };

  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal,
    poisson,
    binomial,
    weightedIndex,
    multinomial,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
}
