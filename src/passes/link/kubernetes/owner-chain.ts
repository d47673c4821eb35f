/**
 * J23 owner chains: Pod → ReplicaSet → Deployment, Job → CronJob, StatefulSet/DaemonSet/Job → Pod,
 * from `ownerReferences` (kept as ownerKind/ownerName/ownerUid). By uid first, else by kind +
 * namespace + name (both High); a pod whose ReplicaSet is not in the inputs is tied to the Deployment
 * named by stripping the `pod-template-hash` (Medium). Relations go owner `owns` owned.
 */
import type { Entity } from '../../../model/entity.js';
import { k8sId } from '../../../model/ids.js';
import { isEntityKind } from '../../../model/kinds.js';
import { propMap, propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { WORKLOAD_KINDS } from './k8s-index.js';

export const ownerChainPass: LinkPass = {
  rule: 'J23',
  description: 'Pods and workloads to their controllers through ownerReferences',
  run(graph) {
    const byUid = new Map<string, Entity>();
    for (const kind of WORKLOAD_KINDS) {
      for (const e of graph.ofKind(kind)) {
        const uid = propString(e, 'uid');
        if (uid) byUid.set(uid, e);
      }
    }
    for (const kind of ['Pod', ...WORKLOAD_KINDS] as const) {
      for (const e of graph.ofKind(kind)) {
        const ownerKind = propString(e, 'ownerKind');
        const ownerName = propString(e, 'ownerName');
        if (!ownerKind || !ownerName) continue;
        const uid = propString(e, 'ownerUid');
        const byId = uid ? byUid.get(uid) : undefined;
        const owner = byId ?? (isEntityKind(ownerKind) ? graph.get(k8sId(ownerKind, e.namespace, ownerName)) : undefined);
        if (owner && owner.id !== e.id) {
          graph.addRelation({ type: 'owns', from: owner.id, to: e.id, confidence: 'high', rule: 'J23' });
          continue;
        }
        // The ReplicaSet is missing (a partial dump): its Deployment's name is the RS name minus the hash.
        const hash = propMap(e, 'labels')['pod-template-hash'];
        if (ownerKind === 'ReplicaSet' && hash && ownerName.endsWith(`-${hash}`)) {
          const dep = graph.get(k8sId('Deployment', e.namespace, ownerName.slice(0, -hash.length - 1)));
          if (dep) graph.addRelation({ type: 'owns', from: dep.id, to: e.id, confidence: 'medium', rule: 'J23' });
        }
      }
    }
  },
};
