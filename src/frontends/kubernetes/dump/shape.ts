/**
 * Recognises a kubectl list dump from its first bytes: YAML with `items:` at column 0 directly
 * followed by `- ` entries (go-yaml style), or pretty-printed JSON whose `"items": [` is followed by
 * an object on its own line (kubectl indents by 4). Anything else goes to the general loader.
 */
import type { DumpSyntax } from './batch.js';
import { depthAt } from './json-brackets.js';

export interface DumpShape {
  readonly syntax: DumpSyntax;
  /** Index (in the head string, BOM removed) where the first item starts: a line start. */
  readonly itemStart: number;
  /** JSON: column of the items' opening braces. */
  readonly indent: number;
}

const YAML_ITEMS = /^items:[ \t]*\r?\n(?=-[ \r\n])/m;
const JSON_ITEMS = /"items"\s*:\s*\[[ \t]*\r?\n([ \t]*)\{[ \t]*\r?\n/;

export function detectDump(head: string): DumpShape | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const first = /\S/.exec(text)?.[0];
  if (first === '{') {
    const m = JSON_ITEMS.exec(text);
    // The list's own `items`, not one nested in `metadata` or an annotation's object.
    if (!m || m[1]?.includes('\t') || depthAt(text, m.index) !== 1) return undefined;
    const brace = m.index + m[0].indexOf('{');
    const lineStart = text.lastIndexOf('\n', brace) + 1;
    return { syntax: 'json', itemStart: lineStart, indent: brace - lineStart };
  }
  if (first === '[' || first === undefined) return undefined;
  const m = YAML_ITEMS.exec(text);
  if (!m) return undefined;
  // Only top-level keys, document markers and comments may come before `items:`; an indented
  // `items:` would not match `^items` anyway.
  return { syntax: 'yaml', itemStart: m.index + m[0].length, indent: 0 };
}
