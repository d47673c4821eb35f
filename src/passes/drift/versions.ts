/**
 * `drift/kubernetes-version`: the cluster's declared Kubernetes version vs the kubelet versions of its
 * observed nodes (nodes of its node groups and Fargate profiles), compared on major.minor.
 */
import { cmp } from '../../core/order.js';
import type { DriftItem } from '../../model/architecture.js';
import type { ModelGraph } from '../../model/graph.js';
import { propString } from '../../model/read.js';
import { groupsOf, minorVersion, nodesOf } from './observed.js';

export function driftVersions(graph: ModelGraph): DriftItem[] {
  const out: DriftItem[] = [];
  for (const c of graph.ofKind('Cluster')) {
    const declared = propString(c, 'version');
    const want = declared === undefined ? undefined : minorVersion(declared);
    if (!want) continue;
    const seen = new Set<string>();
    for (const g of groupsOf(graph, c)) {
      for (const node of nodesOf(graph, g)) {
        const kubelet = propString(node, 'kubeletVersion');
        const v = kubelet === undefined ? undefined : minorVersion(kubelet);
        if (v) seen.add(v);
      }
    }
    const others = [...seen].filter((v) => v !== want).sort(cmp);
    if (others.length === 0) continue;
    const note = c.defaulted.includes('version') ? ' (default)' : '';
    out.push({ code: 'drift/kubernetes-version', entity: c.id, message: `cluster ${c.name} declares Kubernetes ${want}${note}; nodes run kubelet ${[...seen].sort(cmp).join(', ')}`, declared: want, observed: [...seen].sort(cmp) });
  }
  return out;
}
