import { defineRule } from '../rule.js';
import { describeSubject, firstTime, POD_SPEC_KINDS, subjectOf } from './pod-subject.js';

/**
 * POD-10: a workload (Deployment, StatefulSet, DaemonSet, CronJob, Job, ReplicaSet or bare Pod) in
 * the `default` namespace, reported once per top owner. Only workloads: the `kubernetes` Service,
 * the `default` ServiceAccount and other objects every cluster has there are not judged. A
 * manifest that names no namespace is in `default` in the model (kubectl's default), so it counts.
 */
export default defineRule({
  id: 'k8s/default-namespace',
  check: 'POD-10',
  severity: 'info',
  description: 'A workload runs in the default namespace.',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    if (entity.namespace !== 'default') return;
    const subject = subjectOf(ctx, entity);
    if (!firstTime(ctx, subject.key)) return;
    ctx.report(subject.entity, `${describeSubject(subject)} runs in the default namespace`);
  },
});
