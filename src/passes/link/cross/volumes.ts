/**
 * J44: PersistentVolume → the AWS volume behind it.
 *
 * The CSI `volumeHandle` (or legacy `awsElasticBlockStore.volumeID`) is parsed into `volumeId`
 * (EBS `vol-…`), `fileSystemId` (EFS `fs-…`) and `accessPointId` (`fs-…::fsap-…`) on the PV, whose
 * `zone` comes from its node affinity (front end). When an AwsResource of the inputs carries that
 * physical id (`volumeId`/`fileSystemId`/`physicalId` prop), the PV `uses` it (exact, high).
 * No entity is created for a volume no input declares: the model has no id constructor for an
 * AWS resource known only by its physical id (see the report to the ids.ts owner).
 */
import type { Entity } from '../../../model/entity.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';

export function parseVolumeHandle(driver: string | undefined, handle: string): Record<string, string> {
  const out: Record<string, string> = {};
  const ebs = /(vol-[0-9a-f]+)$/.exec(handle);
  if (ebs?.[1] && (driver === undefined || /ebs/.test(driver))) out['volumeId'] = ebs[1];
  const efs = /^(fs-[0-9a-f]+)(?::[^:]*)?(?:::(fsap-[0-9a-f]+))?$/.exec(handle);
  if (efs?.[1] && (driver === undefined || /efs/.test(driver))) {
    out['fileSystemId'] = efs[1];
    if (efs[2]) out['accessPointId'] = efs[2];
  }
  return out;
}

export const volumesPass: LinkPass = {
  rule: 'J44',
  description: 'PersistentVolumes to their EBS volume / EFS file system',
  run(graph) {
    const byPhysical = new Map<string, Entity>();
    for (const r of graph.ofKind('AwsResource')) {
      for (const key of ['volumeId', 'fileSystemId', 'physicalId']) {
        const v = propString(r, key);
        if (v) byPhysical.set(v, r);
      }
    }
    for (const pv of graph.ofKind('PersistentVolume')) {
      const handle = propString(pv, 'volumeHandle');
      if (!handle) continue;
      const ids = parseVolumeHandle(propString(pv, 'driver'), handle);
      for (const [k, v] of Object.entries(ids)) pv.props[k] = v;
      const target = byPhysical.get(ids['volumeId'] ?? ids['fileSystemId'] ?? '');
      if (target) graph.addRelation({ type: 'uses', from: pv.id, to: target.id, confidence: 'high', rule: 'J44' });
    }
  },
};
