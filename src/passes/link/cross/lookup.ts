/** Small lookups shared by the cross-source passes: where an entity comes from, which cluster a node is in. */
import { cmp } from '../../../core/order.js';
import { isUnresolved, type Entity, type PropValue, type SourceRef } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { clusterId } from '../../../model/ids.js';
import type { InputFormat } from '../../../model/kinds.js';
import { propMap } from '../../../model/read.js';

/** Node labels naming the EKS cluster (eksctl's, then the one some EKS AMIs set). */
export const CLUSTER_NAME_LABELS = ['alpha.eksctl.io/cluster-name', 'eks.amazonaws.com/cluster-name'] as const;

export function seenIn(e: Entity, format: InputFormat): boolean {
  return e.sources.some((s) => s.format === format);
}

/** The entity's first source in (file, line) order. */
export function firstSource(e: Entity): SourceRef | undefined {
  let best: SourceRef | undefined;
  for (const s of e.sources) if (!best || cmp(s.file, best.file) < 0 || (s.file === best.file && s.line < best.line)) best = s;
  return best;
}

/** The first source, in (file, line) order, over several entities. */
export function earliestSource(entities: readonly Entity[]): SourceRef | undefined {
  return entities
    .map(firstSource)
    .filter((s): s is SourceRef => s !== undefined)
    .sort((a, b) => cmp(a.file, b.file) || a.line - b.line)[0];
}

export function labelledCluster(node: Entity): string | undefined {
  const labels = propMap(node, 'labels');
  for (const key of CLUSTER_NAME_LABELS) if (labels[key]) return labels[key];
  return undefined;
}

/**
 * The cluster a node belongs to: its cluster-name label (high), else the only named cluster of the
 * model, `onlyCluster` (medium: a dump of one cluster normally comes with that cluster's files).
 */
export function clusterOfNode(node: Entity, onlyCluster: Entity | undefined): { name: string; confidence: 'high' | 'medium' } | undefined {
  const label = labelledCluster(node);
  if (label) return { name: label, confidence: 'high' };
  return onlyCluster ? { name: onlyCluster.name, confidence: 'medium' } : undefined;
}

/** The single cluster whose id is `clusterId(name)`, when the model has exactly one. */
export function onlyNamedCluster(graph: ModelGraph): Entity | undefined {
  const named = graph.ofKind('Cluster').filter((c) => c.id === clusterId(c.name));
  return named.length === 1 ? named[0] : undefined;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A map-valued property value (not a placeholder). */
export function isPropMap(v: PropValue | undefined): v is { readonly [key: string]: PropValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnresolved(v);
}

/** The map elements of a list-valued property (e.g. `accessEntries`, `selectors`). */
export function propRecords(e: Entity, key: string): { readonly [key: string]: PropValue }[] {
  const v = e.props[key];
  return Array.isArray(v) ? (v as readonly PropValue[]).filter(isPropMap) : [];
}
