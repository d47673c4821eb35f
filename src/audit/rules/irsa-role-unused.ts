import type { ModelGraph } from '../../model/graph.js';
import { k8sId } from '../../model/ids.js';
import { irsaSubjects } from '../../passes/drift/identity.js';
import { seenIn } from '../../passes/link/cross/lookup.js';
import { defineRule } from '../rule.js';

/**
 * IAM-05: an IRSA role that the inputs define (CloudFormation trust `:sub` subjects, eksctl
 * `iam.serviceAccounts`) is for a ServiceAccount the Kubernetes inputs do not show, or show without
 * the `eks.amazonaws.com/role-arn` annotation that makes it assume the role (J38). Judged only for
 * namespaces whose ServiceAccounts the Kubernetes inputs show (a dump lists every namespace's
 * `default` account), so a repository with one app's manifests does not make every other role
 * unused. Subjects with wildcards are not judged; an eksctl `attachRoleARN` counts as the
 * annotation (eksctl writes it).
 */
export default defineRule({
  id: 'iam/irsa-role-unused',
  check: 'IAM-05',
  severity: 'info',
  description: 'An IRSA role is defined but its ServiceAccount is missing or lacks the role-arn annotation.',
  appliesTo: ['IamRole'],
  run(role, ctx) {
    if (role.props['external'] === true) return;
    const shown = observedNamespaces(ctx.graph);
    for (const subject of irsaSubjects(ctx.graph, role)) {
      if (!shown.has(subject.namespace)) continue;
      const sa = ctx.graph.get(k8sId('ServiceAccount', subject.namespace, subject.name));
      const label = `ServiceAccount ${subject.namespace}/${subject.name}`;
      if (!sa || !seenIn(sa, 'kubernetes')) {
        ctx.report(role, `IAM role ${role.name} is for ${label}, which the Kubernetes inputs do not show (they show namespace ${subject.namespace}'s service accounts)`);
        continue;
      }
      const annotated = ctx.graph.relationsFrom(sa.id, 'assumes').filter((r) => r.rule === 'J38');
      if (annotated.some((r) => ctx.graph.resolve(r.to) === role.id)) continue;
      const other = annotated.map((r) => ctx.graph.get(r.to)?.name).find((n) => n !== undefined);
      ctx.report(role, `IAM role ${role.name} is for ${label}, which ${other === undefined ? 'carries no eks.amazonaws.com/role-arn annotation' : `is annotated with another role (${other})`}`);
    }
  },
});

/** Namespaces with a ServiceAccount from a Kubernetes input; once per graph. */
const cache = new WeakMap<ModelGraph, ReadonlySet<string>>();

function observedNamespaces(graph: ModelGraph): ReadonlySet<string> {
  let hit = cache.get(graph);
  if (!hit) {
    hit = new Set(graph.ofKind('ServiceAccount').filter((sa) => sa.namespace !== undefined && seenIn(sa, 'kubernetes')).map((sa) => sa.namespace ?? ''));
    cache.set(graph, hit);
  }
  return hit;
}
