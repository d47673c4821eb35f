import type { Entity, PropValue } from '../../model/entity.js';
import { propStrings } from '../../model/read.js';
import { defineRule, type RuleContext } from '../rule.js';
import { nodeGroupLabel, resolveSubnet, subnetRefs } from './subnet-lookup.js';

/**
 * REL-05: node capacity in a single AZ. A managed or self-managed node group is reported when all its
 * subnets are subnets of the model with a known AZ and that AZ is the same (J20); without subnets, an
 * eksctl group's `availabilityZones`; a group whose `availabilityZones` already lists several AZs is
 * never single. A cluster is reported when it has two or more capacity sources
 * (node groups, Fargate profiles) and all of them together span one AZ. Any subnet that is a
 * placeholder, names no subnet of the model or has an unknown AZ makes the source (and its cluster)
 * indeterminate. A Karpenter pool can launch where its EC2NodeClass subnets (J16) and its zone
 * requirement (`In`) both allow; Auto Mode pools are indeterminate (EKS picks their subnets).
 * Observed node zones are not used: a node group's current nodes show where it runs now, not where
 * it can launch.
 */
export default defineRule({
  id: 'rel/single-az-capacity',
  check: 'REL-05',
  severity: 'warning',
  description: 'Node capacity (a node group, or all of a cluster) is confined to one Availability Zone.',
  appliesTo: ['NodeGroup', 'Cluster'],
  run(e, ctx) {
    if (e.kind === 'NodeGroup') {
      const zones = capacityZones(e, ctx);
      const where = e.props['nodeGroupType'] === 'karpenter' ? 'its NodePool can only launch nodes in one AZ' : 'all its subnets are in one AZ';
      if (zones?.length === 1) ctx.report(e, `${nodeGroupLabel(e, ctx)}: ${where} (${zones[0] ?? ''})`);
      return;
    }
    if (e.props['autoMode'] === true) return;
    const sources = ctx.graph
      .relationsTo(e.id, 'member-of')
      .map((r) => ctx.graph.get(r.from))
      .filter((s): s is Entity => s?.kind === 'NodeGroup' || s?.kind === 'FargateProfile');
    if (sources.length < 2) return;
    const all = new Set<string>();
    for (const s of sources) {
      const zones = capacityZones(s, ctx);
      if (!zones) return;
      for (const z of zones) all.add(z);
    }
    if (all.size !== 1) return;
    ctx.report(e, `cluster ${e.name}: all ${sources.length} node groups / Fargate profiles are in one AZ (${[...all][0] ?? ''})`);
  },
});

/** The AZs a capacity source can launch in, or undefined when that is not known. */
function capacityZones(e: Entity, ctx: RuleContext): string[] | undefined {
  if (e.kind === 'NodeGroup') {
    const type = e.props['nodeGroupType'];
    if (type === 'karpenter') return karpenterZones(e, ctx);
    if (type !== 'managed' && type !== 'self-managed') return undefined;
  }
  const declared = e.props['availabilityZones'];
  const declaredZones = Array.isArray(declared) ? new Set(declared.filter((z): z is string => typeof z === 'string')) : new Set<string>();
  // The model already shows several AZs (e.g. duplicate subnet ids merged into one subnet): not single.
  if (declaredZones.size > 1) return undefined;
  const refs = subnetRefs(e);
  if (refs.length > 0) return subnetZones(refs, ctx);
  // eksctl's own lists (declared or derived from known subnets); other formats drop unknown entries.
  if (e.kind !== 'NodeGroup' || !e.sources.every((s) => s.format === 'eksctl')) return undefined;
  if (!Array.isArray(declared) || declared.length === 0 || !declared.every((z) => typeof z === 'string')) return undefined;
  return [...declaredZones].sort();
}

/** The AZs of subnet references, or undefined when one is not a subnet of the model with a known AZ. */
function subnetZones(refs: readonly PropValue[], ctx: RuleContext): string[] | undefined {
  const zones = new Set<string>();
  for (const ref of refs) {
    const az = resolveSubnet(ref, ctx)?.props['az'];
    if (typeof az !== 'string') return undefined;
    zones.add(az);
  }
  return [...zones].sort();
}

/** A Karpenter pool: the AZs of its selected subnets, narrowed by its zone requirement. */
function karpenterZones(e: Entity, ctx: RuleContext): string[] | undefined {
  const required = propStrings(e, 'availabilityZones');
  const refs = subnetRefs(e);
  if (refs.length === 0) return required.length > 0 ? [...required].sort() : undefined;
  const zones = subnetZones(refs, ctx);
  return zones && required.length > 0 ? zones.filter((z) => required.includes(z)) : zones;
}
