import { propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * IAM-03: an IRSA role's trust policy is not scoped to one ServiceAccount: an OIDC (web identity)
 * statement without a `:sub` condition (any service account of the cluster, or of any cluster of that
 * provider, can assume it), a `:sub` pattern with `*` or `?` (`StringLike`, eksctl `subjectPattern`),
 * or, for CloudFormation roles, OIDC statements without an `:aud` condition. Subjects that are
 * placeholders (not `system:serviceaccount:…` text) are not judged.
 */
export default defineRule({
  id: 'iam/irsa-trust-unscoped',
  check: 'IAM-03',
  severity: 'warning',
  description: 'An IRSA role trust policy is not scoped to one ServiceAccount (no :sub condition, a wildcard subject, or no :aud condition).',
  appliesTo: ['IamRole'],
  run(role, ctx) {
    if (role.props['external'] === true) return;
    const reasons: string[] = [];
    if (role.props['oidcUnscoped'] === true) reasons.push('an OIDC trust statement has no :sub condition, so any service account the provider vouches for can assume it');
    const wildcards = propStrings(role, 'oidcSubjects').filter((s) => s.startsWith('system:serviceaccount:') && /[*?]/.test(s));
    if (wildcards.length > 0) reasons.push(`its :sub ${wildcards.length === 1 ? 'pattern' : 'patterns'} ${wildcards.join(', ')} ${wildcards.length === 1 ? 'matches' : 'match'} more than one service account`);
    const audiences = role.props['oidcAudiences'];
    if (Array.isArray(audiences) && audiences.length === 0) reasons.push('its OIDC trust has no :aud condition (sts.amazonaws.com)');
    if (reasons.length > 0) ctx.report(role, `IAM role ${role.name}: ${reasons.join('; ')}`);
  },
});
