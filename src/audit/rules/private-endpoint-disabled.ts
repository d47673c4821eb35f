import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import { propBoolean } from '../../model/read.js';
import { groupsOf } from '../../passes/drift/observed.js';
import { seenIn } from '../../passes/link/cross/lookup.js';
import { defineRule, type RuleContext } from '../rule.js';
import { PLACING_TYPES, resolveSubnet, subnetRefs } from './subnet-lookup.js';

/**
 * NET-02: the cluster's private endpoint is off while its nodes sit in private subnets, so the
 * kubelets reach the API server through the public endpoint: out of the VPC through NAT (and, from an
 * isolated subnet, not at all). Judged for a cluster whose `endpointPrivateAccess` is a known false
 * (declared, or the default of CloudFormation and eksctl) on its managed, self-managed and Karpenter
 * node groups and its Fargate profiles: those with a subnet of the model classified `private` or
 * `isolated` (J7), and eksctl groups with `privateNetworking: true` whose subnets are not in the model.
 * Placeholder subnets and subnets of unknown topology are not judged.
 */
export default defineRule({
  id: 'eks/private-endpoint-disabled',
  check: 'NET-02',
  severity: 'warning',
  description: 'The cluster private endpoint is disabled while nodes run in private subnets (node-to-API traffic leaves the VPC).',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (propBoolean(cluster, 'endpointPrivateAccess') !== false) return;
    const placed = groupsOf(ctx.graph, cluster)
      .map((g) => privatePlacement(g, ctx))
      .filter((p): p is string => p !== undefined)
      .sort(cmp);
    if (placed.length === 0) return;
    const how = cluster.defaulted.includes('endpointPrivateAccess') ? 'is off (the default)' : 'is off';
    const publicOff = propBoolean(cluster, 'endpointPublicAccess') === false ? '; the public endpoint is off too, so they cannot reach it at all' : '; their API traffic leaves the VPC through NAT to the public endpoint';
    ctx.report(cluster, `cluster ${cluster.name}: private endpoint access ${how}, but ${placed.join('; ')}${publicOff}`);
  },
});

/** `node group ng-1 runs in private subnet(s) a, b`, or undefined when no private placement is known. */
function privatePlacement(group: Entity, ctx: RuleContext): string | undefined {
  const label = group.kind === 'FargateProfile' ? `Fargate profile ${group.name}` : `node group ${group.name}`;
  if (group.kind === 'NodeGroup' && !PLACING_TYPES.includes(group.props['nodeGroupType'] ?? null)) return undefined;
  const resolved = subnetRefs(group)
    .map((ref) => resolveSubnet(ref, ctx))
    .filter((s): s is Entity => s !== undefined);
  const inner = resolved.filter((s) => s.props['topology'] === 'private' || s.props['topology'] === 'isolated');
  if (inner.length > 0) {
    const names = [...new Set(inner.map((s) => s.name))].sort(cmp);
    return `${label} runs in ${inner.some((s) => s.props['topology'] === 'isolated') ? 'private or isolated' : 'private'} subnet${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
  }
  if (resolved.length === 0 && group.kind === 'NodeGroup' && propBoolean(group, 'privateNetworking') === true && seenIn(group, 'eksctl')) {
    return `${label} has privateNetworking: true`;
  }
  return undefined;
}
