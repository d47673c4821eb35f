/** Lexical helpers of the kubectl-YAML subset parser: key interning, separators, indicators. */
import { detach } from './line-cursor.js';
import { bail } from './yaml-scalars.js';

/**
 * Keys repeat millions of times in a dump (`apiVersion`, `name`, `labels`…). Reusing one string per
 * key, found by comparing the source text in place, avoids a slice and a string-table lookup each
 * time. A direct-mapped table indexed by a hash of the key's length and three of its characters:
 * one comparison per lookup; the first key to take a slot keeps it, so odd keys cannot evict the
 * common ones and the table cannot grow.
 */
const KEY_SLOTS = 4096;
const KEY_TABLE: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

function keySlot(s: string, p: number, end: number): number {
  const n = end - p;
  return (n * 977 + s.charCodeAt(p) * 31 + s.charCodeAt(end - 1) * 7 + s.charCodeAt(p + (n >> 1))) & (KEY_SLOTS - 1);
}

/** The remembered key equal to `s[p…end)`, if any. */
export function cachedKey(s: string, p: number, end: number): string | undefined {
  const k = KEY_TABLE[keySlot(s, p, end)];
  return k !== undefined && k.length === end - p && s.startsWith(k, p) ? k : undefined;
}

export function rememberKey(key: string): void {
  // Detached: the table lives for the whole run and must not hold on to the batch the key was cut from.
  KEY_TABLE[keySlot(key, 0, key.length)] ??= detach(key);
}

/** `:` ends a plain key when followed by a space or the end of the line. */
export function isSep(c: number, atEnd: boolean): boolean {
  return atEnd || c === 32 || c === 10;
}

/** Characters that start something other than a plain scalar: `&*!%@`` ` ``#,` plus flow indicators. */
export function isIndicator(c: number): boolean {
  return c === 38 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96 || c === 35 || c === 44 || c === 93 || c === 125;
}

/** A plain scalar line may not hold `: ` (a key) or ` #` (a comment), nor end with `:`. */
const NOT_PLAIN = /: | #|[\t\r]|:$/;

export function checkPlain(text: string): void {
  if (NOT_PLAIN.test(text)) bail('plain scalar outside the subset');
}
