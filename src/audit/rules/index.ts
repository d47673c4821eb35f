/** Every audit rule, by id. Add a rule: one file in this folder, one line here. */
import type { AuditRule } from '../rule.js';
import clusterAuditLogging from './cluster-audit-logging.js';
import clusterCreatorAdmin from './cluster-creator-admin.js';
import clusterPublicEndpoint from './cluster-public-endpoint.js';
import clusterSecretsEncryption from './cluster-secrets-encryption.js';
import configMapAuthMode from './config-map-auth-mode.js';
import corednsReplicas from './coredns-replicas.js';
import danglingReference from './dangling-reference.js';
import defaultNamespace from './default-namespace.js';
import defaultServiceAccount from './default-service-account.js';
import ebsStorageClassUnencrypted from './ebs-storage-class-unencrypted.js';
import ebsVolumeZone from './ebs-volume-zone.js';
import externalIrsaRole from './external-irsa-role.js';
import fargateIncompatiblePod from './fargate-incompatible-pod.js';
import fargatePublicSubnet from './fargate-public-subnet.js';
import hostNamespaces from './host-namespaces.js';
import iamAdminPolicy from './iam-admin-policy.js';
import imageLatestTag from './image-latest-tag.js';
import imageRegistry from './image-registry.js';
import irsaRoleUnused from './irsa-role-unused.js';
import irsaTrustUnscoped from './irsa-trust-unscoped.js';
import irsaWithoutOidc from './irsa-without-oidc.js';
import karpenterOnKarpenter from './karpenter-on-karpenter.js';
import kubeletVersionSkew from './kubelet-version-skew.js';
import lbNotSourceRestricted from './lb-not-source-restricted.js';
import lbWithoutTls from './lb-without-tls.js';
import namespaceNetworkPolicy from './namespace-network-policy.js';
import nodeVolumeUnencrypted from './node-volume-unencrypted.js';
import nodesPublicSubnets from './nodes-public-subnets.js';
import podIdentityAgent from './pod-identity-agent.js';
import podImdsReachable from './pod-imds-reachable.js';
import privateEndpointDisabled from './private-endpoint-disabled.js';
import privilegedContainer from './privileged-container.js';
import secretInEnv from './secret-in-env.js';
import secretLikeEnv from './secret-like-env.js';
import serviceRoutingGaps from './service-routing-gaps.js';
import sharedAlbGroup from './shared-alb-group.js';
import sharedIamRole from './shared-iam-role.js';
import singleAzCapacity from './single-az-capacity.js';
import singleNatGateway from './single-nat-gateway.js';
import singletonWorkload from './singleton-workload.js';
import spotOnlyWorkload from './spot-only-workload.js';
import sshOpenToInternet from './ssh-open-to-internet.js';
import systemMasters from './system-masters.js';
import workloadWithoutPdb from './workload-without-pdb.js';

export const RULES: readonly AuditRule[] = [
  clusterAuditLogging,
  clusterCreatorAdmin,
  clusterPublicEndpoint,
  clusterSecretsEncryption,
  configMapAuthMode,
  corednsReplicas,
  danglingReference,
  defaultNamespace,
  defaultServiceAccount,
  ebsStorageClassUnencrypted,
  ebsVolumeZone,
  externalIrsaRole,
  fargateIncompatiblePod,
  fargatePublicSubnet,
  hostNamespaces,
  iamAdminPolicy,
  imageLatestTag,
  imageRegistry,
  irsaRoleUnused,
  irsaTrustUnscoped,
  irsaWithoutOidc,
  karpenterOnKarpenter,
  kubeletVersionSkew,
  lbNotSourceRestricted,
  lbWithoutTls,
  namespaceNetworkPolicy,
  nodeVolumeUnencrypted,
  nodesPublicSubnets,
  podIdentityAgent,
  podImdsReachable,
  privateEndpointDisabled,
  privilegedContainer,
  secretInEnv,
  secretLikeEnv,
  serviceRoutingGaps,
  sharedAlbGroup,
  sharedIamRole,
  singleAzCapacity,
  singleNatGateway,
  singletonWorkload,
  spotOnlyWorkload,
  sshOpenToInternet,
  systemMasters,
  workloadWithoutPdb,
];
