import { propNumber, propString } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { SYSTEM_NAMESPACES } from './namespace-network-policy.js';

/**
 * REL-02: a user workload runs as a singleton: a Deployment, StatefulSet or top-level ReplicaSet with
 * `replicas: 1` (or unset, the API default 1), or a Pod observed `Running`/`Pending` that no
 * controller owns. Not judged:
 * the `kube-*` system namespaces, DaemonSets, Jobs and CronJobs (run-to-completion), workloads an
 * HPA scales (J27 `selects`), workloads scaled to 0, and bare pods without an observed phase.
 */
export default defineRule({
  id: 'rel/singleton-workload',
  check: 'REL-02',
  severity: 'warning',
  description: 'A user workload runs a single replica or is a bare Pod.',
  appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'Pod'],
  skipOwned: true,
  run(e, ctx) {
    if (SYSTEM_NAMESPACES.has(e.namespace ?? '')) return;
    const label = `${e.kind} ${e.namespace ?? ''}/${e.name}`;
    if (e.kind === 'Pod') {
      if (propString(e, 'ownerKind') !== undefined) return;
      // Only pods seen running: a manifest's bare Pod may be a run-once hook (`helm.sh/hook`,
      // `restartPolicy: Never`), which the model does not keep.
      const phase = propString(e, 'phase');
      if (phase !== 'Running' && phase !== 'Pending') return;
      ctx.report(e, `${label}: bare Pod without a controller (not recreated if its node fails)`);
      return;
    }
    // A ReplicaSet a Deployment owns is judged through the Deployment.
    if (e.kind === 'ReplicaSet' && propString(e, 'ownerKind') !== undefined) return;
    const v = e.props['replicas'];
    if (v !== undefined && typeof v !== 'number') return;
    const replicas = propNumber(e, 'replicas');
    if (replicas !== undefined && replicas !== 1) return;
    if (ctx.graph.relationsTo(e.id, 'selects').some((r) => ctx.graph.get(r.from)?.kind === 'HorizontalPodAutoscaler')) return;
    ctx.report(e, `${label}: runs a single replica (${replicas === undefined ? 'replicas not set, default 1' : 'replicas: 1'})`);
  },
});
