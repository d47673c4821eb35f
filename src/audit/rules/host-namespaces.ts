import { defineRule } from '../rule.js';
import { describeSubject, firstTime, isSystemComponent, POD_SPEC_KINDS, seenIn, subjectOf } from './pod-subject.js';

/**
 * POD-02 (part): a pod shares the node's network namespace (`hostNetwork: true`). The model keeps
 * `hostNetwork` only; `hostPID` and `hostIPC` are not read from pod specs, so they are not checked.
 * Reported once per top owner; the kube-system DaemonSets of EKS and its AWS add-ons (the D allow-list)
 * and kube-system static pods (see pod-subject.ts) are not reported.
 */
export default defineRule({
  id: 'k8s/host-namespaces',
  check: 'POD-02',
  severity: 'warning',
  description: 'A pod uses the host network namespace (hostNetwork: true) outside the kube-system system DaemonSets.',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    if (entity.props['hostNetwork'] !== true) return;
    const subject = subjectOf(ctx, entity);
    if (isSystemComponent(subject) || !firstTime(ctx, subject.key)) return;
    ctx.report(subject.entity, `${describeSubject(subject)}: uses the host network (hostNetwork: true)${seenIn(subject, entity)}`);
  },
});
