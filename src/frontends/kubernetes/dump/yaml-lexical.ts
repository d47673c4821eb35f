/** Lexical helpers of the kubectl-YAML subset parser: separators, indicators, plain-scalar checks. */
import { bail } from './yaml-scalars.js';

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
