import type { Entity } from '../../model/entity.js';
import { displayValue, propBoolean, propString } from '../../model/read.js';
import { isPropMap } from '../../passes/link/cross/lookup.js';
import { defineRule, type RuleContext } from '../rule.js';
import { nodeGroupLabel, PLACING_TYPES, resolveSubnet, subnetRefs } from './subnet-lookup.js';

/**
 * NET-03: worker nodes sit in public subnets. A managed, self-managed or Karpenter node group is reported when
 * one of its subnets is classified `public` (J7: default route to an internet gateway, or the
 * evidence named in the subnet's `topologyBasis`), or, for an eksctl group none of whose subnets is
 * in the model, when `privateNetworking` is false and the cluster's VPC has a public subnet (eksctl
 * then uses the cluster's public subnets; without one it cannot place the group at all), or, for a
 * CloudFormation group none of whose subnets is in the model, when its subnets import an eksctl
 * cluster stack's `SubnetsPublic` export (`subnetsImport`, eksctl's node group stacks).
 * A node that J15 places in a public subnet is reported on its own unless its group already is.
 * Subnet references that are placeholders or name no subnet of the model are unknown: they make no
 * finding. Node `ExternalIP` addresses are not in the model, so they are not read.
 */
export default defineRule({
  id: 'net/nodes-public-subnets',
  check: 'NET-03',
  severity: 'warning',
  description: 'Worker nodes are placed in public subnets.',
  appliesTo: ['NodeGroup', 'Node'],
  run(entity, ctx) {
    if (entity.kind === 'NodeGroup') {
      const verdict = publicPlacement(entity, ctx);
      if (verdict) ctx.report(entity, `${nodeGroupLabel(entity, ctx)}: ${verdict}`);
      return;
    }
    if (propString(entity, 'computeType') === 'fargate') return;
    const subnets = ctx.relations
      .to(entity.id, 'contains')
      .map((r) => ctx.graph.get(r.from))
      .filter((s): s is Entity => s?.kind === 'Subnet' && s.props['topology'] === 'public');
    if (subnets.length === 0) return;
    // Reported through its node group when that group is reported.
    for (const r of ctx.relations.from(entity.id, 'member-of')) {
      const group = ctx.graph.get(r.to);
      if (group?.kind === 'NodeGroup' && publicPlacement(group, ctx)) return;
    }
    ctx.report(entity, `Node ${entity.name}: runs in public subnet ${names(subnets)}`);
  },
});

/** Why the group's nodes are in public subnets, or undefined when they are not (or it is unknown). */
function publicPlacement(group: Entity, ctx: RuleContext): string | undefined {
  if (!PLACING_TYPES.includes(group.props['nodeGroupType'] ?? null)) return undefined;
  const refs = subnetRefs(group);
  const resolved = refs.map((ref) => resolveSubnet(ref, ctx)).filter((s): s is Entity => s !== undefined);
  const publics = resolved.filter((s) => s.props['topology'] === 'public');
  if (publics.length > 0) {
    const publicIps = publics.some((s) => s.props['mapPublicIpOnLaunch'] === true) ? '; MapPublicIpOnLaunch gives them public IPs' : '';
    return `nodes are placed in public subnet(s) ${names(publics)}${defaultedPrivateNetworking(group)}${publicIps}`;
  }
  const imported = group.props['subnetsImport'];
  if (resolved.length === 0 && isPropMap(imported) && imported['topology'] === 'public') {
    return `its subnets are an import of eksctl cluster ${displayValue(imported['cluster'])}'s public subnets (Fn::ImportValue ${displayValue(imported['export'])})`;
  }
  const isEksctl = group.sources.some((s) => s.format === 'eksctl');
  if (isEksctl && resolved.length === 0 && propBoolean(group, 'privateNetworking') === false && clusterHasPublicSubnet(group, ctx)) {
    return `privateNetworking is false${group.defaulted.includes('privateNetworking') ? ' (eksctl default)' : ''}: eksctl places its nodes in the cluster's public subnets`;
  }
  return undefined;
}

function defaultedPrivateNetworking(group: Entity): string {
  return group.defaulted.includes('privateNetworking') && propBoolean(group, 'privateNetworking') === false ? ' (privateNetworking: false, the eksctl default)' : '';
}

/** Whether the VPC of the group's cluster (eksctl `vpc`) has a public subnet eksctl could use. */
function clusterHasPublicSubnet(group: Entity, ctx: RuleContext): boolean {
  const cluster = ctx.graph.get(propString(group, 'cluster') ?? '');
  const vpc = cluster ? propString(cluster, 'vpc') : undefined;
  if (vpc === undefined) return false;
  return ctx.graph.relationsFrom(vpc, 'contains').some((r) => ctx.graph.get(r.to)?.props['topology'] === 'public');
}

/** `NodeGroup <cluster>/<name>` (the cluster's name when the group names a known cluster). */
function names(subnets: readonly Entity[]): string {
  return [...new Set(subnets.map((s) => s.name))].sort().join(', ');
}
