/**
 * Load balancer lookups shared by the load balancer checks (NET-08, NET-09, NET-10). This file is not
 * a rule: it has no default export and is not listed in `index.ts`.
 */
import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import { seenIn } from '../../passes/link/cross/lookup.js';
import type { RuleContext } from '../rule.js';

/** The Services and Ingresses of the Kubernetes inputs that a load balancer routes to (J30–J32), by id. */
export function kubernetesTargets(lb: Entity, ctx: RuleContext): Entity[] {
  return ctx.relations
    .from(lb.id, 'routes-to')
    .map((r) => ctx.graph.get(r.to))
    .filter((e): e is Entity => (e?.kind === 'Service' || e?.kind === 'Ingress') && seenIn(e, 'kubernetes'))
    .sort((a, b) => cmp(a.id, b.id));
}

export function isInternetFacing(lb: Entity): boolean {
  return lb.props['scheme'] === 'internet-facing';
}
