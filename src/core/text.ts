/** Line arithmetic and character classes on text, shared by the loaders, the dump reader and the renderers. */

/** Line breaks (`\n`) in `text[from…to)`. */
export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** C0 and C1 control characters and the Unicode line and paragraph separators (U+2028, U+2029). */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Characters that make text read differently from what it is: bidirectional formatting (the
 * "Trojan Source" reorderings, U+202A–U+202E, U+2066–U+2069, marks U+200E, U+200F, U+061C) and the
 * invisible zero-width space, word joiner and byte-order mark (U+200B, U+2060, U+FEFF). Not ZWJ or
 * ZWNJ (U+200C, U+200D): scripts and emoji need them.
 */
export const DECEPTIVE_CHARS = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
