/**
 * J39: EKS Pod Identity. A CloudFormation `AWS::EKS::PodIdentityAssociation {Namespace, ServiceAccount,
 * RoleArn}` makes `ServiceAccount:<ns>/<name> assumes IamRole` (high: the association names both).
 * The role is the one `RoleArn` references (a template role), else the role of its ARN's name, where a
 * stand-in made for a literal ARN gives way to a CloudFormation auto-named role (medium/low, as J38
 * step 3). A service account no other input shows is created, sourced at the association (the
 * association declares it). `TargetRoleArn` (cross-account) makes `IamRole assumes IamRole`.
 *
 * eksctl's `iam.podIdentityAssociations` and `addons[].podIdentityAssociations` need no pass: the
 * eksctl front end relates the service account to the role (`eksctl-pod-identity`), and the
 * service account id is the one a kubectl dump gives it.
 */
import { makeEntity, type Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { roleFromArn } from './aws-names.js';
import { firstSource } from './lookup.js';
import { absorb, RoleIndex, type RoleMatch } from './role-match.js';

export const podIdentityPass: LinkPass = {
  rule: 'J39',
  description: 'CloudFormation pod identity associations: ServiceAccount assumes IamRole',
  run(graph, ctx) {
    const roles = new RoleIndex(graph);
    for (const pia of graph.ofKind('AwsResource')) {
      if (propString(pia, 'cfnType') !== 'AWS::EKS::PodIdentityAssociation') continue;
      const src = firstSource(pia);
      const namespace = propString(pia, 'namespace');
      const name = propString(pia, 'serviceAccount');
      const role = referencedRole(graph, roles, pia, 'role', 'roleArn');
      if (!src) continue;
      if (!namespace || !name || !role) {
        ctx.sink.info('link/pod-identity-unresolved', src.file, src.line, `pod identity association ${pia.name}: ${role ? 'namespace or service account' : 'role'} not resolved; no link (J39)`);
        continue;
      }
      const saId = k8sId('ServiceAccount', namespace, name);
      if (!graph.has(saId)) graph.addEntity(makeEntity({ id: saId, kind: 'ServiceAccount', name, namespace, source: src }));
      graph.addRelation({ type: 'assumes', from: saId, to: role.role.id, confidence: role.confidence, rule: 'J39' });
      const target = referencedRole(graph, roles, pia, 'targetRole', 'targetRoleArn');
      if (target) graph.addRelation({ type: 'assumes', from: role.role.id, to: target.role.id, confidence: target.confidence, rule: 'J39' });
    }
  },
};

function referencedRole(graph: ModelGraph, roles: RoleIndex, pia: Entity, idKey: string, arnKey: string): RoleMatch | undefined {
  const id = propString(pia, idKey);
  const arn = propString(pia, arnKey);
  const parsed = arn === undefined ? undefined : roleFromArn(arn);
  const match = id === undefined ? (parsed ? roles.byRoleName(parsed.name) : undefined) : roles.byReference(id, parsed?.name);
  if (!match || !parsed || arn === undefined) return match;
  return { role: absorb(graph, match.role, arn, parsed.name), confidence: match.confidence };
}
