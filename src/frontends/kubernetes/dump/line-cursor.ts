/**
 * What both kubectl-dump parsers (YAML and JSON) share: a position in the text, read line by line,
 * copies of the values they keep, the keys they have met, and a few character codes.
 */
import { TextTable } from './text-table.js';
import { MAX_DEPTH } from '../../../load/depth.js';
import { bail, resolvePlain } from './yaml-scalars.js';

export const NL = 10;
export const SPACE = 32;
export const DQUOTE = 34;

export abstract class LineCursor {
  /** Start of the next line to look at. */
  pos: number;

  /**
   * `bytes`: the text's own bytes when it is all ASCII (string and byte offsets then agree), so that
   * kept values can be decoded from them as independent strings.
   */
  constructor(
    protected readonly s: string,
    start: number,
    protected readonly end: number,
    private readonly bytes?: Buffer,
  ) {
    this.pos = start;
  }

  /**
   * The text from `a` to `b` as a string that does not point into `s`. V8 makes a substring of 13 or
   * more characters a view of its parent: a pod name kept in the model would keep the whole batch
   * text (megabytes) alive, and the model's memory would grow with the file instead of the model.
   * A value met before is the same string as then (node names, images, label values repeat).
   */
  protected copy(a: number, b: number): string {
    if (b - a > MAX_SHARED_LENGTH || b === a) return this.fresh(a, b);
    const known = VALUES.find(this.s, a, b);
    if (known !== undefined) return known;
    const value = this.fresh(a, b);
    VALUES.hold(value);
    return value;
  }

  private fresh(a: number, b: number): string {
    if (b - a < MIN_SLICED_LENGTH) return this.s.slice(a, b);
    return this.bytes ? this.bytes.toString('latin1', a, b) : detach(this.s.slice(a, b));
  }

  /** Collections open around the position: past MAX_DEPTH the item leaves the subset (bounded recursion). */
  protected depth = 0;

  /** Called as a collection opens; `depth` goes down again when it closes. */
  protected enter(): void {
    if (++this.depth > MAX_DEPTH) bail('nested too deeply');
  }

  /** The key met before whose text is `s[a…b)`, if any (see `rememberKey`). */
  protected knownKey(a: number, b: number): string | undefined {
    return KEYS.find(this.s, a, b);
  }

  /** End of the line containing `i` (index of its `\n`, or `end`). */
  protected eol(i: number): number {
    const e = this.s.indexOf('\n', i);
    return e < 0 || e > this.end ? this.end : e;
  }
}

/** Values longer than this are copied, never shared (few repeat, and they would crowd the table). */
const MAX_SHARED_LENGTH = 96;
/** Values (`copy`): the last one met keeps a slot. */
const VALUES = new TextTable(1 << 16, false);
/** Keys: the first one met keeps a slot, so odd keys cannot evict the common ones. */
const KEYS = new TextTable(1 << 12, true);

/** A plain name: what both readers take verbatim as a key. */
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_.\/-]*$/;

/**
 * Remembers a key read from the text (found again by `knownKey`). Only plain names that YAML also
 * reads as themselves are kept — not `True` or `NULL`, which YAML reads as `true` and `null`: both
 * readers share the table, and a hit must be the key either of them would read.
 */
export function rememberKey(key: string): void {
  if (PLAIN_KEY.test(key) && resolvePlain(key) === key) KEYS.hold(detach(key));
}

/** Whether `s[from…to)` is all spaces. */
export function allSpaces(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) !== SPACE) return false;
  return true;
}

/** V8's shortest substring that is a view of its parent instead of a copy (`SlicedString::kMinLength`). */
const MIN_SLICED_LENGTH = 13;

/** A string with the same text as `s` that does not point into the string `s` was cut from. */
export function detach(s: string): string {
  // Slicing a concatenation flattens it into a new string first.
  return s.length < MIN_SLICED_LENGTH ? s : (' ' + s).slice(1);
}
