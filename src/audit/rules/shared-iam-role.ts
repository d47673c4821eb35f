import type { Entity } from '../../model/entity.js';
import { defineRule } from '../rule.js';

/**
 * IAM-07: one IAM role is assumed by several ServiceAccounts (IRSA J38, eksctl `iam.serviceAccounts`,
 * Pod Identity J39, addon roles J41). Each ServiceAccount is counted once, however many relations
 * (an annotation and a pod identity association, say) tie it to the role; low-confidence heuristic
 * joins (a truncated CloudFormation auto-name) do not count.
 */
export default defineRule({
  id: 'iam/shared-role',
  check: 'IAM-07',
  severity: 'info',
  description: 'One IAM role is assumed by several ServiceAccounts instead of one role per application.',
  appliesTo: ['IamRole'],
  run(role, ctx) {
    const accounts = new Map<string, Entity>();
    for (const r of ctx.graph.relationsTo(role.id, 'assumes')) {
      if (r.confidence === 'low') continue;
      const from = ctx.graph.get(r.from);
      if (from?.kind === 'ServiceAccount') accounts.set(from.id, from);
    }
    if (accounts.size < 2) return;
    const names = [...accounts.values()].map((sa) => `${sa.namespace ?? ''}/${sa.name}`).sort();
    ctx.report(role, `IAM role ${role.name} is assumed by ${names.length} ServiceAccounts: ${names.join(', ')}`);
  },
});
