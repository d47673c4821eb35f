import { defineRule } from '../rule.js';
import { describeSubject, firstTime, isSystemComponent, POD_SPEC_KINDS, privilegedContainers, seenIn, subjectOf } from './pod-subject.js';

/**
 * POD-01: a container (init containers included) runs with `securityContext.privileged: true`.
 * Reported once per top owner; the kube-system DaemonSets of EKS and its AWS add-ons, which need it
 * by design (aws-node, kube-proxy, the CSI node plugins…) and kube-system static pods (see pod-subject.ts)
 * are not reported.
 */
export default defineRule({
  id: 'k8s/privileged-container',
  check: 'POD-01',
  severity: 'warning',
  description: 'A container runs privileged (securityContext.privileged: true).',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    const names = privilegedContainers(entity);
    if (names.length === 0) return;
    const subject = subjectOf(ctx, entity);
    if (isSystemComponent(subject) || !firstTime(ctx, subject.key)) return;
    const what = names.length === 1 ? `container ${names[0]} is` : `containers ${names.join(', ')} are`;
    ctx.report(subject.entity, `${describeSubject(subject)}: ${what} privileged${seenIn(subject, entity)}`);
  },
});
