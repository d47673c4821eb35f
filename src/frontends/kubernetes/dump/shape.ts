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
  // An indented `items:` would not match `^items` anyway.
  if (!m || !mappingHeader(text.slice(0, m.index))) return undefined;
  return { syntax: 'yaml', itemStart: m.index + m[0].length, indent: 0 };
}

/** A first content line that starts a block mapping: a plain or one-line quoted key at column 0. */
const KEY_LINE = /^(?:[^\s#|>[\]{}!&*?%@`'",-][^\r\n]*?|"[^"\\\r\n]*"|'[^'\r\n]*')[ \t]*:(?:[ \t]|\r?$)/;
const MARKER = /^(?:---|\.\.\.)(?:[ \t]|\r?$)/;
const BARE_START = /^---[ \t]*(?:#.*)?\r?$/;

/**
 * Whether the YAML text before the `items:` line leaves that line a key of the first document's
 * top-level block mapping: only comments, directives and one bare `---` before the first key, which
 * must start at column 0. Otherwise `items:` at column 0 may be text of a root scalar (`--- |`,
 * `--- >`, a multi-line quoted scalar) or in a later document than the list (`kind: List` and
 * `items: []`, then `--- |`), and the file is not claimed (stream.ts checks the same exactly, with
 * the general loader, once the items are read).
 */
function mappingHeader(before: string): boolean {
  let started = false;
  let content = false;
  for (const line of before.split('\n')) {
    const c = line.charCodeAt(0);
    if (/^[ \t]*(?:#|\r?$)/.test(line)) continue;
    if (c === 37 && !started) continue; // `%YAML`, `%TAG`: directives before the document
    if (MARKER.test(line)) {
      if (started || !BARE_START.test(line)) return false;
      started = true;
      continue;
    }
    if (!content && !KEY_LINE.test(line)) return false;
    started = content = true;
  }
  return true;
}
