/**
 * Cross-source joins (DOMAIN.md J1–J19, J30–J33, J35, J38, J44), in order: identities first (one Cluster,
 * one VPC/subnet per real thing), then node placement (groups before subnets, which use the groups),
 * Fargate, identity and traffic.
 */
import type { LinkPass } from '../../types.js';
import { clusterIdentityPass } from './cluster-identity.js';
import { fargatePass } from './fargate.js';
import { irsaPass } from './irsa.js';
import { lbSubnetsPass } from './lb-subnets.js';
import { loadBalancersPass } from './load-balancers.js';
import { networkIdentityPass } from './network-identity.js';
import { nodeGroupsPass } from './node-groups.js';
import { nodeSubnetPass } from './node-subnet.js';
import { targetGroupBindingsPass } from './target-group-bindings.js';
import { volumesPass } from './volumes.js';

export const CROSS_SOURCE_PASSES: readonly LinkPass[] = [
  clusterIdentityPass,
  networkIdentityPass,
  nodeGroupsPass,
  fargatePass,
  nodeSubnetPass,
  irsaPass,
  loadBalancersPass,
  lbSubnetsPass,
  targetGroupBindingsPass,
  volumesPass,
];
