import { describe, expect, it } from 'vitest';
import { cmp, isSorted } from '../../../src/core/order.js';

describe('cmp', () => {
  it('orders by UTF-16 code units, not by locale', () => {
    // A locale order would put `a` before `B` and `é` before `z`; output must not depend on the machine's locale.
    expect(['é', 'z', 'a', 'B', 'Z', '10', '9'].sort(cmp)).toEqual(['10', '9', 'B', 'Z', 'a', 'z', 'é']);
  });

  it('is the order of the default sort', () => {
    const words = ['pod-b', 'Pod:a', 'pod-a', 'Pod', 'pod', '', 'ünit', '\u{1F600}', '\uFFFF'];
    expect(words.slice().sort(cmp)).toEqual(words.slice().sort());
    expect(cmp('x', 'x')).toBe(0);
  });
});

describe('isSorted', () => {
  it('accepts empty, single and ordered lists (ties included) and rejects one pair out of order', () => {
    expect(isSorted([], cmp)).toBe(true);
    expect(isSorted(['a'], cmp)).toBe(true);
    expect(isSorted(['a', 'a', 'b'], cmp)).toBe(true);
    expect(isSorted(['a', 'c', 'b', 'd'], cmp)).toBe(false);
    expect(isSorted([3, 2], (a, b) => a - b)).toBe(false);
  });
});
