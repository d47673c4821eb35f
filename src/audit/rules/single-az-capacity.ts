import type { Entity } from '../../model/entity.js';
import { defineRule } from '../rule.js';
import { capacityZones } from './capacity-zones.js';
import { nodeGroupLabel } from './subnet-lookup.js';

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
