/** J43: PersistentVolumeClaim `bound-to` PersistentVolume, by PVC `spec.volumeName` or PV `spec.claimRef` (High). */
import { k8sId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';

export const pvcPvPass: LinkPass = {
  rule: 'J43',
  description: 'PersistentVolumeClaims to their PersistentVolumes',
  run(graph) {
    for (const pvc of graph.ofKind('PersistentVolumeClaim')) {
      const volume = propString(pvc, 'volumeName');
      const pv = volume ? graph.get(k8sId('PersistentVolume', undefined, volume)) : undefined;
      if (pv) graph.addRelation({ type: 'bound-to', from: pvc.id, to: pv.id, confidence: 'high', rule: 'J43' });
    }
    for (const pv of graph.ofKind('PersistentVolume')) {
      const ns = propString(pv, 'claimNamespace');
      const name = propString(pv, 'claimName');
      const pvc = ns && name ? graph.get(k8sId('PersistentVolumeClaim', ns, name)) : undefined;
      if (pvc) graph.addRelation({ type: 'bound-to', from: pvc.id, to: pv.id, confidence: 'high', rule: 'J43' });
    }
  },
};
