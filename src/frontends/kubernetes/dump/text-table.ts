/**
 * One string per distinct text, found by comparing the text in place. The dump readers meet the same
 * keys (`apiVersion`, `name`…) and values (node names, images, owner names, label values) millions of
 * times; a hit costs no slice, no copy and no string-table lookup, and the model holds one string per
 * value instead of one per occurrence.
 *
 * Direct-mapped: a text's slot is chosen by a hash of its length and four of its characters, and a
 * slot holds one string, so the table's size bounds what it keeps. Held strings must not point into
 * a batch's text (see `detach` in line-cursor.ts): the tables live as long as the process.
 */
export class TextTable {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;

  /**
   * `size`: a power of two. `keepFirst`: a taken slot is never replaced (for keys: odd keys then
   * cannot evict the common ones); otherwise the last string held for a slot keeps it.
   */
  constructor(size: number, private readonly keepFirst: boolean) {
    this.slots = new Array<string | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  /** The string held for the text `s[a…b)` (not empty), if any. */
  find(s: string, a: number, b: number): string | undefined {
    const held = this.slots[slotOf(s, a, b) & this.mask];
    return held !== undefined && held.length === b - a && s.startsWith(held, a) ? held : undefined;
  }

  /** Holds `value` (not empty) for the texts equal to it. */
  hold(value: string): void {
    const slot = slotOf(value, 0, value.length) & this.mask;
    if (!this.keepFirst || this.slots[slot] === undefined) this.slots[slot] = value;
  }
}

function slotOf(s: string, a: number, b: number): number {
  const n = b - a;
  return n * 977 + s.charCodeAt(a) * 31 + s.charCodeAt(b - 1) * 7 + s.charCodeAt(a + (n >> 1)) * 3 + s.charCodeAt(a + (n >> 2));
}
