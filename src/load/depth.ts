/**
 * Nesting limits. The parsers and every stage after them walk documents recursively; a document
 * nested thousands of levels deep (a few KB of `[[[…`) would overflow the stack, and inside the
 * `yaml` package that can even abort the process (V8 fails to compile a regular expression with
 * no stack left). Real files stay far below both limits: the deepest document of the corpus is 38
 * levels (a CRD's schema).
 */
import { Lexer } from 'yaml';

/** The deepest document archmap reads (objects and arrays inside each other). */
export const MAX_DEPTH = 200;

/**
 * What `nestingBound` may reach before a text is given to the YAML parser. It counts indentation
 * columns as levels (an upper bound: a level is at least one column), so it sits above MAX_DEPTH for
 * files indented by 4 or 8; the parser itself copes with ~800 levels.
 */
export const MAX_SCAN_DEPTH = 400;

/** Whether `value` has objects or arrays nested deeper than `limit` (walked without recursion). */
export function tooDeep(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (typeof top.value !== 'object' || top.value === null) continue;
    const depth = top.depth + 1;
    if (depth > limit) return true;
    for (const child of Object.values(top.value)) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
  }
  return false;
}

/**
 * The offset of the first place where YAML `text` may nest deeper than MAX_SCAN_DEPTH, or -1. From
 * the `yaml` lexer's tokens (which has no recursion): open flow collections (`[`, `{`, outside
 * quoted and block scalars) plus, as a bound on block nesting, the line's indentation and the `- `
 * and `? ` indicators before its content.
 */
export function nestingBound(text: string): number {
  if (!mayNestDeep(text)) return -1;
  let offset = 0;
  let flow = 0;
  let block = 0;
  let lineStart = true;
  let indicators = 0;
  for (const token of new Lexer().lex(text)) {
    // Control tokens (document start, scalar and flow-error marks) are not source text.
    const control = token.length === 1 && token < ' ' && token !== '\n' && token !== '\t';
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (token.startsWith('\n') || token.startsWith('\r\n')) {
      lineStart = true;
      block = 0;
      indicators = 0;
    } else if (lineStart && (token === '-' || token === '?')) {
      block++;
      indicators++;
    } else if (lineStart && /^ +$/.test(token)) {
      // Indentation counts column by column; the spaces after an indicator do not.
      if (indicators === 0) block += token.length;
    } else if (!control) lineStart = false;
    if (flow + block > MAX_SCAN_DEPTH) return offset;
    if (!control) offset += token.length;
  }
  return -1;
}

/**
 * A cheap test that rules out most texts: the bound can only pass the limit if the flow openers of
 * the whole text plus the longest run of spaces and `-`/`?` indicators that starts a line do.
 */
function mayNestDeep(text: string): boolean {
  let openers = 0;
  let prefix = 0;
  for (let i = 0, run = 0, leading = true; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      run = 0;
      leading = true;
    } else if (leading && (c === 32 || c === 45 || c === 63)) {
      if (++run > prefix) prefix = run;
    } else {
      leading = false;
      if (c === 91 || c === 123) openers++;
    }
  }
  return openers + prefix > MAX_SCAN_DEPTH;
}
