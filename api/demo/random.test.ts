import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRandom } from './random';

const draws = (seed: number, ...stream: string[]) => {
  const rng = createRandom(seed, ...stream);
  return Array.from({ length: 8 }, () => rng.next());
};

describe('createRandom', () => {
  test('the same seed and stream give the same numbers; another seed or stream does not', () => {
    expect(draws(2026, 'values')).toEqual(draws(2026, 'values'));
    expect(draws(2026, 'values')).not.toEqual(draws(2027, 'values'));
    expect(draws(2026, 'values')).not.toEqual(draws(2026, 'history'));
  });

  test('next stays in [0, 1) and integer stays within its bounds', () => {
    const rng = createRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.integer(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
    }
  });

  test('multinomial parts are whole, never negative, zero where the weight is, and add up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 15,
        }),
        (seed, total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = createRandom(seed).multinomial(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            expect(Number.isInteger(part) && part >= 0).toBe(true);
            if (weights[i] === 0) expect(part).toBe(0);
          });
        },
      ),
    );
  });

  test('multinomial refuses weights that are all zero', () => {
    expect(() => createRandom(1).multinomial(3, [0, 0])).toThrow(/all zero/);
    expect(createRandom(1).multinomial(0, [0, 0])).toEqual([0, 0]);
  });

  test('binomial stays within 0..n and poisson is never negative', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, n, p) => {
          const rng = createRandom(seed);
          const k = rng.binomial(n, p);
          expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
          expect(rng.poisson(n * p)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  test.each([0.5, 4, 20, 80])('poisson(%d) has about the right mean', (mean) => {
    const rng = createRandom(7);
    let sum = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) sum += rng.poisson(mean);
    expect(Math.abs(sum / n - mean)).toBeLessThan(0.1 * mean + 0.05);
  });

  test('weightedIndex never picks a zero weight and shuffle keeps every item', () => {
    const rng = createRandom(3);
    for (let i = 0; i < 1000; i++) expect(rng.weightedIndex([0, 2, 0, 1])).not.toBe(0);
    expect(() => rng.weightedIndex([0, 0])).toThrow();
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect([...rng.shuffle(items)].sort((a, b) => a - b)).toEqual(items);
  });
});
