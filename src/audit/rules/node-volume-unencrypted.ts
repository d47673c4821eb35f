import { propBoolean, propString } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * DAT-05 (part): an eksctl managed or self-managed node group whose root volumes are not encrypted
 * (`volumeEncrypted` false or unset). CloudFormation launch templates are not judged: the model does
 * not keep their `BlockDeviceMappings[].Ebs.Encrypted`, and neither are eksctl groups with their own
 * `launchTemplate` (its volumes are not in the inputs). Karpenter and Auto Mode pools have no
 * `volumeEncrypted`.
 */
export default defineRule({
  id: 'eks/node-volume-unencrypted',
  check: 'DAT-05',
  severity: 'info',
  description: 'An eksctl node group does not encrypt its root volumes (volumeEncrypted is false or unset).',
  appliesTo: ['NodeGroup'],
  run(ng, ctx) {
    if (!ng.sources.some((s) => s.format === 'eksctl')) return;
    const type = propString(ng, 'nodeGroupType');
    if (type !== 'managed' && type !== 'self-managed') return;
    // A custom launch template decides the volumes, and the inputs do not hold it.
    if (ng.props['launchTemplate'] !== undefined) return;
    const encrypted = ng.props['volumeEncrypted'];
    if (encrypted !== undefined && typeof encrypted !== 'boolean') return;
    if (propBoolean(ng, 'volumeEncrypted') === true) return;
    const cluster = propString(ng, 'cluster');
    const clusterName = cluster === undefined ? undefined : ctx.graph.get(cluster)?.name;
    const where = clusterName === undefined ? '' : ` (cluster ${clusterName})`;
    ctx.report(ng, `node group ${ng.name}${where}: volumeEncrypted is ${encrypted === false ? 'false' : 'unset'}, so eksctl does not encrypt its root volumes`);
  },
});
