import { isUnresolved } from '../../model/entity.js';
import { defineRule } from '../rule.js';

/** IAM-01 (part): a role with AdministratorAccess attached. */
export default defineRule({
  id: 'iam/administrator-access',
  check: 'IAM-01',
  severity: 'warning',
  description: 'An IAM role has the AdministratorAccess managed policy attached.',
  appliesTo: ['IamRole'],
  run(role, ctx) {
    const arns = role.props['managedPolicyArns'];
    if (!Array.isArray(arns)) return;
    const admin = arns.some((a) => typeof a === 'string' && !isUnresolved(a) && /:policy\/AdministratorAccess$/.test(a));
    if (admin) ctx.report(role, `IAM role ${role.name} has AdministratorAccess attached`);
  },
});
