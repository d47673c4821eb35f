/**
 * The pipeline: discover → load → classify → front ends → model → link → drift/audit → model object.
 * The CLI is thin glue over `importArchitecture`; docs pipelines can call it directly.
 */
import { open } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticSink, reportedDiagnostics, type Diagnostic } from './core/diagnostics.js';
import { cmp } from './core/order.js';
import { classify } from './classify/classify.js';
import { discoverFiles, errorMessage, type DiscoveredFile } from './discover/walk.js';
import { loadText } from './load/load-file.js';
import type { LoadedDocument } from './load/document.js';
import { FRONT_ENDS, STREAMING_FRONT_ENDS } from './frontends/registry.js';
import { lowerIsolated } from './frontends/lower-isolated.js';
import type { FrontEndContext } from './frontends/types.js';
import { ModelGraph } from './model/graph.js';
import { SCHEMA_VERSION, type ArchitectureModel, type InputReport } from './model/architecture.js';
import type { InputFormat } from './model/kinds.js';
import { LINK_PASSES } from './passes/link/index.js';
import { computeDrift } from './passes/drift/index.js';
import { resolveReferences } from './passes/references.js';
import { runAudit } from './audit/engine.js';

export interface ImportOptions {
  /** Directory that file paths in the output are relative to (default `process.cwd()`). */
  readonly cwd?: string;
  /** CloudFormation parameter overrides. */
  readonly params?: Readonly<Record<string, string>>;
  /** Called with short progress messages (the CLI shows them on a terminal). */
  readonly onProgress?: (message: string) => void;
  /** Files never read even when a directory holds them (the CLI's `--out` file). Relative to `cwd`. */
  readonly exclude?: readonly string[];
}

/** Files larger than this are not given to the general (whole-tree) YAML parser. */
const GENERAL_PARSER_LIMIT = 64 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

interface FileState {
  format: InputReport['format'];
  documents: number;
  skipReasons: string[];
}

export async function importArchitecture(paths: readonly string[], options: ImportOptions = {}): Promise<ArchitectureModel> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const sink = new DiagnosticSink();
  const ctx: FrontEndContext = { sink, params: options.params ?? {} };
  const progress = options.onProgress ?? (() => undefined);
  const graph = new ModelGraph();

  const exclude = (options.exclude ?? []).map((p) => resolve(cwd, p));
  const files = discoverFiles(paths.length ? paths.map((p) => resolve(cwd, p)) : [cwd], cwd, sink, exclude);
  const states = new Map<string, FileState>();
  const byFormat = new Map<InputFormat, LoadedDocument[]>();

  for (const [i, file] of files.entries()) {
    progress(`[${i + 1}/${files.length}] ${file.display}`);
    const state: FileState = { format: 'unknown', documents: 0, skipReasons: [] };
    states.set(file.display, state);
    try {
      if (await streamFile(file, ctx, graph, state)) continue;
      if (file.size > GENERAL_PARSER_LIMIT) {
        sink.error('input/too-large', file.display, undefined, `${file.size} bytes is over the ${GENERAL_PARSER_LIMIT}-byte limit for non-streamed files`);
        continue;
      }
      const text = await readFile(file.path, 'utf8');
      if (text.includes('\u0000')) {
        state.skipReasons.push('binary file (contains NUL bytes)');
        continue;
      }
      for (const doc of loadText(text, file.display, sink)) {
        const c = classify(doc.value);
        if (c.format === null) {
          state.skipReasons.push(c.reason);
          continue;
        }
        state.format = state.format === 'unknown' || state.format === c.format ? c.format : 'mixed';
        state.documents += 1;
        let docs = byFormat.get(c.format);
        if (!docs) byFormat.set(c.format, (docs = []));
        docs.push(doc);
      }
    } catch (err) {
      // A bug or an I/O failure on one file must not stop the others.
      sink.error('input/failed', file.display, undefined, `could not import: ${errorMessage(err)}`);
    }
  }

  for (const frontEnd of FRONT_ENDS) {
    const docs = byFormat.get(frontEnd.format);
    if (!docs?.length) continue;
    progress(`lowering ${docs.length} ${frontEnd.format} document(s)`);
    graph.addFragment(lowerIsolated(frontEnd, docs, ctx));
  }

  progress('linking');
  for (const pass of LINK_PASSES) pass.run(graph, { sink });
  resolveReferences(graph);
  const drift = computeDrift(graph);
  const findings = runAudit(graph);
  const entities = graph.allEntities();
  const { relations } = graph.finalRelations(entities);

  const diagnostics = reportedDiagnostics(sink.items);
  return {
    schemaVersion: SCHEMA_VERSION,
    inputs: files.map((f) => inputReport(f.display, states.get(f.display), diagnostics)),
    entities,
    relations,
    drift,
    findings,
    diagnostics,
  };
}

/** Gives the file to a streaming front end if one claims it. Returns true when the file was handled. */
async function streamFile(file: DiscoveredFile, ctx: FrontEndContext, graph: ModelGraph, state: FileState): Promise<boolean> {
  if (STREAMING_FRONT_ENDS.length === 0) return false;
  const head = await readHead(file.path);
  for (const fe of STREAMING_FRONT_ENDS) {
    if (!fe.claim(file, head)) continue;
    const result = await fe.importFile(file, ctx);
    if (!result) return false;
    graph.addFragment(result.fragment);
    state.format = result.format;
    state.documents = result.documents;
    return true;
  }
  return false;
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function inputReport(file: string, state: FileState | undefined, diagnostics: readonly Diagnostic[]): InputReport {
  const errors = diagnostics.filter((d) => d.file === file && d.severity === 'error');
  const format = state?.format ?? 'unknown';
  const documents = state?.documents ?? 0;
  if (errors.length > 0) {
    return { file, format, documents, status: 'error', reason: `${errors.length} error(s); first: ${errors[0]?.message ?? ''}` };
  }
  if (documents === 0) {
    const reasons = [...new Set(state?.skipReasons ?? [])].sort(cmp);
    return { file, format, documents, status: 'skipped', reason: reasons.length ? reasons.join('; ') : 'no documents' };
  }
  return { file, format, documents, status: 'ok' };
}
