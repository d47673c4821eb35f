/**
 * Which entity a resource becomes (kind, id, display name), per the integration contract: natural
 * ids (`Cluster:<name>`, `IamRole:<RoleName>`, `NodeGroup:<cluster>/<name>`…) when the names resolve
 * to literals, otherwise `cfnId(kind, template, logicalId)`.
 */
import { own } from '../../core/guards.js';
import { addonId, cfnId, clusterId, fargateProfileId, iamRoleId, nodeGroupId } from '../../model/ids.js';
import type { EntityKind } from '../../model/kinds.js';
import { detectSelfManaged } from './self-managed.js';
import type { Stack } from './stack.js';
import type { ResourceDecl } from './template.js';
import { textOf } from './values.js';

export interface Identity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
}

const NETWORK_KINDS: Readonly<Record<string, EntityKind>> = {
  'AWS::EC2::VPC': 'Vpc',
  'AWS::EC2::Subnet': 'Subnet',
  'AWS::EC2::InternetGateway': 'InternetGateway',
  'AWS::EC2::NatGateway': 'NatGateway',
  'AWS::EC2::RouteTable': 'RouteTable',
  'AWS::EC2::SecurityGroup': 'SecurityGroup',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'LoadBalancer',
};

/** A name + cluster pair to a natural id, or the template-scoped id when either is unknown. */
function scoped(kind: EntityKind, stack: Stack, decl: ResourceDecl, nameProp: string, make: (cluster: string, name: string) => string): Identity {
  const cluster = stack.text(decl.logicalId, 'ClusterName');
  const name = stack.text(decl.logicalId, nameProp);
  if (cluster !== undefined && name !== undefined) return { id: make(cluster, name), kind, name };
  return { id: cfnId(kind, stack.key, decl.logicalId), kind, name: name ?? decl.logicalId };
}

export function identify(stack: Stack, decl: ResourceDecl): Identity {
  const id = decl.logicalId;
  const local = (kind: EntityKind, name = id): Identity => ({ id: cfnId(kind, stack.key, id), kind, name });
  switch (decl.type) {
    case 'AWS::EKS::Cluster': {
      const name = stack.text(id, 'Name');
      return name === undefined ? local('Cluster') : { id: clusterId(name), kind: 'Cluster', name };
    }
    case 'AWS::EKS::Nodegroup':
      return scoped('NodeGroup', stack, decl, 'NodegroupName', nodeGroupId);
    case 'AWS::EKS::FargateProfile':
      return scoped('FargateProfile', stack, decl, 'FargateProfileName', fargateProfileId);
    case 'AWS::EKS::Addon':
      return scoped('Addon', stack, decl, 'AddonName', addonId);
    case 'AWS::IAM::Role': {
      const name = stack.text(id, 'RoleName');
      return name === undefined ? local('IamRole') : { id: iamRoleId(name), kind: 'IamRole', name };
    }
    case 'AWS::AutoScaling::AutoScalingGroup': {
      const sm = detectSelfManaged(stack, decl);
      if (!sm) return local('AwsResource');
      const cluster = textOf(sm.cluster);
      if (cluster !== undefined && sm.name !== undefined) return { id: nodeGroupId(cluster, sm.name), kind: 'NodeGroup', name: sm.name };
      return local('NodeGroup', sm.name ?? id);
    }
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return local('LoadBalancer', stack.text(id, 'Name') ?? id);
    case 'AWS::ElasticLoadBalancing::LoadBalancer':
      return local('LoadBalancer', stack.text(id, 'LoadBalancerName') ?? id);
    default:
      return local(own(NETWORK_KINDS, decl.type) ?? 'AwsResource');
  }
}
