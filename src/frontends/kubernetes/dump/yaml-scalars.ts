/**
 * Scalars of the kubectl YAML subset: plain-scalar resolution with the YAML 1.2 core schema (what
 * the general loader uses) and double/single-quoted string decoding. Anything outside the subset
 * throws `SubsetError`, so the caller falls back to the general parser instead of guessing.
 */

/** Thrown when the input leaves the subset this parser implements; never escapes the dump reader. */
export class SubsetError extends Error {}

export function bail(why: string): never {
  throw new SubsetError(why);
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Resolves a plain scalar: null, booleans, decimal numbers, .inf/.nan; everything else is a string. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Fast exit for the common case: a letter other than n/N/t/T/f/F cannot start a non-string.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (c === 110 || c === 78) return text === 'null' || text === 'Null' || text === 'NULL' ? null : text;
    if (c === 116 || c === 84) return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
    if (c === 102 || c === 70) return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
    return text;
  }
  if (text === '' || text === '~') return null;
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (INT.test(text)) {
      const n = Number(text);
      // Huge integers are where YAML libraries disagree (bigint, float, string): leave them to the general parser.
      if (!Number.isSafeInteger(n)) bail('integer outside the safe range');
      return n;
    }
    if (FLOAT.test(text)) return Number(text);
    if (/^0x[0-9a-fA-F]+$/.test(text)) return checkedInt(text.slice(2), 16);
    if (/^0o[0-7]+$/.test(text)) return checkedInt(text.slice(2), 8);
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
    if (/^[-+]?0[xXoObB][0-9a-fA-F_]*$/.test(text)) bail('numeric form outside the subset');
  }
  return text;
}

function checkedInt(digits: string, radix: number): number {
  const n = parseInt(digits, radix);
  if (!Number.isSafeInteger(n)) bail('integer outside the safe range');
  return n;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/**
 * Decodes a double-quoted scalar whose body (between the quotes) is `body`, possibly spanning lines
 * (line folding per YAML 1.2 §7.3.1).
 */
export function decodeDoubleQuoted(body: string): string {
  if (!body.includes('\\') && !body.includes('\n')) return body;
  let out = '';
  // Length of `out` up to the end of the last escape: a fold trims raw white space, never an escaped `\t` or `\ `.
  let escaped = 0;
  let i = 0;
  const n = body.length;
  while (i < n) {
    const ch = body.charCodeAt(i);
    if (ch === 92) {
      const e = body[i + 1];
      if (e === undefined) bail('dangling escape');
      if (e === '\n') {
        // Escaped line break: no space, and the next line's leading white space is dropped.
        i += 2;
        while (i < n && (body.charCodeAt(i) === 32 || body.charCodeAt(i) === 9)) i++;
        // Empty lines after an escaped break: js-yaml and the general loader (`yaml`) disagree there.
        if (body.charCodeAt(i) === 10) bail('empty line after an escaped line break');
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        escaped = out.length;
        i += 2;
        continue;
      }
      const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (len === 0) bail(`unknown escape \\${e}`);
      const hex = body.slice(i + 2, i + 2 + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) bail('bad hex escape');
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) bail('escape outside Unicode scalar values');
      out += String.fromCodePoint(cp);
      escaped = out.length;
      i += 2 + len;
      continue;
    }
    if (ch === 10) {
      const folded = foldBreak(body, i, out, escaped);
      out = folded.out;
      i = folded.next;
      continue;
    }
    out += body[i];
    i++;
  }
  return out;
}

/** Decodes a single-quoted scalar body (`''` is a quote), folding line breaks like double quotes. */
export function decodeSingleQuoted(body: string): string {
  if (!body.includes('\n')) return body.replaceAll("''", "'");
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body.charCodeAt(i);
    if (ch === 39 && body.charCodeAt(i + 1) === 39) {
      out += "'";
      i += 2;
    } else if (ch === 10) {
      const folded = foldBreak(body, i, out, 0);
      out = folded.out;
      i = folded.next;
    } else {
      out += body[i];
      i++;
    }
  }
  return out;
}

/**
 * Flow line folding at the line break at `i`: trailing white space before it is dropped, one break
 * becomes a space, each further empty line becomes `\n`, and leading white space after it is dropped.
 * `before` is the text decoded so far; its first `kept` characters are never trimmed (white space
 * written as an escape, `\t` or `\ `, is content, not the line's trailing white space: YAML 1.2 §7.3.1).
 */
function foldBreak(body: string, i: number, before: string, kept: number): { out: string; next: number } {
  let end = before.length;
  while (end > kept && (before.charCodeAt(end - 1) === 32 || before.charCodeAt(end - 1) === 9)) end--;
  let out = end === before.length ? before : before.slice(0, end);
  let j = i + 1;
  let breaks = 0;
  for (;;) {
    while (j < body.length && (body.charCodeAt(j) === 32 || body.charCodeAt(j) === 9)) j++;
    if (body.charCodeAt(j) === 10) {
      breaks++;
      j++;
      continue;
    }
    break;
  }
  out += breaks === 0 ? ' ' : '\n'.repeat(breaks);
  return { out, next: j };
}

/** Folds the lines of a multi-line plain scalar (already trimmed) the same way. */
export function foldPlainLines(lines: readonly string[]): string {
  let out = lines[0] ?? '';
  let empties = 0;
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k] ?? '';
    if (l === '') {
      empties++;
      continue;
    }
    out += empties === 0 ? ' ' : '\n'.repeat(empties);
    out += l;
    empties = 0;
  }
  return out;
}
