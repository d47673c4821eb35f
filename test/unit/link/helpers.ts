import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { makeEntity, type Entity, type PropValue } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';
import type { EntityKind, InputFormat } from '../../../src/model/kinds.js';
import type { LinkPass } from '../../../src/passes/types.js';

const FILES: Record<InputFormat, string> = { cloudformation: 'cfn/net.yaml', eksctl: 'eksctl/cluster.yaml', kubernetes: 'kubectl/dump.yaml' };

/** A hand-made entity seen in one input format (line numbers just need to differ). */
export function ent(
  format: InputFormat,
  kind: EntityKind,
  id: string,
  props: Record<string, PropValue> = {},
  extra: { name?: string; namespace?: string; line?: number; defaulted?: string[] } = {},
): Entity {
  const name = extra.name ?? id.slice(id.lastIndexOf(extra.namespace ? '/' : ':') + 1);
  return makeEntity({ id, kind, name, namespace: extra.namespace, props, defaulted: extra.defaulted ?? [], source: { file: FILES[format], line: extra.line ?? 1, format } });
}

export function graphOf(entities: readonly Entity[]): ModelGraph {
  const g = new ModelGraph();
  for (const e of entities) g.addEntity(e);
  return g;
}

export function run(graph: ModelGraph, ...passes: readonly LinkPass[]): DiagnosticSink {
  const sink = new DiagnosticSink();
  for (const p of passes) p.run(graph, { sink });
  return sink;
}

/** Relations of a graph as `from type to (confidence rule)` strings, for compact assertions. */
export function rels(graph: ModelGraph, rule?: string): string[] {
  return graph
    .finalRelations()
    .relations.filter((r) => rule === undefined || r.rule === rule)
    .map((r) => `${r.from} ${r.type} ${r.to} (${r.confidence} ${r.rule})`);
}
