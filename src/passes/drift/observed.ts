/** What the dump shows about declared compute: the nodes of each node group, the nodes of each cluster. */
import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { propString } from '../../model/read.js';

/** True when a kubectl dump or manifests contributed entities of this kind. */
export function observedAny(graph: ModelGraph, kind: 'Node' | 'ServiceAccount'): boolean {
  return graph.ofKind(kind).some((e) => e.sources.some((s) => s.format === 'kubernetes'));
}

/** Nodes that are `member-of` the group. */
export function nodesOf(graph: ModelGraph, group: Entity): Entity[] {
  const out: Entity[] = [];
  for (const r of graph.relationsTo(group.id, 'member-of')) {
    const node = graph.get(r.from);
    if (node?.kind === 'Node') out.push(node);
  }
  return out;
}

/** Node groups and Fargate profiles of a cluster (their `cluster` prop or a `member-of` relation). */
export function groupsOf(graph: ModelGraph, cluster: Entity): Entity[] {
  const ids = new Set(graph.relationsTo(cluster.id, 'member-of').map((r) => r.from));
  return [...graph.ofKind('NodeGroup'), ...graph.ofKind('FargateProfile')].filter((g) => ids.has(g.id) || propString(g, 'cluster') === cluster.id);
}

/** `v1.29.0-eks-5e0fdde` → `1.29`. */
export function minorVersion(text: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(text);
  return m ? `${m[1]}.${m[2]}` : undefined;
}
