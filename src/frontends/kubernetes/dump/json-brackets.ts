/**
 * Bracket depth in JSON text, strings skipped (a backslash escapes the next character). Brackets
 * are counted without checking that they pair up: JSON.parse checks what is then parsed.
 */

/** The depth at `to` of a scan from `from` (at depth 0); with `untilClosed`, just after the bracket that brings it back to 0 (-1 if none). */
function scan(text: string, from: number, to: number, untilClosed: boolean): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < to && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) {
      depth++;
    } else if ((c === 125 || c === 93) && --depth === 0 && untilClosed) {
      return i + 1;
    }
  }
  return untilClosed ? -1 : depth;
}

/** Just after the bracket that closes the one at `start`, or -1 if the text ends first. */
export function closingBracket(text: string, start: number): number {
  return scan(text, start, text.length, true);
}

/** How many objects and arrays are open at `index`. */
export function depthAt(text: string, index: number): number {
  return scan(text, 0, index, false);
}
