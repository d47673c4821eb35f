/**
 * Identity drift: ServiceAccounts whose IAM role no input defines (`drift/external-role`), and IRSA
 * roles whose ServiceAccount was not observed (`drift/irsa-missing-service-account`) — the latter only
 * when Kubernetes ServiceAccounts were imported at all.
 */
import type { DriftItem } from '../../model/architecture.js';
import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { k8sId } from '../../model/ids.js';
import { propString, propStrings } from '../../model/read.js';
import { observedAny } from './observed.js';

export function driftIdentity(graph: ModelGraph): DriftItem[] {
  const out: DriftItem[] = [];
  for (const sa of graph.ofKind('ServiceAccount')) {
    for (const r of graph.relationsFrom(sa.id, 'assumes')) {
      const role = graph.get(r.to);
      if (role?.props['external'] !== true) continue;
      const arn = propString(role, 'arn') ?? role.name;
      out.push({ code: 'drift/external-role', entity: sa.id, message: `ServiceAccount ${sa.namespace ?? ''}/${sa.name} assumes ${arn}, which no template or eksctl file defines`, observed: arn });
    }
  }
  if (!observedAny(graph, 'ServiceAccount')) return out;
  for (const role of graph.ofKind('IamRole')) {
    if (role.props['external'] === true) continue;
    for (const sa of irsaSubjects(graph, role)) {
      const entity = graph.get(k8sId('ServiceAccount', sa.namespace, sa.name));
      if (entity && entity.sources.some((s) => s.format === 'kubernetes')) continue;
      out.push({ code: 'drift/irsa-missing-service-account', entity: role.id, message: `IAM role ${role.name} is for ServiceAccount ${sa.namespace}/${sa.name}, which was not observed`, declared: `${sa.namespace}/${sa.name}` });
    }
  }
  return out;
}

/** The ServiceAccounts an IRSA role is meant for: exact trust `:sub` subjects and eksctl's declaration. */
export function irsaSubjects(graph: ModelGraph, role: Entity): { namespace: string; name: string }[] {
  const out = new Map<string, { namespace: string; name: string }>();
  for (const sub of propStrings(role, 'oidcSubjects')) {
    const m = /^system:serviceaccount:([^:*?]+):([^:*?]+)$/.exec(sub);
    if (m?.[1] && m[2]) out.set(`${m[1]}/${m[2]}`, { namespace: m[1], name: m[2] });
  }
  for (const r of graph.relationsTo(role.id, 'assumes')) {
    const sa = graph.get(r.from);
    if (r.rule === 'eksctl-irsa' && sa?.kind === 'ServiceAccount' && sa.namespace) out.set(`${sa.namespace}/${sa.name}`, { namespace: sa.namespace, name: sa.name });
  }
  return [...out.values()];
}
