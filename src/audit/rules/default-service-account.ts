import { propString } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * IAM-12 (part): a pod or workload outside `kube-system` runs as its namespace's `default`
 * ServiceAccount (`serviceAccountName` unset or `default`). Reported once, at the top of the owner
 * chain the inputs hold (a Deployment, not its ReplicaSets and pods). The other half of IAM-12
 * (`automountServiceAccountToken` not false where the pod does not call the API) is not judged: the
 * model keeps neither the pod's automount setting nor whether the pod calls the API.
 */
export default defineRule({
  id: 'k8s/default-service-account',
  check: 'IAM-12',
  severity: 'info',
  description: 'A pod or workload outside kube-system runs as the namespace default ServiceAccount.',
  appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  skipOwned: true,
  run(entity, ctx) {
    if (entity.namespace === undefined || entity.namespace === 'kube-system') return;
    const sa = propString(entity, 'serviceAccount');
    if (sa !== undefined && sa !== 'default') return;
    // Reported at the top of the chain: an entity that something in the inputs owns is left to it.
    if (ctx.relations.isOwned(entity.id)) return;
    const how = sa === undefined ? 'serviceAccountName unset' : 'serviceAccountName: default';
    ctx.report(entity, `${entity.kind} ${entity.namespace}/${entity.name} runs as the default ServiceAccount (${how})`);
  },
});
