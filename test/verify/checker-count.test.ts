/** How many type-checking threads verify gives the native compiler: one per core but one, between 1 and 4. */
import { describe, expect, it } from 'vitest';
import { checkerCount } from '../../src/verify/run-compiler.js';

describe('checkerCount', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 4],
    [64, 4],
  ])('on %i cores is %i', (cores, checkers) => {
    expect(checkerCount(cores)).toBe(checkers);
  });
});
