import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { propString } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * REL-13 (part): nodes whose kubelet minor version is behind the control plane's. For each cluster
 * with a declared `version` (CloudFormation `Version`, eksctl `metadata.version`; eksctl's default
 * is not the running control plane's version and is not used), the observed nodes of each of its
 * node groups and Fargate profiles (`member-of`, J10–J19) are compared on major.minor
 * (`v1.29.3-eks-…` is 1.29); one finding per group that has nodes behind. Nodes in no known group
 * are not judged. "Cluster version on extended support" needs EKS's release calendar and today's
 * date, which an offline, deterministic model does not have: not checked.
 */
export default defineRule({
  id: 'eks/kubelet-version-skew',
  check: 'REL-13',
  severity: 'info',
  description: 'Nodes run a kubelet minor version behind the control plane.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (cluster.defaulted.includes('version')) return;
    const text = propString(cluster, 'version');
    const want = text === undefined ? undefined : parseMinor(text);
    if (!want) return;
    for (const group of groupsOf(ctx.graph, cluster)) {
      const behind = new Map<string, number>();
      let count = 0;
      for (const r of ctx.graph.relationsTo(group.id, 'member-of')) {
        const node = ctx.graph.get(r.from);
        if (node?.kind !== 'Node') continue;
        const kubelet = propString(node, 'kubeletVersion');
        const v = kubelet === undefined ? undefined : parseMinor(kubelet);
        if (!v || !isBehind(v, want)) continue;
        count++;
        const key = `${v.major}.${v.minor}`;
        behind.set(key, (behind.get(key) ?? 0) + 1);
      }
      if (count === 0) continue;
      const versions = [...behind.keys()].sort(cmp).join(', ');
      ctx.report(group, `${group.kind} ${group.name}: ${count} node${count > 1 ? 's' : ''} run${count > 1 ? '' : 's'} kubelet ${versions}, behind the control plane's ${want.major}.${want.minor} (cluster ${cluster.name})`);
    }
  },
});

interface Minor {
  readonly major: number;
  readonly minor: number;
}

/** `v1.29.3-eks-5e0fdde` → 1.29, `1.30` → 1.30. */
export function parseMinor(text: string): Minor | undefined {
  const m = /^v?(\d+)\.(\d+)(?:$|[.+-])/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

function isBehind(v: Minor, want: Minor): boolean {
  return v.major < want.major || (v.major === want.major && v.minor < want.minor);
}

/** Node groups and Fargate profiles of the cluster: their `cluster` prop, or a `member-of` relation. */
function groupsOf(graph: ModelGraph, cluster: Entity): Entity[] {
  const out = new Map<string, Entity>();
  for (const r of graph.relationsTo(cluster.id, 'member-of')) {
    const g = graph.get(r.from);
    if (g && (g.kind === 'NodeGroup' || g.kind === 'FargateProfile')) out.set(g.id, g);
  }
  for (const kind of ['NodeGroup', 'FargateProfile'] as const) for (const g of graph.ofKind(kind)) if (propString(g, 'cluster') === cluster.id) out.set(g.id, g);
  return [...out.values()].sort((a, b) => cmp(a.id, b.id));
}
