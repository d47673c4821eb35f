/**
 * A reader for the JSON that kubectl writes (`-o json`, Go's indented encoder): one member or array
 * element per line, a nested value opening at the end of its line and closing on a line of its own
 * at the opener's indentation. A JSON string cannot hold a raw line break, so the lines are the
 * structure: a pruned value is skipped by jumping over the lines indented deeper than its opener,
 * without parsing them, which `JSON.parse` cannot do.
 *
 * What it reads it checks as strictly as `JSON.parse` (commas, quotes, scalars through `JSON.parse`
 * when not a plain string); anything else — two members on one line, odd indentation, CR line
 * breaks — throws `SubsetError` and the caller parses the item with `JSON.parse`.
 */
import { allSpaces, DQUOTE as QUOTE, LineCursor, NL, rememberKey, SPACE } from './line-cursor.js';
import { setOwn } from '../../../core/guards.js';
import { kindPrune, entryPrune, subPrune, type ItemPrune, type Prune } from './prune.js';
import { bail } from './yaml-scalars.js';

const COMMA = 44;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

type Obj = Record<string, unknown>;

class JsonLineParser extends LineCursor {
  /** Whether the value just read ended its line with a comma. */
  private comma = false;
  /** Lines consumed so far (the caller needs the line of the next item). */
  lines = 0;
  /** Just after the last closing bracket read. */
  closed = 0;

  /** The members of an object whose `{` ended a line indented `indent`; `pos` is at the next line. */
  parseObject(indent: number, prune: Prune | undefined, item?: ItemPrune): Obj {
    const obj: Obj = {};
    this.enter();
    for (let column = 0; ; ) {
      const i = this.nextEntry(indent, CLOSE_BRACE, column);
      if (i < 0) {
        this.depth--;
        return obj;
      }
      column = i - this.lineStart;
      if (this.s.charCodeAt(i) !== QUOTE) bail('expected a member');
      const key = this.readKey(i, this.lineEnd);
      const after = this.keyEnd + 3;
      const sub = subPrune(prune, key);
      if (sub === true) {
        this.skipValue(after, this.lineEnd, column);
        continue;
      }
      const value = this.parseValue(after, this.lineEnd, column, sub);
      if (Object.hasOwn(obj, key)) bail('duplicate key');
      setOwn(obj, key, value);
      if (item && key === 'kind') prune = kindPrune(item, obj['apiVersion'], value) ?? prune;
    }
  }

  private parseArray(indent: number, prune: Prune | undefined): unknown[] {
    const arr: unknown[] = [];
    this.enter();
    for (let column = 0; ; ) {
      const i = this.nextEntry(indent, CLOSE_BRACKET, column);
      if (i < 0) {
        this.depth--;
        return arr;
      }
      column = i - this.lineStart;
      arr.push(this.parseValue(i, this.lineEnd, column, prune));
    }
  }

  /** Start and end of the line `nextEntry` looked at. */
  private lineStart = 0;
  private lineEnd = 0;

  /**
   * The next line inside a collection opened on a line indented `indent`: the index of its first
   * character, or -1 when it is the collection's `closer` (which is then consumed). `column`: where
   * the collection's previous entry started (0 before the first). Siblings share their indentation
   * and the closer sits at the opener's, so both are tried first: a line whose text starts at one
   * of those columns is taken once its indentation is checked to be all spaces.
   */
  private nextEntry(indent: number, closer: number, column: number): number {
    const s = this.s;
    const ls = this.pos;
    if (ls >= this.end) bail('unterminated collection');
    const le = this.eol(ls);
    let i = ls + column;
    if (s.charCodeAt(ls + indent) === closer && le - (ls + indent) <= 2 && allSpaces(s, ls, ls + indent)) {
      this.close(ls + indent, le, ls + indent, column === 0);
      return -1;
    }
    if (column === 0 || i >= le || s.charCodeAt(i) === SPACE || !allSpaces(s, ls, i)) {
      i = ls;
      while (s.charCodeAt(i) === SPACE) i++;
      if (s.charCodeAt(i) === closer) {
        this.close(i, le, ls + indent, column === 0);
        return -1;
      }
      if (i - ls <= indent) bail('expected an entry');
    }
    if (column !== 0 && !this.comma) bail('missing comma');
    this.lineStart = ls;
    this.lineEnd = le;
    return i;
  }

  /** A closing `}`/`]` at `i` (expected at `at`): nothing but an optional comma may follow. */
  private close(i: number, le: number, at: number, empty: boolean): void {
    if (i !== at) bail('closing bracket at another indentation');
    if (!empty && this.comma) bail('trailing comma');
    this.closed = i + 1;
    this.comma = this.lineRest(i + 1, le);
    this.pos = le + 1;
    this.lines++;
  }

  /** True for a `,` ending the line at `i`, false for nothing; anything else leaves the subset. */
  private lineRest(i: number, le: number): boolean {
    if (i === le) return false;
    if (i === le - 1 && this.s.charCodeAt(i) === COMMA) return true;
    return bail('text after a value');
  }

  /** Index of the last key's closing quote (set by `readKey`). */
  private keyEnd = 0;

  /** The key whose opening quote is at `i`, followed by `": `. */
  private readKey(i: number, le: number): string {
    const s = this.s;
    const close = s.indexOf('"', i + 1);
    if (close < 0 || close >= le) bail('unterminated key');
    if (s.charCodeAt(close + 1) === 58 && s.charCodeAt(close + 2) === SPACE && s.charCodeAt(close - 1) !== BACKSLASH) {
      this.keyEnd = close;
      // Known keys are plain names: a hit is the exact key.
      const known = this.knownKey(i + 1, close);
      if (known !== undefined) return known;
      const raw = s.slice(i + 1, close);
      if (!raw.includes('\\')) {
        rememberKey(raw);
        return raw;
      }
    }
    // A key with escapes: JSON.parse decodes it.
    const end = closingQuote(s, i, le);
    if (s.charCodeAt(end + 1) !== 58 || s.charCodeAt(end + 2) !== SPACE) bail('expected `": ` after a key');
    this.keyEnd = end;
    const key = scalar(s.slice(i, end + 1));
    return typeof key === 'string' ? key : bail('key is not a string');
  }

  /** The value that starts at `q` on a line ending at `le` and indented `indent`. */
  private parseValue(q: number, le: number, indent: number, prune: Prune | undefined): unknown {
    const s = this.s;
    const c = s.charCodeAt(q);
    this.lines++;
    if ((c === OPEN_BRACE || c === OPEN_BRACKET) && q === le - 1) {
      this.pos = le + 1;
      return c === OPEN_BRACE ? this.parseObject(indent, prune) : this.parseArray(indent, entryPrune(prune));
    }
    this.comma = s.charCodeAt(le - 1) === COMMA;
    const te = this.comma ? le - 1 : le;
    this.pos = le + 1;
    if (c === QUOTE && s.indexOf('"', q + 1) === te - 1) {
      // A string without escapes is the text between its quotes; anything else is JSON.parse's.
      const text = this.copy(q + 1, te - 1);
      if (!text.includes('\\')) return text;
    }
    if (te - q === 2 && (c === OPEN_BRACE || c === OPEN_BRACKET)) {
      const d = s.charCodeAt(q + 1);
      if (c === OPEN_BRACE && d === CLOSE_BRACE) return {};
      if (c === OPEN_BRACKET && d === CLOSE_BRACKET) return [];
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) bail('collection on one line');
    return scalar(s.slice(q, te));
  }

  /** Skips the value at `q` (line ending at `le`, indented `indent`) without reading it. */
  private skipValue(q: number, le: number, indent: number): void {
    const s = this.s;
    const c = s.charCodeAt(q);
    this.lines++;
    if ((c !== OPEN_BRACE && c !== OPEN_BRACKET) || q !== le - 1) {
      this.comma = s.charCodeAt(le - 1) === COMMA;
      this.pos = le + 1;
      return;
    }
    // Every line up to the closer is indented deeper than the opener's line: only the column of the
    // opener's indentation is looked at (a skipped value is not checked, only jumped over).
    let ls = le + 1;
    let lines = 0;
    while (ls < this.end && s.charCodeAt(ls + indent) === SPACE) {
      ls = this.eol(ls) + 1;
      lines++;
    }
    this.lines += lines + 1;
    if (ls >= this.end) bail('unterminated value');
    const le2 = this.eol(ls);
    const closer = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
    if (s.charCodeAt(ls + indent) !== closer || !allSpaces(s, ls, ls + indent)) bail('unexpected line in a skipped value');
    this.comma = this.lineRest(ls + indent + 1, le2);
    this.pos = le2 + 1;
  }
}

/** The closing quote of the string opened at `i`, skipping escapes. */
function closingQuote(s: string, i: number, le: number): number {
  for (let k = i + 1; k < le; k++) {
    const c = s.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === QUOTE) return k;
  }
  return bail('unterminated string');
}

function scalar(token: string): unknown {
  try {
    return JSON.parse(token);
  } catch {
    return bail('not a JSON scalar');
  }
}

/**
 * Parses one item of a kubectl JSON list: the object whose `{` is at `start` (at column `indent`,
 * alone on its line), within `src` up to `end`. Returns the value, where its closing `}` ends
 * (`end`), where the text after that line starts (`next`) and the line breaks before `next`.
 * `bytes`: the text's bytes if it is all ASCII (see `LineCursor`). Throws `SubsetError` outside the subset.
 */
export function parseJsonItem(
  src: string,
  start: number,
  end: number,
  indent: number,
  prune?: ItemPrune,
  bytes?: Buffer,
): { value: unknown; end: number; next: number; newlines: number } {
  if (src.charCodeAt(start + 1) !== NL || start + 1 >= end) bail('item opens and closes on one line');
  const p = new JsonLineParser(src, start + 2, end, bytes);
  const value = p.parseObject(indent, prune?.generic, prune);
  // Every line read ends with a line break, except a last one that ends at `end`.
  const next = Math.min(p.pos, end);
  return { value, end: p.closed, next, newlines: 1 + p.lines - (p.pos > end ? 1 : 0) };
}
