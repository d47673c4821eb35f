/**
 * Wildcard patterns from input files: eksctl/EKS Fargate selectors and IAM `StringLike` trust
 * conditions (`*` any run of characters, `?` exactly one, everything else literal), and CloudFormation
 * export names with unknown parts (each part one or more characters). Matched without regular
 * expressions: a pattern is attacker-controlled text, and `*a*a…` compiled to `.*a.*a…` (or adjacent
 * unknown parts to `.+.+…`) backtracks exponentially. The two-pointer matcher below retries only from
 * the last any-run, so a test costs at most pattern length × text length steps.
 */
export interface Glob {
  test(text: string): boolean;
}

/** A part of a pattern built by `globOfParts`: literal text, or an unknown run of at least one character. */
export type GlobPart = string | typeof ONE_OR_MORE;
export const ONE_OR_MORE: unique symbol = Symbol('one or more characters');

/** Tokens: a character code, or one of these. */
const ANY_RUN = -1;
const ANY_ONE = -2;

/** A `*`/`?` wildcard pattern. */
export function compileGlob(pattern: string): Glob {
  const tokens: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === STAR) pushRun(tokens);
    else tokens.push(c === QUESTION ? ANY_ONE : c);
  }
  return matcher(tokens);
}

/** A pattern of literal parts and unknown parts (no character is special). */
export function globOfParts(parts: readonly GlobPart[]): Glob {
  const tokens: number[] = [];
  for (const part of parts) {
    if (part === ONE_OR_MORE) {
      tokens.push(ANY_ONE);
      pushRun(tokens);
    } else {
      for (let i = 0; i < part.length; i++) tokens.push(part.charCodeAt(i));
    }
  }
  return matcher(tokens);
}

/** Adds an any-run; runs of them mean the same as one (and `*?` as `?*`, which the matcher needs less backtracking for). */
function pushRun(tokens: number[]): void {
  if (tokens[tokens.length - 1] !== ANY_RUN) tokens.push(ANY_RUN);
}

function matcher(tokens: readonly number[]): Glob {
  return { test: (text) => matches(tokens, text) };
}

function matches(p: readonly number[], s: string): boolean {
  let i = 0;
  let j = 0;
  /** Token index just after the last any-run met, and the text position it was tried from. */
  let star = -1;
  let from = 0;
  while (j < s.length) {
    const t = p[i];
    if (t !== undefined && t !== ANY_RUN && (t === ANY_ONE || t === s.charCodeAt(j))) {
      i++;
      j++;
    } else if (t === ANY_RUN) {
      star = ++i;
      from = j;
    } else if (star >= 0) {
      // Let the last any-run take one more character and retry what follows it.
      i = star;
      j = ++from;
    } else {
      return false;
    }
  }
  while (p[i] === ANY_RUN) i++;
  return i === p.length;
}

const STAR = 42;
const QUESTION = 63;
