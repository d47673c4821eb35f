/**
 * The one string order of archmap: plain UTF-16 code-unit comparison, locale-independent, so output
 * never depends on the machine. Everything that reaches output is sorted with it.
 */

/** Plain code-unit string comparison (`a < b`), the same order as `Array.prototype.sort()`. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `items` are already in `compare` order: one pass, so lists that usually are need no sort. */
export function isSorted<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1] as T, items[i] as T) > 0) return false;
  return true;
}
