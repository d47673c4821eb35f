/** What both kubectl-dump parsers (YAML and JSON) share: a position in the text, read line by line. */
export abstract class LineCursor {
  /** Start of the next line to look at. */
  pos: number;

  constructor(
    protected readonly s: string,
    start: number,
    protected readonly end: number,
  ) {
    this.pos = start;
  }

  /** End of the line containing `i` (index of its `\n`, or `end`). */
  protected eol(i: number): number {
    const e = this.s.indexOf('\n', i);
    return e < 0 || e > this.end ? this.end : e;
  }
}

const SPACES: string[] = [];

/** `n` spaces (cached: skipping compares line starts with them). */
export function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}
