import type { PropValue } from '../../model/entity.js';
import { isUnresolved } from '../../model/entity.js';
import { propString } from '../../model/read.js';
import { defineRule } from '../rule.js';

const EBS_PROVISIONERS = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);
/** What Go's `strconv.ParseBool` reads as true: both EBS provisioners parse `encrypted` with it. */
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

/**
 * DAT-04: a StorageClass of the EBS CSI driver or the in-tree EBS provisioner without
 * `parameters.encrypted: "true"`: its volumes are created unencrypted (the drivers' default), unless
 * the account enables EBS encryption by default, which no input shows.
 */
export default defineRule({
  id: 'k8s/ebs-storage-class-unencrypted',
  check: 'DAT-04',
  severity: 'warning',
  description: 'An EBS StorageClass does not set parameters.encrypted: "true".',
  appliesTo: ['StorageClass'],
  run(sc, ctx) {
    const provisioner = propString(sc, 'provisioner');
    if (provisioner === undefined || !EBS_PROVISIONERS.has(provisioner)) return;
    const params = sc.props['parameters'];
    if (params !== undefined && (isUnresolved(params) || typeof params !== 'object' || params === null || Array.isArray(params))) return;
    const encrypted: PropValue | undefined = params ? (params as { readonly [k: string]: PropValue })['encrypted'] : undefined;
    if (typeof encrypted === 'string' && TRUE.has(encrypted)) return;
    if (encrypted !== undefined && typeof encrypted !== 'string') return;
    const how = encrypted === undefined ? 'parameters.encrypted is unset' : `parameters.encrypted is "${encrypted}"`;
    ctx.report(sc, `StorageClass ${sc.name} (${provisioner}): EBS volumes are not encrypted (${how})`);
  },
});
