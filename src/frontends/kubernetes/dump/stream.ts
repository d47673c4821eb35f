/**
 * Streams a kubectl dump: reads the file in chunks (never the whole text: a file over 512 MB cannot be
 * one JS string), cuts each chunk at the last item boundary, and hands the runs of whole items to the
 * batch runner (worker threads for big files). Results are taken in file order, their lines shifted
 * to absolute lines. The top-level keys around `items` are checked with the general loader at the
 * end; if the file turns out not to be a list, it goes back to the general loader. So does a file
 * with a NUL byte, which the pipeline then skips as binary.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Composer, isMap, isScalar, Parser } from 'yaml';
import { DiagnosticSink } from '../../../core/diagnostics.js';
import type { DiscoveredFile } from '../../../discover/walk.js';
import { loadText } from '../../../load/load-file.js';
import { lineBreaks } from '../../../load/load-yaml.js';
import type { Entity } from '../../../model/entity.js';
import { flattenDocument, isListObject } from '../flatten.js';
import { lowerObject } from '../lower-object.js';
import { countNewlines } from '../../../core/text.js';
import { itemBoundary, lastBoundary, type BatchInput, type BatchResult } from './batch.js';
import { detectDump } from './shape.js';
import { createRunner } from './worker-pool.js';

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

/** Chunk size; `ARCHMAP_DUMP_CHUNK_BYTES` lets tests force many small batches. */
function chunkBytes(): number {
  const n = Number(process.env['ARCHMAP_DUMP_CHUNK_BYTES']);
  return Number.isInteger(n) && n >= 256 ? n : DEFAULT_CHUNK_BYTES;
}
const HEAD_BYTES = 64 * 1024;
/**
 * Batches in flight at once per thread, with workers: bounds memory while keeping every thread busy
 * (6 per thread instead of 3 measured no faster on 2 vCPUs and +50 MB RSS). In-thread results are
 * taken at once, so no batch text is held longer than its parse.
 */
const IN_FLIGHT_PER_THREAD = 3;

export interface DumpImport {
  readonly entities: Entity[];
  readonly documents: number;
  /** Items that the fast path handed to the general loader (for tests and the benchmark). */
  readonly fallbacks: number;
}

/** Imports a dump, or returns `undefined` when the file is not one this reader handles. */
export async function importDump(file: DiscoveredFile, sink: DiagnosticSink): Promise<DumpImport | undefined> {
  const fh = await open(file.path, 'r');
  try {
    return await readDump(fh, file, sink);
  } finally {
    await fh.close();
  }
}

async function readDump(fh: FileHandle, file: DiscoveredFile, sink: DiagnosticSink): Promise<DumpImport | undefined> {
  const chunk = chunkBytes();
  let first = await readChunk(fh, Math.max(chunk, HEAD_BYTES));
  // A NUL byte makes the file binary to the pipeline (skipped unread): never a dump. One `memchr` a chunk.
  if (first.indexOf(0) >= 0) return undefined;
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  const headText = first.subarray(bom, bom + HEAD_BYTES).toString('utf8');
  const shape = detectDump(headText);
  if (!shape) return undefined;
  const header = headText.slice(0, shape.itemStart);
  first = first.subarray(bom + Buffer.byteLength(header));

  const boundary = itemBoundary(shape.syntax, shape.indent);
  const runner = createRunner(file.size);
  // In-thread, each result is taken before the next batch is sent: a batch's first line is known,
  // and a chunk's memory is free once its batch is read and its unfinished tail copied out.
  const inThread = runner.threads === 0;
  const state = new Assembler(file.display, sink);
  const inFlight: { bytes: Buffer; result: Promise<BatchResult> }[] = [];
  // Every batch but the first starts just after an item (JSON: a comma must come next).
  let afterItem = false;
  const dispatch = async (bytes: Buffer): Promise<void> => {
    const firstLine = inThread ? state.line : 1;
    const input: BatchInput = { syntax: shape.syntax, bytes, file: file.display, indent: shape.indent, firstLine, afterItem };
    afterItem = true;
    inFlight.push({ bytes, result: runner.run(input) });
    while (inFlight.length > IN_FLIGHT_PER_THREAD * runner.threads) await state.take(inFlight);
  };
  state.line = 1 + countNewlines(header, 0, header.length);
  try {
    let carry: Buffer = first;
    let ahead = readAhead(fh, chunk);
    for (;;) {
      const next = await ahead;
      // The file goes back to the general loader: the rest need not be read.
      if (state.failed !== undefined) break;
      if (next.length === CARRY_ROOM) {
        if (carry.length > 0) await dispatch(carry);
        break;
      }
      if (next.indexOf(0, CARRY_ROOM) >= 0) {
        state.failed = 'a NUL byte';
        break;
      }
      const data = behind(carry, next);
      // The next chunk is read while this one is parsed (the read runs on libuv's thread pool); in-thread
      // into the buffer `carry` was just copied out of (fresh pages cost more than the read itself).
      ahead = readAhead(fh, chunk, inThread ? carry.buffer : undefined);
      const cut = lastBoundary(data, boundary);
      if (cut <= 0) {
        carry = data;
        continue;
      }
      await dispatch(data.subarray(0, cut));
      carry = data.subarray(cut);
    }
    while (inFlight.length > 0 && state.failed === undefined) await state.take(inFlight);
  } finally {
    await runner.close();
  }
  if (state.failed !== undefined) return undefined;
  return state.finish(header);
}

/** Room kept free at the front of each read-ahead buffer for the previous chunk's unfinished item. */
const CARRY_ROOM = 256 * 1024;

/**
 * Reads up to `size` bytes behind CARRY_ROOM free bytes, into `reuse` when it is memory of the right
 * size that nothing refers to any more, else into a new buffer; returns the buffer up to what was read.
 */
function readAhead(fh: FileHandle, size: number, reuse?: ArrayBufferLike): Promise<Buffer> {
  const buf = reuse?.byteLength === CARRY_ROOM + size ? Buffer.from(reuse) : Buffer.allocUnsafe(CARRY_ROOM + size);
  const read = readInto(fh, buf, CARRY_ROOM);
  // Awaited by the loop; if the loop stops early (a failure), its rejection must not go unhandled.
  read.catch(() => undefined);
  return read;
}

/**
 * `carry` followed by the bytes `next` read behind its free room: the carried tail (part of one
 * item) is copied into that room, one small copy instead of concatenating two whole chunks.
 */
function behind(carry: Buffer, next: Buffer): Buffer {
  if (carry.length > CARRY_ROOM) return Buffer.concat([carry, next.subarray(CARRY_ROOM)]);
  const at = CARRY_ROOM - carry.length;
  carry.copy(next, at);
  return next.subarray(at);
}

async function readInto(fh: FileHandle, buf: Buffer, from: number): Promise<Buffer> {
  let filled = from;
  while (filled < buf.length) {
    const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buf.subarray(0, filled);
}

/** Reads up to `size` bytes. */
function readChunk(fh: FileHandle, size: number): Promise<Buffer> {
  return readInto(fh, Buffer.allocUnsafe(size), 0);
}

/**
 * Whether the first document of `text` (the text around the items) is a mapping whose one `items`
 * key is the one at `at`, the key the items were read under. Not so for a second `items` key (the
 * general loader keeps the last: a duplicate-key warning in YAML, nothing in JSON), nor when the
 * `items:` line was text of a root scalar (`--- |`) or of another document than the list.
 * Only the first document is composed (the composer is lazy).
 */
function ownsItems(text: string, at: number): boolean {
  for (const doc of new Composer({ uniqueKeys: false }).compose(new Parser().parse(lineBreaks(text)))) {
    const root = doc.contents;
    if (!isMap(root)) return false;
    let found = false;
    for (const pair of root.items) {
      if (!isScalar(pair.key) || String(pair.key.value) !== 'items') continue;
      const range = pair.key.range;
      if (found || !range || at < range[0] || at >= range[1]) return false;
      found = true;
    }
    return found;
  }
  return false;
}

/** Takes batch results in file order and builds the file's entities. */
class Assembler {
  readonly entities: Entity[] = [];
  /** Absolute line of the next batch's first line. */
  line = 1;
  fallbacks = 0;
  failed: string | undefined;
  private trailer: { parts: string[]; line: number } | undefined;

  constructor(
    readonly file: string,
    readonly sink: DiagnosticSink,
  ) {}

  async take(queue: { bytes: Buffer; result: Promise<BatchResult> }[]): Promise<void> {
    const next = queue.shift();
    if (!next) return;
    const r = await next.result;
    if (this.failed !== undefined) return;
    if (this.trailer) {
      this.trailer.parts.push(next.bytes.toString('utf8'));
      return;
    }
    if (r.fail !== undefined) {
      this.failed = r.fail;
      return;
    }
    const shift = this.line - r.firstLine;
    for (const e of r.entities) {
      if (shift) e.sources = e.sources.map((s) => ({ ...s, line: s.line + shift }));
      this.entities.push(e);
    }
    for (const d of r.diagnostics) this.sink.report(d.line === undefined ? d : { ...d, line: d.line + shift });
    this.fallbacks += r.fallbacks;
    if (r.trailer) this.trailer = { parts: [r.trailer.text], line: r.trailer.line + shift };
    this.line += r.newlines;
  }

  /**
   * Parses the text around the items (padded with line breaks so lines stay exact) with the general
   * loader: it must be a list; any further documents (`---`) are lowered too.
   */
  finish(header: string): DumpImport | undefined {
    const headerLines = countNewlines(header, 0, header.length);
    // Lines after the header are shifted by the lines of items in between.
    const delta = (this.trailer?.line ?? headerLines + 1) - 1 - headerLines;
    const at = (line: number | undefined): number | undefined => (line !== undefined && line > headerLines ? line + delta : line);
    const local = new DiagnosticSink();
    const head = header.replace(/\r\n/g, '\n');
    const text = head + (this.trailer?.parts.join('') ?? '');
    const docs = loadText(text, this.file, local);
    for (const d of local.items) this.sink.report({ ...d, ...(d.line === undefined ? {} : { line: at(d.line) }) });
    const [list, ...rest] = docs;
    // The list must be the file's first document (not one after a document the general loader drops),
    // and hold the items under the `items` key they were read under, its only one.
    if (!list || list.index !== 0 || !isListObject(list.value) || !ownsItems(text, head.lastIndexOf('items'))) return undefined;
    // Items the batch reader could not take (after a comment line, say) are still in the list document.
    for (const doc of docs) {
      for (const o of flattenDocument(doc)) {
        const e = lowerObject(o.value, this.file, at(o.line) ?? o.line, this.sink);
        if (e) this.entities.push(e);
      }
    }
    return { entities: this.entities, documents: 1 + rest.length, fallbacks: this.fallbacks };
  }
}
