/**
 * What both kubectl-dump parsers (YAML and JSON) share: a position in the text, read line by line,
 * and copies of the values they keep.
 */
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
   */
  protected copy(a: number, b: number): string {
    const n = b - a;
    if (n > MAX_SHARED_LENGTH || n === 0) return this.fresh(a, b);
    // Values repeat across a dump (node names, images, namespaces, owner names, label values): one
    // string per value, found by comparing the text in place, saves the copy and the model memory.
    const s = this.s;
    const slot = (n * 977 + s.charCodeAt(a) * 31 + s.charCodeAt(b - 1) * 7 + s.charCodeAt(a + (n >> 1)) * 3 + s.charCodeAt(a + (n >> 2))) & (SHARED_SLOTS - 1);
    const known = SHARED[slot];
    if (known !== undefined && known.length === n && s.startsWith(known, a)) return known;
    const value = this.fresh(a, b);
    SHARED[slot] = value;
    return value;
  }

  private fresh(a: number, b: number): string {
    if (b - a < MIN_SLICED_LENGTH) return this.s.slice(a, b);
    return this.bytes ? this.bytes.toString('latin1', a, b) : detach(this.s.slice(a, b));
  }

  /** End of the line containing `i` (index of its `\n`, or `end`). */
  protected eol(i: number): number {
    const e = this.s.indexOf('\n', i);
    return e < 0 || e > this.end ? this.end : e;
  }
}

/** Sets `obj[key]` as an own property: `__proto__` too, as JSON.parse and js-yaml do (never the prototype). */
export function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * The shared-value table of `copy`: direct-mapped, the last value seen in a slot keeps it. Values are
 * detached copies (see `copy`), so the table holds no batch text; its size bounds what it keeps.
 */
const SHARED_SLOTS = 1 << 16;
const MAX_SHARED_LENGTH = 96;
const SHARED: (string | undefined)[] = new Array<string | undefined>(SHARED_SLOTS).fill(undefined);

/** V8's shortest substring that is a view of its parent instead of a copy (`SlicedString::kMinLength`). */
const MIN_SLICED_LENGTH = 13;

/** A string with the same text as `s` that does not point into the string `s` was cut from. */
export function detach(s: string): string {
  // Slicing a concatenation flattens it into a new string first.
  return s.length < MIN_SLICED_LENGTH ? s : (' ' + s).slice(1);
}

const SPACES: string[] = [];

/** `n` spaces (cached: skipping compares line starts with them). */
export function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}
