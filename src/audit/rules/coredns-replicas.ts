import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { propNumber, propString } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { ownedPods } from './pod-subject.js';

/**
 * REL-10: the `kube-system/coredns` Deployment has fewer than 2 replicas (an HPA that targets it with
 * `minReplicas` ≥ 2 counts as enough; no `spec.replicas` is the API default 1), or its observed pods
 * (J23 owner chain; Succeeded/Failed ones left out) all run on one node (J22 `nodeName`), with at
 * least two of them placed.
 */
export default defineRule({
  id: 'k8s/coredns-replicas',
  check: 'REL-10',
  severity: 'warning',
  description: 'CoreDNS runs fewer than 2 replicas, or all its replicas on one node.',
  appliesTo: ['Deployment'],
  run(dep, ctx) {
    if (dep.namespace !== 'kube-system' || dep.name !== 'coredns') return;
    const declared = dep.props['replicas'];
    if (declared !== undefined && typeof declared !== 'number') return;
    const replicas = declared ?? 1;
    if (replicas < 2 && hpaMinimum(ctx.graph, dep) < 2) {
      ctx.report(dep, `Deployment kube-system/coredns: ${replicas} replica${replicas === 1 ? '' : 's'}${declared === undefined ? ' (default)' : ''}; CoreDNS needs at least 2`);
      return;
    }
    const nodes = new Set<string>();
    let placed = 0;
    for (const pod of ownedPods(ctx, dep)) {
      const phase = propString(pod, 'phase');
      const node = propString(pod, 'nodeName');
      if (node === undefined || phase === 'Succeeded' || phase === 'Failed') continue;
      placed++;
      nodes.add(node);
    }
    const [only] = nodes;
    if (placed >= 2 && nodes.size === 1 && only !== undefined) {
      ctx.report(dep, `Deployment kube-system/coredns: all ${placed} pods run on node ${only}`);
    }
  },
});

/** The highest `minReplicas` (default 1) of the HPAs that scale the Deployment; 0 without one. */
function hpaMinimum(graph: ModelGraph, dep: Entity): number {
  let min = 0;
  for (const r of graph.relationsTo(dep.id, 'selects')) {
    const hpa = graph.get(r.from);
    if (hpa?.kind === 'HorizontalPodAutoscaler') min = Math.max(min, propNumber(hpa, 'minReplicas') ?? 1);
  }
  return min;
}
