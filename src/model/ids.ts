/**
 * Entity ids. Ids derive from content (names, logical ids, file paths), never from order, so the same
 * inputs give the same ids. Create ids only through these constructors.
 */
import type { EntityKind } from './kinds.js';

/** A Kubernetes object: `Pod:shop/web-1`, `Node:ip-10-0-1-2.ec2.internal` (cluster-scoped). */
export function k8sId(kind: EntityKind, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${kind}:${name}` : `${kind}:${namespace}/${name}`;
}

/** Any other Kubernetes kind: `KubernetesObject:cert-manager.io/Certificate:ns/name`. */
export function k8sObjectId(apiGroup: string, kind: string, namespace: string | undefined, name: string): string {
  const type = apiGroup ? `${apiGroup}/${kind}` : kind;
  return namespace === undefined ? `KubernetesObject:${type}:${name}` : `KubernetesObject:${type}:${namespace}/${name}`;
}

export function clusterId(name: string): string {
  return `Cluster:${name}`;
}

export function nodeGroupId(cluster: string, name: string): string {
  return `NodeGroup:${cluster}/${name}`;
}

export function fargateProfileId(cluster: string, name: string): string {
  return `FargateProfile:${cluster}/${name}`;
}

export function addonId(cluster: string, name: string): string {
  return `Addon:${cluster}/${name}`;
}

/** An IAM role whose name is known (from `RoleName`, an ARN or eksctl). */
export function iamRoleId(roleName: string): string {
  return `IamRole:${roleName}`;
}

/** A CloudFormation resource without a natural name: `Subnet:cfn:cfn/network.yaml#PublicSubnet1`. */
export function cfnId(kind: EntityKind, file: string, logicalId: string): string {
  return `${kind}:cfn:${file}#${logicalId}`;
}

/** Something eksctl declares without a natural name: `Subnet:eksctl:shop-prod/private/ap-northeast-1a`. */
export function eksctlId(kind: EntityKind, cluster: string, path: string): string {
  return `${kind}:eksctl:${cluster}/${path}`;
}

export function loadBalancerId(key: string): string {
  return `LoadBalancer:${key}`;
}
