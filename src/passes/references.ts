/**
 * After the link passes: entity ids held in properties (`subnets`, `vpc`, `cluster`, …) follow merges.
 * A subnet declared in eksctl and in CloudFormation is one entity after J9; a node group that named
 * the eksctl subnet's id must name the merged subnet, or JSON consumers and views would find a
 * dangling id. Kubernetes objects hold names, never entity ids, so only entities with a declared
 * source (CloudFormation, eksctl) are visited.
 */
import { setOwn } from '../core/guards.js';
import type { PropValue } from '../model/entity.js';
import type { ModelGraph } from '../model/graph.js';

export function resolveReferences(graph: ModelGraph): void {
  for (const entity of graph.unorderedEntities()) {
    if (entity.sources.every((s) => s.format === 'kubernetes')) continue;
    for (const [key, value] of Object.entries(entity.props)) {
      const next = resolveValue(graph, value);
      if (next !== value) entity.props[key] = next;
    }
  }
}

/** The value with every string that is a merged-away id replaced; the same object when nothing changes. */
function resolveValue(graph: ModelGraph, value: PropValue): PropValue {
  if (typeof value === 'string') return graph.resolve(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const list = value as readonly PropValue[];
    const next: PropValue[] = list.map((v) => resolveValue(graph, v));
    return next.some((v, i) => v !== list[i]) ? dedupe(next) : list;
  }
  const record = value as Readonly<Record<string, PropValue>>;
  let changed = false;
  const out: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(record)) {
    const next = resolveValue(graph, v);
    if (next !== v) changed = true;
    setOwn(out, k, next);
  }
  return changed ? out : value;
}

/** Two references to ids that were merged into one become one reference (strings only). */
function dedupe(list: PropValue[]): PropValue[] {
  const seen = new Set<string>();
  return list.filter((v) => typeof v !== 'string' || (!seen.has(v) && (seen.add(v), true)));
}
