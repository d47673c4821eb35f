/**
 * Cross-source joins (DOMAIN.md J1–J21, J30–J35, J38–J41, J44), in order: identities first (one
 * Cluster, one VPC/subnet per real thing), subnets imported from eksctl cluster stacks, then node placement (groups before subnets, which use the
 * groups), Fargate, identity (IRSA, Pod Identity, cluster access, addon accounts, then node roles,
 * which use the cluster-access roles) and traffic.
 */
import type { LinkPass } from '../../types.js';
import { addonRolesPass } from './addon-roles.js';
import { clusterAccessPass } from './cluster-access.js';
import { clusterIdentityPass } from './cluster-identity.js';
import { eksctlImportsPass } from './eksctl-imports.js';
import { fargatePass } from './fargate.js';
import { irsaPass } from './irsa.js';
import { karpenterPass } from './karpenter.js';
import { lbSubnetsPass } from './lb-subnets.js';
import { lbTargetsPass } from './lb-targets.js';
import { loadBalancersPass } from './load-balancers.js';
import { networkIdentityPass } from './network-identity.js';
import { nodeGroupsPass } from './node-groups.js';
import { nodeRolesPass } from './node-roles.js';
import { nodeSubnetPass } from './node-subnet.js';
import { podIdentityPass } from './pod-identity.js';
import { targetGroupBindingsPass } from './target-group-bindings.js';
import { volumesPass } from './volumes.js';

export const CROSS_SOURCE_PASSES: readonly LinkPass[] = [
  clusterIdentityPass,
  networkIdentityPass,
  eksctlImportsPass,
  nodeGroupsPass,
  karpenterPass,
  fargatePass,
  nodeSubnetPass,
  irsaPass,
  podIdentityPass,
  clusterAccessPass,
  addonRolesPass,
  nodeRolesPass,
  loadBalancersPass,
  lbSubnetsPass,
  lbTargetsPass,
  targetGroupBindingsPass,
  volumesPass,
];
