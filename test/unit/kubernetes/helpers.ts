/** Helpers for the Kubernetes front-end tests: both ways in (general loader, streamed dump). */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { importDump } from '../../../src/frontends/kubernetes/dump/stream.js';
import { kubernetesFrontEnd } from '../../../src/frontends/kubernetes/index.js';
import { loadText } from '../../../src/load/load-file.js';
import type { Entity } from '../../../src/model/entity.js';

/** Entities through the general loader and `kubernetesFrontEnd.lower`. */
export function lowerGeneral(text: string, file = 'test.yaml'): { entities: Entity[]; sink: DiagnosticSink } {
  const sink = new DiagnosticSink();
  const docs = loadText(text, file, sink);
  const { entities } = kubernetesFrontEnd.lower(docs, { sink, params: {} });
  return { entities, sink };
}

const dir = mkdtempSync(join(tmpdir(), 'archmap-k8s-'));
let n = 0;

export function tempFile(content: string | Buffer, ext = 'yaml'): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

/** Entities through the streaming dump reader (`undefined` when the file is not a dump). */
export async function lowerDump(path: string, display = 'test.yaml'): Promise<{ entities: Entity[]; sink: DiagnosticSink; fallbacks: number } | undefined> {
  const sink = new DiagnosticSink();
  const r = await importDump({ path, display, size: statSync(path).size }, sink);
  return r && { entities: r.entities, sink, fallbacks: r.fallbacks };
}

/** The entities lowered from objects: without the namespaces the passes add because objects name them (A.11). */
export function objectEntities(entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => !(e.kind === 'Namespace' && e.props['implicit'] === true));
}

/** A comparable view of entities: sorted by id, then line. */
export function summary(entities: readonly Entity[]): { id: string; line: number | undefined; props: unknown }[] {
  return entities
    .map((e) => ({ id: e.id, line: e.sources[0]?.line, props: e.props }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export async function withEnv<T>(name: string, value: string, fn: () => Promise<T>): Promise<T> {
  const prev = process.env[name];
  process.env[name] = value;
  try {
    return await fn();
  } finally {
    if (prev === undefined) delete process.env[name];
    else process.env[name] = prev;
  }
}
