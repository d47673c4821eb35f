/** Kubernetes-internal joins (DOMAIN.md J22–J27, J37, J42–J45), in order: owner chains first; then the implicit namespaces (A.11). */
import type { LinkPass } from '../../types.js';
import { configRefsPass } from './config-refs.js';
import { implicitNamespacesPass } from './implicit-namespaces.js';
import { ingressBackendsPass } from './ingress-backends.js';
import { ownerChainPass } from './owner-chain.js';
import { podNodePass } from './pod-node.js';
import { policySelectsPass } from './policy-selects.js';
import { pvcPvPass } from './pvc-pv.js';
import { serviceAccountPass } from './service-account.js';
import { serviceSelectsPass } from './service-selects.js';

export const KUBERNETES_PASSES: readonly LinkPass[] = [
  ownerChainPass,
  podNodePass,
  serviceSelectsPass,
  policySelectsPass,
  ingressBackendsPass,
  serviceAccountPass,
  pvcPvPass,
  configRefsPass,
  implicitNamespacesPass,
];
