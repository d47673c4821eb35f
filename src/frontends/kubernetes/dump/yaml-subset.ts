/**
 * A parser for the YAML that kubectl writes (go-yaml v2 block style): block mappings and sequences
 * (sequences may sit at their key's column), plain scalars (also folded over several lines),
 * single/double-quoted scalars, literal block scalars and empty flow collections. It is ~10× faster
 * than a general YAML parser because it does not build an AST or track positions.
 *
 * Anything outside that subset (anchors, tags, flow collections, comments, folded `>` scalars,
 * numeric forms where libraries disagree) throws `SubsetError`; the caller then parses the item
 * with the general loader. Input must use `\n` line breaks (the caller normalises CRLF).
 *
 * `prune` names keys whose values the model never needs (`metadata.managedFields`…): they are
 * skipped at the text level without being parsed.
 */
import { allSpaces, DQUOTE, LineCursor, NL, rememberKey, SPACE } from './line-cursor.js';
import { setOwn } from '../../../core/guards.js';
import { entryPrune, kindPrune, subPrune, type ItemPrune, type Prune } from './prune.js';
import { checkPlain, isIndicator, isSep } from './yaml-lexical.js';
import { bail, decodeDoubleQuoted, decodeSingleQuoted, foldPlainLines, resolvePlain } from './yaml-scalars.js';

export { SubsetError } from './yaml-scalars.js';

const DASH = 45;
const COLON = 58;
const SQUOTE = 39;

type Obj = Record<string, unknown>;

class Parser extends LineCursor {
  /** Blank lines skipped by the last `peekIndent`. */
  blanks = 0;
  /** Line breaks passed since the start (the item's line count, without a second scan). */
  lines = 0;

  /** Memo of the last `peekIndent` (a plain scalar peeks for continuation lines, then its parent peeks again). */
  private memoFrom = -1;
  private memoTo = -1;
  private memoIndent = -1;
  private memoBlanks = 0;

  /** Skips blank lines from `pos`; returns the indent of the next content line, or -1 at the end. */
  peekIndent(): number {
    if (this.pos === this.memoFrom) {
      this.pos = this.memoTo;
      this.blanks = this.memoBlanks;
      this.lines += this.blanks;
      return this.memoIndent;
    }
    const from = this.pos;
    const ind = this.scanIndent();
    this.memoFrom = from;
    this.memoTo = this.pos;
    this.memoIndent = ind;
    this.memoBlanks = this.blanks;
    this.lines += this.blanks;
    return ind;
  }

  /** Moves to the start of the line after the one ending at `e` (its `\n`, or `end`). */
  private nextLine(e: number): void {
    if (e < this.end) {
      this.pos = e + 1;
      this.lines++;
    } else {
      this.pos = this.end;
    }
  }

  private scanIndent(): number {
    const s = this.s;
    this.blanks = 0;
    for (;;) {
      if (this.pos >= this.end) return -1;
      let i = this.pos;
      while (i < this.end && s.charCodeAt(i) === SPACE) i++;
      if (i >= this.end) {
        this.pos = this.end;
        return -1;
      }
      const c = s.charCodeAt(i);
      if (c === NL) {
        this.pos = i + 1;
        this.blanks++;
        continue;
      }
      if (c === 35) bail('comment');
      if (c === 9 || c === 13) bail('tab or carriage return in indentation');
      return i - this.pos;
    }
  }

  private isDashEntry(p: number): boolean {
    if (this.s.charCodeAt(p) !== DASH) return false;
    const n = this.s.charCodeAt(p + 1);
    return n === SPACE || n === NL || p + 1 >= this.end;
  }

  /** Parses the block node whose first line starts at `pos` with indent `col`. */
  parseBlock(col: number, prune: Prune | undefined): unknown {
    const p = this.pos + col;
    return this.isDashEntry(p) ? this.parseSeq(col, p, entryPrune(prune)) : this.parseMap(col, p, prune);
  }

  /** `item`: this is a list item's root mapping, whose prune rule may change at its `kind`. */
  parseMap(col: number, first: number, prune: Prune | undefined, item?: ItemPrune): Obj {
    const obj: Obj = {};
    let p = first;
    this.enter();
    for (;;) {
      const key = this.readKey(p);
      const after = this.afterKey;
      if (obj[key] !== undefined && (key !== '__proto__' || Object.prototype.hasOwnProperty.call(obj, key))) bail('duplicate key');
      const sub = subPrune(prune, key);
      const value = sub === true ? this.skipValue(col, after) : this.parseMapValue(col, after, sub);
      if (sub !== true) {
        setOwn(obj, key, value);
        if (item && key === 'kind') prune = kindPrune(item, obj['apiVersion'], value) ?? prune;
      }
      const ind = this.peekIndent();
      if (ind !== col) {
        if (ind > col) bail('unexpected indentation');
        this.depth--;
        return obj;
      }
      p = this.pos + col;
      if (this.isDashEntry(p)) bail('sequence entry inside a mapping');
    }
  }

  /** The value after `key:` (position `after` is just past the colon). */
  private parseMapValue(col: number, after: number, prune: Prune | undefined): unknown {
    const s = this.s;
    let q = after;
    while (s.charCodeAt(q) === SPACE) q++;
    if (q >= this.end || s.charCodeAt(q) === NL) {
      this.nextLine(q);
      const ind = this.peekIndent();
      if (ind > col) return this.parseBlock(ind, prune);
      if (ind === col && this.isDashEntry(this.pos + col)) return this.parseSeq(col, this.pos + col, entryPrune(prune));
      return null;
    }
    return this.parseInline(q, col, true);
  }

  /** Skips a value without parsing it: every following line more indented than `col`, or a same-column sequence. */
  private skipValue(col: number, after: number): undefined {
    const s = this.s;
    let q = after;
    while (s.charCodeAt(q) === SPACE) q++;
    const inline = q < this.end && s.charCodeAt(q) !== NL;
    this.nextLine(this.eol(q));
    let first = true;
    let seqAtCol = false;
    for (;;) {
      // Lines indented deeper than `col` belong to the value: jump over them without looking inside.
      while (this.pos < this.end && indentedPast(s, this.pos, col)) this.nextLine(this.eol(this.pos));
      const ind = this.peekIndent();
      if (ind < 0) return undefined;
      const dash: boolean = ind === col && !inline && (first || seqAtCol) && this.isDashEntry(this.pos + col);
      if (ind <= col && !dash) return undefined;
      seqAtCol ||= dash;
      first = false;
      this.nextLine(this.eol(this.pos));
    }
  }

  parseSeq(col: number, first: number, prune: Prune | undefined): unknown[] {
    const arr: unknown[] = [];
    let p = first;
    this.enter();
    for (;;) {
      arr.push(this.parseSeqEntry(col, p, prune));
      const ind = this.peekIndent();
      if (ind > col) bail('unexpected indentation');
      p = this.pos + col;
      if (ind !== col || !this.isDashEntry(p)) {
        this.depth--;
        return arr;
      }
    }
  }

  /** One `- …` entry whose dash is at `p` (column `col`). */
  parseSeqEntry(col: number, p: number, prune?: Prune, item?: ItemPrune): unknown {
    const s = this.s;
    let r = p + 1;
    while (s.charCodeAt(r) === SPACE) r++;
    if (r >= this.end || s.charCodeAt(r) === NL) {
      this.nextLine(r);
      const ind = this.peekIndent();
      return ind > col ? this.parseBlock(ind, undefined) : null;
    }
    if (this.isDashEntry(r)) bail('nested sequence on one line');
    const lineStart = p - col;
    if (this.keyEnd(r) >= 0) return this.parseMap(r - lineStart, r, prune, item);
    return this.parseInline(r, col, false);
  }

  /**
   * If a mapping key starts at `p`, the index of its `:`; else -1. Plain keys end at `: ` or `:` at
   * the end of the line; quoted keys at their closing quote followed by `:`.
   */
  private keyEnd(p: number): number {
    const s = this.s;
    const c = s.charCodeAt(p);
    const le = this.eol(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.closingQuote(p, le);
      return close >= 0 && s.charCodeAt(close + 1) === COLON && isSep(s.charCodeAt(close + 2), close + 2 >= le) ? close + 1 : -1;
    }
    let i = s.indexOf(':', p);
    while (i >= 0 && i < le) {
      if (isSep(s.charCodeAt(i + 1), i + 1 >= le)) return i;
      i = s.indexOf(':', i + 1);
    }
    return -1;
  }

  /** Index of the closing quote of a one-line quoted scalar starting at `p`, or -1. */
  private closingQuote(p: number, le: number): number {
    const s = this.s;
    const q = s.charCodeAt(p);
    for (let i = p + 1; i < le; i++) {
      const c = s.charCodeAt(i);
      if (q === DQUOTE && c === 92) {
        i++;
        continue;
      }
      if (c === q) {
        if (q === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) {
          i++;
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  /** Just past the colon of the last key read by `readKey`. */
  private afterKey = 0;

  private readKey(p: number): string {
    const s = this.s;
    const c = s.charCodeAt(p);
    const colon = this.keyEnd(p);
    if (colon < 0) bail('expected a mapping key');
    this.afterKey = colon + 1;
    if (c === DQUOTE) return decodeDoubleQuoted(s.slice(p + 1, colon - 1));
    if (c === SQUOTE) return decodeSingleQuoted(s.slice(p + 1, colon - 1));
    if (isIndicator(c) || c === DASH || c === 63) bail('special character at the start of a key');
    const known = this.knownKey(p, colon);
    if (known !== undefined) return known;
    const text = s.slice(p, colon).trimEnd();
    if (text === '' || text.includes(' #')) bail('empty key or comment');
    // Found again by its text up to the colon: only a key without trailing spaces can be.
    if (text.length === colon - p) rememberKey(text);
    // A merge key merges (the general loader does that); a null key is '' there, not 'null'.
    if (text === '<<') bail('merge key');
    const resolved = resolvePlain(text);
    if (typeof resolved === 'string') return resolved;
    if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
    return bail('null key');
  }

  /**
   * A scalar that starts on the current line at `q`. `n` is the parent's indentation: continuation
   * lines must be deeper. `inMap` allows block-scalar indentation indicators (relative to the key).
   */
  private parseInline(q: number, n: number, inMap: boolean): unknown {
    const s = this.s;
    const c = s.charCodeAt(q);
    if (c === DQUOTE || c === SQUOTE) return this.parseQuoted(q);
    if (c === 124) return this.parseLiteral(q, n, inMap);
    if (c === 91 || c === 123) {
      const le = this.eol(q);
      const text = s.slice(q, le).trimEnd();
      this.nextLine(le);
      if (text === '[]') return [];
      if (text === '{}') return {};
      bail('flow collection');
    }
    if (isIndicator(c) || c === 62 || c === 63) bail('indicator character');
    const le = this.eol(q);
    let fe = le;
    while (fe > q && s.charCodeAt(fe - 1) === SPACE) fe--;
    const first = this.copy(q, fe);
    checkPlain(first);
    this.nextLine(le);
    let lines: string[] | undefined;
    for (;;) {
      const save = this.pos;
      const ind = this.peekIndent();
      if (ind <= n) {
        // Not a continuation: the blank lines peeked over belong to what follows.
        this.pos = save;
        this.lines -= this.blanks;
        break;
      }
      const ls = this.pos + ind;
      const e = this.eol(ls);
      const text = s.slice(ls, e).trimEnd();
      if (this.isDashEntry(ls)) bail('dash in a plain continuation line');
      checkPlain(text);
      lines ??= [first];
      for (let k = 0; k < this.blanks; k++) lines.push('');
      lines.push(text);
      this.nextLine(e);
    }
    return lines ? foldPlainLines(lines) : resolvePlain(first);
  }

  /** A single- or double-quoted scalar, possibly over several lines. */
  private parseQuoted(q: number): string {
    const s = this.s;
    const quote = s.charCodeAt(q);
    let i = q + 1;
    for (;;) {
      if (i >= this.end) bail('unterminated quoted scalar');
      const c = s.charCodeAt(i);
      if (c === NL) this.quotedLineBreak(i);
      if (quote === DQUOTE && c === 92) {
        // An escaped line break (go-yaml folds long double-quoted strings so) is still a line break.
        if (s.charCodeAt(i + 1) === NL) this.quotedLineBreak(i + 1);
        i += 2;
        continue;
      }
      if (c === quote) {
        if (quote === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    const body = this.copy(q + 1, i);
    const le = this.eol(i);
    if (s.slice(i + 1, le).trim() !== '') bail('text after a quoted scalar');
    this.nextLine(le);
    if (body.includes('\t') || body.includes('\r')) bail('tab in a quoted scalar');
    return quote === DQUOTE ? decodeDoubleQuoted(body) : decodeSingleQuoted(body);
  }

  /** A line break at `i` inside a quoted scalar: counted; the next line must not start at column 0. */
  private quotedLineBreak(i: number): void {
    // A line at column 0 is the next item (or the list's end), never a continuation.
    const next = this.s.charCodeAt(i + 1);
    if (i + 1 < this.end && next !== SPACE && next !== NL) bail('quoted scalar reaching column 0');
    this.lines++;
  }

  /** A literal block scalar (`|`, `|-`, `|+`, `|2`) whose parent is indented `n`. */
  private parseLiteral(q: number, n: number, inMap: boolean): string {
    const s = this.s;
    const le = this.eol(q);
    const header = s.slice(q + 1, le).trimEnd();
    const m = /^(?:([-+])([1-9])?|([1-9])([-+])?)?$/.exec(header);
    if (!m) bail('block scalar header');
    const chomp = m[1] ?? m[4] ?? '';
    const explicit = m[2] ?? m[3];
    if (explicit !== undefined && !inMap) bail('indentation indicator in a sequence entry');
    this.nextLine(le);
    let indent = explicit === undefined ? -1 : n + Number(explicit);
    if (indent < 0) {
      // Auto-detect: the first non-empty line; leading empty lines may not be longer than it.
      let maxBlank = 0;
      for (let j = this.pos; j < this.end; ) {
        const e = this.eol(j);
        let k = j;
        while (k < e && s.charCodeAt(k) === SPACE) k++;
        if (k < e) {
          indent = k - j;
          break;
        }
        maxBlank = Math.max(maxBlank, e - j);
        j = e + 1;
      }
      if (indent < 0 || indent <= n) indent = n + 1;
      if (maxBlank > indent) bail('leading empty line longer than the block indentation');
    }
    const lines: string[] = [];
    while (this.pos < this.end) {
      const i = this.pos;
      const e = this.eol(i);
      let k = i;
      while (k < e && k - i < indent && s.charCodeAt(k) === SPACE) k++;
      if (k - i >= indent) lines.push(this.copy(i + indent, e));
      else if (k === e) lines.push('');
      else break;
      this.nextLine(e);
    }
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const body = lines.slice(0, last).join('\n');
    if (body.includes('\r')) bail('carriage return in a block scalar');
    const trailing = lines.length - last;
    if (chomp === '-') return body;
    if (chomp === '+') return (last > 0 ? body + '\n' : '') + '\n'.repeat(trailing);
    return last > 0 ? body + '\n' : '';
  }
}

/** Whether the line at `ls` starts with more than `col` spaces (its column `col` is tested first). */
function indentedPast(s: string, ls: number, col: number): boolean {
  return s.charCodeAt(ls + col) === SPACE && allSpaces(s, ls, ls + col);
}

/**
 * Reads one item of a kubectl list: the `- ` entry at column 0 at `start`, up to the next line that
 * starts at column 0 (the next item, or what follows the list) or `limit`. Returns the value,
 * where that next line starts and the line breaks before it. `bytes`: the text's bytes if it is all ASCII (see `LineCursor`).
 * Throws `SubsetError` outside the subset, and for a column-0 line it cannot place (a comment).
 */
export function readYamlItem(src: string, start: number, limit: number, prune?: ItemPrune, bytes?: Buffer): { value: unknown; next: number; lines: number } {
  const p = new Parser(src, start, limit, bytes);
  const value = p.parseSeqEntry(0, start, prune?.generic, prune);
  if (p.peekIndent() > 0) bail('trailing content after the item');
  return { value, next: p.pos, lines: p.lines };
}

/** Parses a whole block document (root mapping or sequence). Used by tests and small inputs. */
export function parseYamlBlock(text: string): unknown {
  const p = new Parser(text, 0, text.length);
  const ind = p.peekIndent();
  if (ind < 0) return undefined; // an empty document, like js-yaml
  const value = p.parseBlock(ind, undefined);
  if (p.peekIndent() !== -1) bail('trailing content');
  return value;
}
