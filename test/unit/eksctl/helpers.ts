/** Shared test helpers: lower an inline ClusterConfig text through the real loader. */
import { DiagnosticSink, type Diagnostic } from '../../../src/core/diagnostics.js';
import { lowerClusterConfig } from '../../../src/frontends/eksctl/index.js';
import { loadText } from '../../../src/load/load-file.js';
import type { Entity, Fragment, Relation } from '../../../src/model/entity.js';

export interface Lowered {
  readonly fragment: Fragment;
  readonly diagnostics: Diagnostic[];
  /** The entity with this id (the test fails if it is missing). */
  entity(id: string): Entity;
  ids(kind: Entity['kind']): string[];
  relation(type: Relation['type'], from: string, to: string): Relation | undefined;
}

/** The header every test config starts with. */
export const HEADER = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c1\n  region: eu-west-1\n';

export function lowerText(text: string, file = 'cluster.yaml'): Lowered {
  const sink = new DiagnosticSink();
  const docs = loadText(text, file, sink);
  const fragment: Fragment = { entities: [], relations: [] };
  for (const doc of docs) {
    const f = lowerClusterConfig(doc, sink);
    fragment.entities.push(...f.entities);
    fragment.relations.push(...f.relations);
  }
  return {
    fragment,
    diagnostics: sink.items,
    entity(id) {
      const found = fragment.entities.find((e) => e.id === id);
      if (!found) throw new Error(`no entity ${id}; have ${fragment.entities.map((e) => e.id).join(', ')}`);
      return found;
    },
    ids: (kind) => [...new Set(fragment.entities.filter((e) => e.kind === kind).map((e) => e.id))].sort(),
    relation: (type, from, to) => fragment.relations.find((r) => r.type === type && r.from === from && r.to === to),
  };
}
