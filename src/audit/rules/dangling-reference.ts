import type { Entity } from '../../model/entity.js';
import { propString, propStrings } from '../../model/read.js';
import { isTopLevel } from '../../passes/link/kubernetes/k8s-index.js';
import { defineRule, type RuleContext } from '../rule.js';

const KINDS = ['ConfigMap/', 'Secret/', 'PersistentVolumeClaim/'];
/** Published into every namespace by kube-controller-manager (projected service-account token volumes). */
const ALWAYS_PRESENT = new Set(['ConfigMap/kube-root-ca.crt']);
/** Phases of a pod that started: its volumes mounted and its env references resolved. */
const STARTED = new Set(['Running', 'Succeeded']);

/**
 * DAT-06: a pod template references a ConfigMap, Secret or PVC that no input defines and that is not
 * marked `optional: true` (the J42/J45 link passes record them in `danglingRefs`). Only pods and
 * top-level workloads, the objects whose pods fail to start; a pod whose workload is in the inputs is
 * reported through the workload, and an observed pod that is running (or ran to completion) shows its
 * references existed. Not dangling: `kube-root-ca.crt`, and a StatefulSet's volume named after one of
 * its `volumeClaimTemplates` (the controller replaces it with the per-replica claim). Dangling Service
 * backends of Ingresses (NET-11) and Ingress TLS Secrets are not this check.
 */
export default defineRule({
  id: 'k8s/dangling-reference',
  check: 'DAT-06',
  severity: 'warning',
  description: 'A pod or workload references a ConfigMap, Secret or PersistentVolumeClaim (not optional) that no input defines.',
  appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  run(entity, ctx) {
    const refs = dangling(entity);
    if (refs.length === 0) return;
    if (entity.kind === 'Pod' && STARTED.has(propString(entity, 'phase') ?? '')) return;
    // The link passes judge pods and top-level workloads; an owner they judged reports for its pods.
    if (hasOwnerInGraph(ctx, entity, (owner) => owner.kind !== 'Pod' && isTopLevel(owner))) return;
    ctx.report(entity, `${entity.kind} ${entity.namespace ?? ''}/${entity.name} references ${refs.join(', ')}, which no input defines`);
  },
});

function dangling(entity: Entity): string[] {
  const claimTemplates = entity.kind === 'StatefulSet' ? new Set(propStrings(entity, 'volumeClaimTemplates').map((t) => `PersistentVolumeClaim/${t}`)) : undefined;
  return propStrings(entity, 'danglingRefs').filter((r) => KINDS.some((k) => r.startsWith(k)) && !ALWAYS_PRESENT.has(r) && !claimTemplates?.has(r));
}

/**
 * Whether an owner of `entity` (through `owns` relations, transitively) is in the graph and
 * satisfies `reports`: that owner is the one a finding is reported at.
 */
function hasOwnerInGraph(ctx: RuleContext, entity: Entity, reports: (owner: Entity) => boolean): boolean {
  if (!ctx.relations.isOwned(entity.id)) return false;
  const seen = new Set<string>([entity.id]);
  let frontier = [entity.id];
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const r of ctx.relations.to(id, 'owns')) {
        const owner = ctx.graph.get(r.from);
        if (!owner || seen.has(owner.id)) continue;
        if (reports(owner)) return true;
        seen.add(owner.id);
        next.push(owner.id);
      }
    }
    frontier = next;
  }
  return false;
}
