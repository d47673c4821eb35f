/**
 * One batch of a kubectl dump: a run of whole list items (YAML `- ` entries at column 0, or JSON
 * objects at a fixed indentation). Reads it item by item with the subset parsers for kubectl's YAML
 * and indented JSON (prune rules of prune.ts), which also find where each item ends; an item outside
 * them goes to the general loader or `JSON.parse`. Each object is lowered to its compact entity at
 * once. Runs in a worker thread or in-thread; lines in the result count from the batch's `firstLine`
 * (the absolute line when the caller knows it, else 1, and the caller shifts them).
 */
import { isAscii } from 'node:buffer';
import { DiagnosticSink, type Diagnostic } from '../../../core/diagnostics.js';
import { isObject } from '../../../core/guards.js';
import { countNewlines } from '../../../core/text.js';
import { loadText } from '../../../load/load-file.js';
import { MAX_DEPTH, tooDeep } from '../../../load/depth.js';
import { TOO_DEEP, UNRESOLVED_ALIAS } from '../../../load/load-yaml.js';
import { jsonErrorText } from '../../../load/parse-messages.js';
import type { Entity } from '../../../model/entity.js';
import { flattenDocument, isListObject } from '../flatten.js';
import { lowerObject } from '../lower-object.js';
import { closingBracket } from './json-brackets.js';
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
  /** Line number of the batch's first line: absolute when known (in-thread), else 1. */
  readonly firstLine: number;
  /** Whether the batch starts just after an item (every batch but the first): JSON needs a comma or the `]` next. */
  readonly afterItem: boolean;
}

export interface BatchResult {
  entities: Entity[];
  diagnostics: Diagnostic[];
  /** The input's `firstLine`: lines in this result count from it. */
  firstLine: number;
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
  const collector = new Collector(input.file, input.firstLine);
  const boundary = itemBoundary(input.syntax, input.indent);
  let line = input.firstLine;
  // The batch is decoded and read one window at a time: strings of a few pages are allocated in
  // V8's young generation, while one string per multi-MB batch goes to the large-object space,
  // whose fresh pages cost more than the decoding itself (latin1 of the 134 MB JSON dump: 70–420 ms
  // in 4 MiB strings, 13–27 ms in 64 KiB ones).
  for (let from = 0; from < bytes.length; ) {
    const to = windowEnd(bytes, from, boundary);
    const window = bytes.subarray(from, to);
    // ASCII text (the usual dump) is decoded as latin1, a plain copy; kept values are then decoded
    // from the bytes (see LineCursor).
    let ascii = isAscii(window) ? window : undefined;
    let text = window.toString(ascii ? 'latin1' : 'utf8');
    if (input.syntax === 'yaml') {
      // CRLF → LF keeps line numbers; a lone CR (old Mac line break) sends items to the general loader.
      if (text.includes('\r')) {
        text = text.replace(/\r\n/g, '\n');
        ascii = undefined;
      }
      line = yamlItems(text, line, collector, ascii);
    } else {
      // A window ends just after an item, so only the batch's first one may start before one.
      line = jsonItems(text, line, input.indent, collector, ascii, from > 0 || input.afterItem);
    }
    const { result } = collector;
    if (result.fail !== undefined) break;
    if (result.trailer) {
      // Text after the items (top-level keys, further documents) is taken whole by the caller.
      const rest = bytes.subarray(to).toString('utf8');
      result.trailer.text += rest;
      line += countNewlines(rest, 0, rest.length);
      break;
    }
    from = to;
  }
  collector.result.newlines = line - input.firstLine;
  return collector.result;
}

/** Bytes decoded and read at a time (a window ends at the first item boundary after this). */
const WINDOW_BYTES = 64 * 1024;

/** How items are told apart in the bytes: a YAML item starts with `- ` at column 0, a JSON item ends with `}` at its indentation. */
interface ItemBoundary {
  readonly pattern: string;
  /** Where the boundary is, from the pattern's index. */
  readonly offset: number;
}

export function itemBoundary(syntax: DumpSyntax, indent: number): ItemBoundary {
  if (syntax === 'yaml') return { pattern: '\n- ', offset: 1 };
  const pattern = '\n' + ' '.repeat(indent) + '}';
  return { pattern, offset: pattern.length };
}

/** End of the last whole item in `data` before `before`, or -1. */
export function lastBoundary(data: Buffer, boundary: ItemBoundary, before = data.length): number {
  // (A negative offset would count from the end of `data`.)
  if (before < boundary.pattern.length) return -1;
  const i = data.lastIndexOf(boundary.pattern, before - boundary.pattern.length);
  return i < 0 ? -1 : i + boundary.offset;
}

/** End of the window that starts at `from`: the last item boundary within WINDOW_BYTES, else the first after it. */
function windowEnd(bytes: Buffer, from: number, boundary: ItemBoundary): number {
  const limit = from + WINDOW_BYTES;
  if (limit >= bytes.length) return bytes.length;
  const last = lastBoundary(bytes, boundary, limit);
  if (last > from) return last;
  const i = bytes.indexOf(boundary.pattern, limit);
  return i < 0 ? bytes.length : i + boundary.offset;
}

class Collector {
  readonly sink = new DiagnosticSink();
  readonly result: BatchResult;

  constructor(
    readonly file: string,
    firstLine: number,
  ) {
    this.result = { entities: [], diagnostics: this.sink.items, firstLine, newlines: 0, objects: 0, fallbacks: 0 };
  }

  add(value: unknown, line: number): void {
    this.result.objects++;
    const e = lowerObject(value, this.file, line, this.sink);
    if (e) this.result.entities.push(e);
  }

  /** An item the fast path cannot take: the general loader, with its lines shifted to the batch. */
  general(itemText: string, line: number): void {
    this.result.fallbacks++;
    const local = new DiagnosticSink();
    const docs = loadText(itemText, this.file, local);
    if (local.items.some((d) => d.code === UNRESOLVED_ALIAS)) {
      // An alias to an anchor of an earlier item: only the whole file resolves it.
      this.result.fail = `an alias in the item at line ${line} refers outside the item`;
      return;
    }
    for (const doc of docs) {
      for (const o of flattenDocument(doc)) this.add(o.value, o.line + line - 1);
    }
    for (const d of local.items) this.sink.report(d.line === undefined ? { ...d, line } : { ...d, line: d.line + line - 1 });
  }
}

/** Reads the YAML items of one window whose first line is `line`; returns the line after the window. */
function yamlItems(text: string, line: number, out: Collector, ascii: Buffer | undefined): number {
  let pos = 0;
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
      return line + countNewlines(text, pos, n);
    }
    const start = pos;
    let item: { value: unknown; next: number; lines: number };
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
    line += item.lines;
    pos = end;
  }
  return line;
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

/**
 * Reads the JSON items of one window whose first line is `line`; returns the line after the window.
 * `afterItem`: the window starts just after an item. Commas between items are checked as strictly as
 * `JSON.parse` checks them: a missing, doubled or trailing one sends the file to the general loader,
 * which reads such a file with YAML's flow rules (an error, or a list JSON.parse would refuse).
 */
function jsonItems(text: string, line: number, indent: number, out: Collector, ascii: Buffer | undefined, afterItem: boolean): number {
  let pos = 0;
  const n = text.length;
  let comma = false;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 10) line++;
    if (c === 10 || c === 32 || c === 13 || c === 9) {
      pos++;
      continue;
    }
    if (c === 44) {
      // One comma after each item, as JSON.parse wants, not before the first or the `]`.
      if (!afterItem || comma) {
        out.result.fail = `a comma where no item ends at line ${line} of a batch`;
        return line;
      }
      comma = true;
      pos++;
      continue;
    }
    if (c === 93) {
      if (comma) {
        out.result.fail = `a trailing comma at line ${line} of a batch`;
        return line;
      }
      out.result.trailer = { text: text.slice(pos), line };
      return line + countNewlines(text, pos, n);
    }
    if (c !== 123) {
      out.result.fail = `unexpected character at line ${line} of a batch`;
      return line;
    }
    if (afterItem && !comma) {
      out.result.fail = `a missing comma at line ${line} of a batch`;
      return line;
    }
    afterItem = true;
    comma = false;
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
      // The line reader takes the closing line whole: `}` or `},`.
      comma = text.charCodeAt(end) === 44;
    } catch (err) {
      if (!(err instanceof SubsetError)) throw err;
      // Outside what the line reader takes (one-line items, odd indentation): JSON.parse, unpruned,
      // of the text up to the brace that closes the item (not the next boundary: a closing brace
      // of the item off its column would make that the end of the next item as well).
      end = next = closingBracket(text, start);
      if (end < 0) {
        out.result.fail = 'item end not found';
        return line;
      }
      line += countNewlines(text, start, end);
      try {
        value = JSON.parse(text.slice(start, end));
      } catch (parseErr) {
        pos = next;
        const { message, position } = jsonErrorText(parseErr);
        const at = position === undefined ? startLine : startLine + countNewlines(text, start, start + position);
        out.sink.error('json/parse', out.file, at, `list item is not valid JSON: ${message}`);
        continue;
      }
      if (tooDeep(value)) {
        pos = next;
        out.sink.error(TOO_DEEP, out.file, startLine, `list item nested deeper than ${MAX_DEPTH} levels; not read`);
        continue;
      }
    }
    pos = next;
    if (isListObject(value) || !isObject(value)) out.general(text.slice(start, end), startLine);
    else out.add(value, startLine);
  }
  return line;
}
