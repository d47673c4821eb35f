import { propNumber } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { hasDisruptionBudget } from './pod-subject.js';

/**
 * REL-01: a Deployment or StatefulSet with more than one replica that no PodDisruptionBudget selects
 * (J27: PDB `selects` the workloads whose pod-template labels its selector matches). Replicas that
 * are not a number (unset, HPA-managed without `spec.replicas`) are not judged.
 */
export default defineRule({
  id: 'rel/no-pod-disruption-budget',
  check: 'REL-01',
  severity: 'warning',
  description: 'A multi-replica Deployment or StatefulSet has no PodDisruptionBudget.',
  appliesTo: ['Deployment', 'StatefulSet'],
  run(workload, ctx) {
    const replicas = propNumber(workload, 'replicas');
    if (replicas === undefined || replicas <= 1) return;
    if (hasDisruptionBudget(ctx, workload)) return;
    ctx.report(workload, `${workload.kind} ${workload.namespace ?? ''}/${workload.name}: ${replicas} replicas and no PodDisruptionBudget selects its pods`);
  },
});
