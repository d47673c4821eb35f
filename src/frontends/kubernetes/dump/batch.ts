/**
 * One batch of a kubectl dump: a run of whole list items (YAML `- ` entries at column 0, or JSON
 * objects at a fixed indentation). Reads it item by item with the subset parsers for kubectl's YAML
 * and indented JSON (prune rules of prune.ts), which also find where each item ends; an item outside
 * them goes to the general loader or `JSON.parse`. Each object is lowered to its compact entity at
 * once. Runs in a worker thread or in-thread; lines in the result are relative to the batch (1 = the
 * batch's first line) and shifted by the caller.
 */
import { isAscii } from 'node:buffer';
import { DiagnosticSink, type Diagnostic } from '../../../core/diagnostics.js';
import { isObject } from '../../../core/guards.js';
import { loadText } from '../../../load/load-file.js';
import type { Entity } from '../../../model/entity.js';
import { flattenDocument, isListObject } from '../flatten.js';
import { lowerObject } from '../lower-object.js';
import { parseJsonItem } from './json-lines.js';
import { ITEM_PRUNE } from './prune.js';
import { readYamlItem, SubsetError } from './yaml-subset.js';

export type DumpSyntax = 'yaml' | 'json';

export interface BatchInput {
  readonly syntax: DumpSyntax;
  readonly bytes: Uint8Array;
  readonly file: string;
  /** JSON: column of the items' braces. */
  readonly indent: number;
}

export interface BatchResult {
  entities: Entity[];
  diagnostics: Diagnostic[];
  /** Line breaks in the batch (the next batch starts that many lines later). */
  newlines: number;
  objects: number;
  /** Items that left the fast path and went through the general loader. */
  fallbacks: number;
  /** Text after the last item (top-level keys after `items`), with the relative line it starts on. */
  trailer?: { text: string; line: number };
  /** Set when the batch is not a dump this reader understands; the whole file then goes to the general loader. */
  fail?: string;
}

export function processBatch(input: BatchInput): BatchResult {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  // ASCII text (the usual dump) is decoded as latin1, a plain copy; kept values are then decoded
  // from the bytes (see LineCursor).
  let ascii = isAscii(bytes) ? bytes : undefined;
  let text = bytes.toString(ascii ? 'latin1' : 'utf8');
  const collector = new Collector(input.file);
  if (input.syntax === 'yaml') {
    // CRLF → LF keeps line numbers; a lone CR (old Mac line break) sends items to the general loader.
    if (text.includes('\r')) {
      text = text.replace(/\r\n/g, '\n');
      ascii = undefined;
    }
    yamlItems(text, collector, ascii);
  } else {
    jsonItems(text, input.indent, collector, ascii);
  }
  return collector.result;
}

class Collector {
  readonly sink = new DiagnosticSink();
  readonly result: BatchResult = { entities: [], diagnostics: this.sink.items, newlines: 0, objects: 0, fallbacks: 0 };

  constructor(readonly file: string) {}

  add(value: unknown, line: number): void {
    this.result.objects++;
    const e = lowerObject(value, this.file, line, this.sink);
    if (e) this.result.entities.push(e);
  }

  /** An item the fast path cannot take: the general loader, with its lines shifted to the batch. */
  general(itemText: string, line: number): void {
    this.result.fallbacks++;
    const local = new DiagnosticSink();
    for (const doc of loadText(itemText, this.file, local)) {
      for (const o of flattenDocument(doc)) this.add(o.value, o.line + line - 1);
    }
    for (const d of local.items) this.sink.report(d.line === undefined ? { ...d, line } : { ...d, line: d.line + line - 1 });
  }
}

function yamlItems(text: string, out: Collector, ascii: Buffer | undefined): void {
  let pos = 0;
  let line = 1;
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 10) {
      pos++;
      line++;
      continue;
    }
    const next = text.charCodeAt(pos + 1);
    if (c !== 45 || !(next === 32 || next === 10 || pos + 1 >= n)) {
      out.result.trailer = { text: text.slice(pos), line };
      out.result.newlines = line - 1 + countNewlines(text, pos, n);
      return;
    }
    const start = pos;
    let item: { value: unknown; next: number };
    try {
      // The parser finds where the item ends (the next line at column 0).
      item = readYamlItem(text, start, n, ITEM_PRUNE, ascii);
    } catch (err) {
      if (!(err instanceof SubsetError)) throw err;
      const end = itemEnd(text, start);
      out.general(' ' + text.slice(start + 1, end), line);
      line += countNewlines(text, start, end);
      pos = end;
      continue;
    }
    const end = item.next;
    if (isListObject(item.value)) out.general(' ' + text.slice(start + 1, end), line);
    else out.add(item.value, line);
    line += countNewlines(text, start, end);
    pos = end;
  }
  out.result.newlines = line - 1;
}

/** End of the YAML item at `start`: the next line that starts at column 0 with something other than a space. */
function itemEnd(text: string, start: number): number {
  const n = text.length;
  for (let i = text.indexOf('\n', start); i >= 0; i = text.indexOf('\n', i + 1)) {
    const d = text.charCodeAt(i + 1);
    if (d !== 32 && d !== 10 && i + 1 < n) return i + 1;
  }
  return n;
}

function jsonItems(text: string, indent: number, out: Collector, ascii: Buffer | undefined): void {
  const close = '\n' + ' '.repeat(indent) + '}';
  let pos = 0;
  let line = 1;
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 10) line++;
    if (c === 10 || c === 32 || c === 13 || c === 9 || c === 44) {
      pos++;
      continue;
    }
    if (c === 93) {
      out.result.trailer = { text: text.slice(pos), line };
      out.result.newlines = line - 1 + countNewlines(text, pos, n);
      return;
    }
    if (c !== 123) {
      out.result.fail = `unexpected character at line ${line} of a batch`;
      return;
    }
    const startLine = line;
    const start = pos;
    let end: number;
    let next: number;
    let value: unknown;
    try {
      const item = parseJsonItem(text, start, n, indent, ITEM_PRUNE, ascii);
      value = item.value;
      end = item.end;
      next = item.next;
      line += item.newlines;
    } catch (err) {
      if (!(err instanceof SubsetError)) throw err;
      // Outside what the line reader takes (one-line items, odd indentation): JSON.parse, unpruned.
      const at = text.indexOf(close, pos);
      if (at < 0) {
        out.result.fail = 'item end not found';
        return;
      }
      end = next = at + close.length;
      line += countNewlines(text, start, end);
      try {
        value = JSON.parse(text.slice(start, end));
      } catch (parseErr) {
        pos = next;
        out.sink.error('json/parse', out.file, startLine, `list item is not valid JSON: ${parseErr instanceof Error ? parseErr.message : String(parseErr)}`);
        continue;
      }
    }
    pos = next;
    if (isListObject(value) || !isObject(value)) out.general(text.slice(start, end), startLine);
    else out.add(value, startLine);
  }
  out.result.newlines = line - 1;
}

export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
