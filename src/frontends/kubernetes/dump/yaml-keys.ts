/** Lexical helpers of the kubectl-YAML subset parser: key interning, separators, indicators. */
import { detach } from './line-cursor.js';
import { bail } from './yaml-scalars.js';

/**
 * Keys repeat millions of times in a dump (`apiVersion`, `name`, `labels`…). Reusing one string per
 * key, found by comparing the source text in place, avoids a slice and a string-table lookup each
 * time. Buckets by length and first character, a few entries each, so odd keys cannot grow it.
 */
const KEY_CACHE = new Map<number, string[]>();
const KEYS_PER_BUCKET = 6;

export function cachedKey(s: string, p: number, colon: number): string | undefined {
  const bucket = KEY_CACHE.get((colon - p) * 128 + (s.charCodeAt(p) & 127));
  if (!bucket) return undefined;
  for (const k of bucket) if (s.startsWith(k, p)) return k;
  return undefined;
}

export function rememberKey(key: string): void {
  const id = key.length * 128 + (key.charCodeAt(0) & 127);
  const bucket = KEY_CACHE.get(id);
  // Detached: the cache lives for the whole run and must not hold on to the batch the key was cut from.
  if (!bucket) KEY_CACHE.set(id, [detach(key)]);
  else if (bucket.length < KEYS_PER_BUCKET) bucket.push(detach(key));
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
