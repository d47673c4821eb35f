/**
 * J40: cluster access bindings → IAM roles, as `<holder> bound-to IamRole` (the holder is the
 * `kube-system/aws-auth` ConfigMap, the eksctl Cluster whose `accessConfig.accessEntries` /
 * `iamIdentityMappings` name the role, or the CloudFormation `AWS::EKS::AccessEntry` resource).
 *
 * - A CloudFormation entry whose `PrincipalArn` references a template role: that role — high.
 * - Otherwise the role name of the ARN (aws-auth role ARNs carry no path, EKSUG auth-configmap.adoc:216):
 *   a role with that literal name — high; CloudFormation's auto-name `<stack>-<LogicalId>-<SUFFIX>`
 *   (e.g. eksctl's `eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123`) — medium, low when the
 *   stack name is truncated (role-match.ts).
 * Matched roles take the ARN when it is exact (access entries; an aws-auth ARN drops the path, so it
 * fills only a role without a path). An ARN that matches no role becomes an external role sourced at
 * the holder, with an info diagnostic. An aws-auth role ARN with a path is a warning: EKS does not
 * match it. User principals (`mapUsers`, user access entries) stay props: no input defines users.
 */
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import type { LinkPass, PassContext } from '../../types.js';
import { accessMappings, type AccessMapping } from './access-mappings.js';
import { roleFromArn } from './aws-names.js';
import { firstSource } from './lookup.js';
import { absorb, externalRole, RoleIndex, type RoleMatch } from './role-match.js';

export const clusterAccessPass: LinkPass = {
  rule: 'J40',
  description: 'aws-auth mappings and EKS access entries to the IAM roles they admit to the cluster',
  run(graph, ctx) {
    const roles = new RoleIndex(graph);
    for (const m of accessMappings(graph)) {
      const role = roleOf(graph, roles, m, ctx);
      if (role) graph.addRelation({ type: 'bound-to', from: m.holder.id, to: role.role.id, confidence: role.confidence, rule: 'J40' });
    }
  },
};

/** The role a binding admits, matched or made external; `undefined` for users and accounts. */
export function roleOf(graph: ModelGraph, roles: RoleIndex, m: AccessMapping, ctx: PassContext): RoleMatch | undefined {
  const parsed = m.arn === undefined ? undefined : roleFromArn(m.arn);
  if (m.roleId !== undefined) {
    const match = roles.byReference(m.roleId, parsed?.name);
    return match && parsed && m.arn ? { role: absorb(graph, match.role, m.arn, parsed.name), confidence: match.confidence } : match;
  }
  if (!parsed || m.arn === undefined) return undefined;
  const src = firstSource(m.holder);
  if (m.via === 'aws-auth' && parsed.path !== '/' && src) {
    ctx.sink.warning('link/aws-auth-role-path', src.file, src.line, `aws-auth maps ${m.arn}: EKS matches aws-auth role ARNs without their path, so this mapping admits no one; write the ARN without "${parsed.path}" (J40)`);
  }
  const match = roles.byRoleName(parsed.name);
  if (match) return { role: absorb(graph, match.role, exactArn(m, match.role) ? m.arn : undefined, parsed.name), confidence: match.confidence };
  if (!src) return undefined;
  ctx.sink.info('link/external-role', src.file, src.line, `${describe(m)} admits ${m.arn}, which no input defines (J40 unresolved)`);
  return { role: externalRole(graph, parsed.name, m.arn, src), confidence: 'high' };
}

/** An aws-auth ARN has no path: it is the role's ARN only when the role has no path either. */
function exactArn(m: AccessMapping, role: Entity): boolean {
  if (m.via === 'access-entry') return true;
  const path = role.props['path'];
  return path === undefined || path === '/';
}

function describe(m: AccessMapping): string {
  if (m.holder.kind === 'ConfigMap') return 'aws-auth';
  if (m.holder.kind === 'Cluster') return `cluster ${m.holder.name} (${m.via === 'aws-auth' ? 'iamIdentityMappings' : 'access entries'})`;
  return `access entry ${m.holder.name}`;
}

