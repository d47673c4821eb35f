/**
 * J6/J20 for eksctl imports that no given template exports (DOMAIN.md B.9 step 9). eksctl's node
 * group stacks read their subnets as `Fn::ImportValue "eksctl-<cluster>-cluster::SubnetsPublic"` (or
 * `SubnetsPrivate`), which the cluster stack exports as the ids of its public (private) subnets
 * (EKSCTL pkg/vpc/importer.go, pkg/cfn/outputs). When the cluster stack's template is not among the
 * inputs under a name that gives its stack name, the import stays unbound: the CloudFormation front
 * end keeps its meaning in `subnetsImport`, and this pass gives such a node group or Fargate profile
 * the subnets of that kind in the VPC of cluster `<cluster>` when the model has them (from the
 * eksctl ClusterConfig, or the cluster's template). References that are already concrete are kept.
 */
import { cmp } from '../../../core/order.js';
import type { Entity, PropValue } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { clusterId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { isPropMap } from './lookup.js';

export const eksctlImportsPass: LinkPass = {
  rule: 'J6',
  description: "Node groups and Fargate profiles importing an eksctl cluster stack's subnets to that cluster's subnets",
  run(graph) {
    for (const kind of ['NodeGroup', 'FargateProfile'] as const) {
      for (const e of graph.ofKind(kind)) {
        const meaning = importOf(e);
        if (!meaning || hasConcreteSubnet(e)) continue;
        const cluster = graph.get(clusterId(meaning.cluster));
        const vpc = cluster ? clusterVpc(graph, cluster) : undefined;
        if (vpc === undefined) continue;
        const subnets = graph
          .relationsFrom(vpc, 'contains')
          .map((r) => graph.get(r.to))
          .filter((s): s is Entity => s?.kind === 'Subnet' && s.props['topology'] === meaning.topology);
        if (subnets.length === 0) continue;
        // Referenced as eksctl's own groups reference cluster subnets: the subnet id when known.
        e.props['subnets'] = [...new Set(subnets.map((s) => propString(s, 'subnetId') ?? s.id))].sort(cmp);
        const zones = [...new Set(subnets.flatMap((s) => propString(s, 'az') ?? []))].sort(cmp);
        if (e.props['availabilityZones'] === undefined && zones.length === subnets.length) e.props['availabilityZones'] = zones;
      }
    }
  },
};

function importOf(e: Entity): { cluster: string; topology: PropValue } | undefined {
  const v = e.props['subnetsImport'];
  if (!isPropMap(v)) return undefined;
  const cluster = v['cluster'];
  return typeof cluster === 'string' ? { cluster, topology: v['topology'] ?? null } : undefined;
}

function hasConcreteSubnet(e: Entity): boolean {
  const v = e.props['subnets'];
  return Array.isArray(v) && (v as readonly PropValue[]).some((x) => typeof x === 'string');
}

/** The cluster's VPC: its `vpc` (eksctl), else the VPC of the first of its subnets the model has (CloudFormation). */
function clusterVpc(graph: ModelGraph, cluster: Entity): string | undefined {
  const vpc = propString(cluster, 'vpc');
  if (vpc !== undefined) return vpc;
  const refs = cluster.props['subnets'];
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs as readonly PropValue[]) {
    const subnet = typeof ref === 'string' ? graph.get(ref) : undefined;
    const own = subnet ? propString(subnet, 'vpc') : undefined;
    if (own !== undefined) return own;
  }
  return undefined;
}
