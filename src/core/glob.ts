/**
 * Wildcard patterns from input files (eksctl/EKS Fargate selectors, IAM `StringLike` trust
 * conditions): `*` any run of characters, `?` exactly one, everything else literal. Matched without
 * regular expressions: a pattern is attacker-controlled text, and `*a*a*a…` compiled to `.*a.*a…`
 * backtracks exponentially. The two-pointer matcher below retries only from the last `*`, so a test
 * costs at most pattern length × text length steps.
 */
export interface Glob {
  test(text: string): boolean;
}

export function compileGlob(pattern: string): Glob {
  // Runs of `*` mean the same as one.
  const p = pattern.replace(/\*{2,}/g, '*');
  return { test: (text) => globMatches(p, text) };
}

function globMatches(p: string, s: string): boolean {
  let i = 0;
  let j = 0;
  /** Position in `p` just after the last `*` met, and the text position it was tried from. */
  let star = -1;
  let from = 0;
  while (j < s.length) {
    const c = p.charCodeAt(i);
    if (i < p.length && c !== STAR && (c === QUESTION || c === s.charCodeAt(j))) {
      i++;
      j++;
    } else if (i < p.length && c === STAR) {
      star = ++i;
      from = j;
    } else if (star >= 0) {
      // Let the last `*` take one more character and retry what follows it.
      i = star;
      j = ++from;
    } else {
      return false;
    }
  }
  while (i < p.length && p.charCodeAt(i) === STAR) i++;
  return i === p.length;
}

const STAR = 42;
const QUESTION = 63;
