/**
 * J38: `ServiceAccount assumes IamRole` from the `eks.amazonaws.com/role-arn` annotation. The ARN's
 * role name is tried, in order, against:
 *   1. a role whose name is known literally (`iamRoleId(name)`: CloudFormation `RoleName` after
 *      `!Sub`, eksctl `roleName`/`attachRoleARN`) — high;
 *   2. the eksctl `iam.serviceAccounts` role of the same namespace/name (the SA ids are shared, so
 *      eksctl's `assumes` relation is already there) — high; that role absorbs the ARN: `arn`,
 *      `roleName`, and any entity already made for the ARN's name is merged into it;
 *   3. CloudFormation's auto-name shape `<stack>-<LogicalId>-<SUFFIX>` against roles with that
 *      `logicalId` and a `stackName` the prefix starts — medium when the stack name is whole, low
 *      when truncated or unknown;
 *   4. a role whose trust policy `:sub` condition names `system:serviceaccount:<ns>:<name>` (exact
 *      or glob) — medium; not a role whose own name is known and is not the ARN's (it trusts the
 *      ServiceAccount, but the annotation names another role).
 * Matched roles take the ARN (and the name, when theirs is a placeholder). An ARN matching nothing
 * becomes an external role `iamRoleId(name)` with `external: true` and `arn`, sourced at the SA,
 * and an info diagnostic says it is unresolved (the audit's IAM-04 reports it).
 */
import { notRoleArnReason } from '../../../frontends/eksctl/arn.js';
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { propString } from '../../../model/read.js';
import type { LinkPass, PassContext } from '../../types.js';
import { roleFromArn } from './aws-names.js';
import { firstSource } from './lookup.js';
import { absorb, externalRole, RoleIndex, roleByName, type RoleMatch } from './role-match.js';

export const irsaPass: LinkPass = {
  rule: 'J38',
  description: 'ServiceAccounts to the IAM roles of their role-arn annotation (IRSA)',
  run(graph, ctx) {
    const roles = new RoleIndex(graph);
    for (const sa of graph.ofKind('ServiceAccount')) {
      const arn = propString(sa, 'roleArn');
      if (!arn) continue;
      const parsed = roleFromArn(arn);
      const src = firstSource(sa);
      if (!parsed) {
        if (src) ctx.sink.warning('link/bad-role-arn', src.file, src.line, `ServiceAccount ${sa.id}: its role ARN is not an IAM role ARN (${notRoleArnReason(arn)}); no role is assumed (J38)`);
        continue;
      }
      const subject = `system:serviceaccount:${sa.namespace ?? 'default'}:${sa.name}`;
      const match = roleByName(graph, parsed.name) ?? byEksctl(graph, sa, parsed.name, ctx) ?? roles.byAutoName(parsed.name) ?? roles.bySubject(subject, parsed.name);
      const role = match ? absorb(graph, match.role, arn, parsed.name) : external(graph, sa, arn, parsed.name, ctx);
      if (role) graph.addRelation({ type: 'assumes', from: sa.id, to: role.id, confidence: match?.confidence ?? 'high', rule: 'J38' });
    }
  },
};

function byEksctl(graph: ModelGraph, sa: Entity, name: string, ctx: PassContext): RoleMatch | undefined {
  for (const rel of graph.relationsFrom(sa.id, 'assumes')) {
    if (rel.rule !== 'eksctl-irsa') continue;
    const role = graph.get(rel.to);
    if (!role) continue;
    const declared = propString(role, 'roleName');
    if (declared !== undefined && declared !== name) {
      const src = firstSource(sa);
      if (src) ctx.sink.warning('link/irsa-role-mismatch', src.file, src.line, `ServiceAccount ${sa.id} is annotated with role ${name} but eksctl declares role ${declared} for it (J38)`);
      return undefined;
    }
    return { role, confidence: 'high' };
  }
  return undefined;
}

function external(graph: ModelGraph, sa: Entity, arn: string, name: string, ctx: PassContext): Entity | undefined {
  const source = firstSource(sa);
  if (!source) return undefined;
  ctx.sink.info('link/external-role', source.file, source.line, `ServiceAccount ${sa.id} assumes ${arn}, which no input defines (J38 unresolved)`);
  return externalRole(graph, name, arn, source);
}
