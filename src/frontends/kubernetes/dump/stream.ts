/**
 * Streams a kubectl dump: reads the file in chunks (never the whole text: a file over 512 MB cannot be
 * one JS string), cuts each chunk at the last item boundary, and hands the runs of whole items to the
 * batch runner (worker threads for big files). Results are taken in file order, their lines shifted
 * to absolute lines. The top-level keys around `items` are checked with the general loader at the
 * end; if the file turns out not to be a list, it goes back to the general loader.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { DiagnosticSink } from '../../../core/diagnostics.js';
import type { DiscoveredFile } from '../../../discover/walk.js';
import { loadText } from '../../../load/load-file.js';
import type { Entity } from '../../../model/entity.js';
import { flattenDocument, isListObject } from '../flatten.js';
import { lowerObject } from '../lower-object.js';
import { countNewlines, type BatchInput, type BatchResult } from './batch.js';
import { detectDump, type DumpShape } from './shape.js';
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
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  const headText = first.subarray(bom, bom + HEAD_BYTES).toString('utf8');
  const shape = detectDump(headText);
  if (!shape) return undefined;
  const header = headText.slice(0, shape.itemStart);
  first = first.subarray(bom + Buffer.byteLength(header));

  const runner = createRunner(file.size);
  const state = new Assembler(file.display, sink);
  const inFlight: { bytes: Buffer; result: Promise<BatchResult> }[] = [];
  const dispatch = async (bytes: Buffer): Promise<void> => {
    const input: BatchInput = { syntax: shape.syntax, bytes, file: file.display, indent: shape.indent };
    inFlight.push({ bytes, result: runner.run(input) });
    while (inFlight.length > IN_FLIGHT_PER_THREAD * runner.threads) await state.take(inFlight);
  };
  state.line = 1 + countNewlines(header, 0, header.length);
  try {
    let carry: Buffer = first;
    for (;;) {
      // The carried tail (part of one item) is copied to the front of the new chunk's buffer, and the
      // chunk is read in behind it: one small copy instead of concatenating two whole chunks.
      const data = await readChunk(fh, chunk, carry);
      if (data.length === carry.length) {
        if (data.length > 0) await dispatch(data);
        break;
      }
      const cut = lastBoundary(data, shape);
      if (cut <= 0) {
        carry = data;
        continue;
      }
      await dispatch(data.subarray(0, cut));
      carry = data.subarray(cut);
    }
    while (inFlight.length > 0) await state.take(inFlight);
  } finally {
    await runner.close();
  }
  if (state.failed !== undefined) return undefined;
  return state.finish(header);
}

/** Reads up to `size` more bytes after a copy of `prefix`. */
async function readChunk(fh: FileHandle, size: number, prefix?: Buffer): Promise<Buffer> {
  const total = size + (prefix?.length ?? 0);
  const buf = Buffer.allocUnsafe(total);
  let filled = prefix ? prefix.copy(buf, 0) : 0;
  while (filled < total) {
    const { bytesRead } = await fh.read(buf, filled, total - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buf.subarray(0, filled);
}

/** End of the last whole item in `data` (a YAML item ends where the next `- ` line starts). */
function lastBoundary(data: Buffer, shape: DumpShape): number {
  if (shape.syntax === 'yaml') {
    const i = data.lastIndexOf('\n- ');
    return i < 0 ? -1 : i + 1;
  }
  const close = '\n' + ' '.repeat(shape.indent) + '}';
  const i = data.lastIndexOf(close);
  return i < 0 ? -1 : i + close.length;
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
    const shift = this.line - 1;
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
    const docs = loadText(header.replace(/\r\n/g, '\n') + (this.trailer?.parts.join('') ?? ''), this.file, local);
    for (const d of local.items) this.sink.report({ ...d, ...(d.line === undefined ? {} : { line: at(d.line) }) });
    const [list, ...rest] = docs;
    if (!list || !isListObject(list.value)) return undefined;
    // Items the splitter could not take (after a comment line, say) are still in the list document.
    for (const doc of docs) {
      for (const o of flattenDocument(doc)) {
        const e = lowerObject(o.value, this.file, at(o.line) ?? o.line, this.sink);
        if (e) this.entities.push(e);
      }
    }
    return { entities: this.entities, documents: 1 + rest.length, fallbacks: this.fallbacks };
  }
}
