import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import { propString } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { capacityZones } from './capacity-zones.js';

const EBS_DRIVERS = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);

/**
 * REL-07: an EBS-backed PersistentVolume is pinned to an AZ (its node affinity) where none of the
 * cluster's node groups can launch nodes (capacity-zones.ts), so a pod that mounts it cannot be
 * scheduled once its node is gone. Judged only when the model has one cluster, that cluster has node
 * groups, and every group's AZs are known (Fargate cannot mount EBS volumes and does not count).
 */
export default defineRule({
  id: 'rel/ebs-volume-zone-without-capacity',
  check: 'REL-07',
  severity: 'warning',
  description: 'An EBS PersistentVolume is pinned to an Availability Zone where no node group can launch nodes.',
  appliesTo: ['PersistentVolume'],
  run(pv, ctx) {
    const zone = propString(pv, 'zone');
    if (zone === undefined || !EBS_DRIVERS.has(propString(pv, 'driver') ?? '')) return;
    const clusters = ctx.graph.ofKind('Cluster');
    const cluster = clusters[0];
    if (clusters.length !== 1 || !cluster) return;
    const groups = ctx.graph
      .relationsTo(cluster.id, 'member-of')
      .map((r) => ctx.graph.get(r.from))
      .filter((g): g is Entity => g?.kind === 'NodeGroup');
    if (groups.length === 0) return;
    const zones = new Set<string>();
    for (const g of groups) {
      const own = capacityZones(g, ctx);
      if (!own) return;
      for (const z of own) zones.add(z);
    }
    if (zones.has(zone)) return;
    const claim = propString(pv, 'claimName');
    const bound = claim === undefined ? '' : `, bound to ${propString(pv, 'claimNamespace') ?? ''}/${claim}`;
    ctx.report(pv, `PersistentVolume ${pv.name} (EBS${bound}) is pinned to ${zone}, where no node group of cluster ${cluster.name} can launch nodes (they launch in ${[...zones].sort(cmp).join(', ')})`);
  },
});
