/**
 * Property contracts of the entity kinds that several stages share. Front ends build props through
 * these interfaces (so writers are type-checked); passes and views read them through the narrowing
 * getters in `read.ts`. Every field is optional: each input format knows only part of the truth.
 * A value that could not be resolved statically is an `Unresolved` placeholder.
 */
import type { PropValue, Unresolved } from './entity.js';

type Str = string | Unresolved;
type Labels = Record<string, string>;

export interface VpcProps {
  vpcId?: Str;
  cidr?: Str;
  logicalId?: string;
  tags?: Labels;
}

export interface SubnetProps {
  subnetId?: Str;
  cidr?: Str;
  az?: Str;
  /** `public` (route to an IGW), `private` (route to a NAT), `isolated`, or `unknown`. */
  topology?: 'public' | 'private' | 'isolated' | 'unknown';
  /** Entity id of the VPC. */
  vpc?: string;
  logicalId?: string;
  tags?: Labels;
}

export interface ClusterProps {
  version?: Str;
  region?: Str;
  accountId?: string;
  /** Every account id seen in literal ARNs, when there is more than one (J3, cross-account). */
  accountIds?: string[];
  endpointPublicAccess?: boolean;
  endpointPrivateAccess?: boolean;
  publicAccessCidrs?: string[];
  authenticationMode?: string;
  /** Whether the IAM principal that creates the cluster gets cluster-admin through an access entry (API default true). */
  bootstrapClusterCreatorAdminPermissions?: boolean;
  /** eksctl: `ns/name` of the service accounts its pod identity associations name (IAM-08). */
  podIdentityAssociations?: string[];
  logging?: string[];
  secretsEncryption?: boolean;
  ipFamily?: string;
  roleArn?: Str;
  autoMode?: boolean;
  withOIDC?: boolean;
  logicalId?: string;
  /** Upgrade policy support type (`STANDARD`, `EXTENDED`). */
  supportType?: string;
  /** Entity id of the cluster's VPC (eksctl). */
  vpc?: string;
  tags?: Labels;
  secretsEncryptionKeyArn?: Str;
  logRetentionInDays?: number;
  /** eksctl `privateCluster.enabled`: no IGW/NAT, private endpoint only. */
  fullyPrivate?: boolean;
  serviceIpv4Cidr?: string;
  /** Access entries (`accessConfig.accessEntries` / `AWS::EKS::AccessEntry`), one per principal. */
  accessEntries?: { principalArn: string; type?: string; kubernetesGroups?: string[]; username?: string; accessPolicies?: string[] }[];
  /** aws-auth mappings declared through eksctl `iamIdentityMappings`. */
  iamIdentityMappings?: { arn?: string; account?: string; username?: string; groups?: string[]; serviceName?: string }[];
  /** eksctl `karpenter:` settings (Karpenter installed by eksctl). */
  karpenter?: { version?: string; createServiceAccount?: boolean; withSpotInterruptionQueue?: boolean; defaultInstanceProfile?: string };
}

/**
 * Subnets given as `Fn::ImportValue "eksctl-<cluster>-cluster::SubnetsPublic|SubnetsPrivate"` (how
 * eksctl's node group stacks read the cluster stack's subnets, DOMAIN.md B.9 step 9): what the import
 * means even when no input exports it — the public or private subnets of that eksctl cluster.
 */
export interface SubnetsImport {
  /** The export name, `eksctl-prod-cluster::SubnetsPrivate`. */
  export: string;
  cluster: string;
  topology: 'public' | 'private';
}

/** NodeGroup covers managed and self-managed node groups, Karpenter and Auto Mode node pools. */
export interface NodeGroupProps {
  cluster?: string;
  nodeGroupType?: 'managed' | 'self-managed' | 'karpenter' | 'auto-mode';
  instanceTypes?: string[];
  /** `ON_DEMAND`, `SPOT` or `CAPACITY_BLOCK`. */
  capacityType?: string;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  availabilityZones?: string[];
  /** Subnet references: ids, CIDRs or entity ids, as declared. */
  subnets?: Str[];
  /** The subnets are an import of an eksctl cluster stack's export (see `SubnetsImport`). */
  subnetsImport?: SubnetsImport;
  privateNetworking?: boolean;
  labels?: Labels;
  taints?: { key: string; value?: string; effect: string }[];
  amiFamily?: string;
  volumeSize?: number;
  volumeType?: string;
  volumeEncrypted?: boolean;
  disableIMDSv1?: boolean;
  sshAllow?: boolean;
  /** Security groups SSH is allowed from (eksctl `ssh.sourceSecurityGroupIds`, `RemoteAccess.SourceSecurityGroups`). */
  sshSourceSecurityGroups?: Str[];
  instanceRoleArn?: Str;
  logicalId?: string;
  /** eksctl `instanceSelector` criteria (instance types are chosen at creation time). */
  instanceSelector?: Record<string, string | number>;
  /** Self-managed mixed-instances settings (`instancesDistribution`). */
  spotAllocationStrategy?: string;
  onDemandBaseCapacity?: number;
  onDemandPercentageAboveBaseCapacity?: number;
  disablePodIMDS?: boolean;
  sshPublicKeyName?: string;
  ami?: string;
  tags?: Labels;
  /** Policies added to an eksctl-created node role (`iam.attachPolicyARNs`, `iam.withAddonPolicies`). */
  addonPolicies?: string[];
  /**
   * A launch template the group names but the inputs do not define (eksctl `launchTemplate`): its
   * instance type, AMI and volumes are not known offline.
   */
  launchTemplate?: { id: string; version?: string };
}

export interface FargateProfileProps {
  cluster?: string;
  selectors?: { namespace: string; labels?: Labels }[];
  subnets?: Str[];
  subnetsImport?: SubnetsImport;
  podExecutionRoleArn?: Str;
  /** AZs of the profile's subnets (declared or, by default, the cluster's private subnets). */
  availabilityZones?: string[];
}

export interface NodeProps {
  instanceType?: string;
  zone?: string;
  region?: string;
  instanceId?: string;
  providerId?: string;
  internalIp?: string;
  kubeletVersion?: string;
  osImage?: string;
  /** `ec2` (default), `fargate`, `auto`, `hybrid`. */
  computeType?: string;
  capacityType?: string;
  labels?: Labels;
  taints?: { key: string; value?: string; effect: string }[];
}

export interface IamRoleProps {
  roleName?: Str;
  arn?: Str;
  path?: string;
  /** Trust-policy principals, e.g. `Service:ec2.amazonaws.com`, `Federated:arn:…:oidc-provider/…`. */
  trustPrincipals?: string[];
  /** IRSA subjects from the trust policy's `:sub` conditions (`system:serviceaccount:ns:name`, globs kept). */
  oidcSubjects?: string[];
  /** CloudFormation: `:aud` values of the trust policy's OIDC (web identity) statements; `[]` when they have none. */
  oidcAudiences?: string[];
  /** CloudFormation: an OIDC (web identity) trust statement has no `:sub` condition. */
  oidcUnscoped?: boolean;
  managedPolicyArns?: Str[];
  inlinePolicies?: string[];
  /** True for a role known only from an ARN that no input defines. */
  external?: boolean;
  logicalId?: string;
  /** eksctl `wellKnownPolicies` that are switched on (`awsLoadBalancerController`, `ebsCSIController`, …). */
  wellKnownPolicies?: string[];
  /** CloudFormation stack that creates the role (eksctl IRSA / node-group stacks). */
  stackName?: string;
}

/** `ConfigMap kube-system/aws-auth` only: its IAM mappings (J40); no other ConfigMap value is read. */
export interface AwsAuthProps {
  mapRoles?: { rolearn: string; username?: string; groups?: string[] }[];
  mapUsers?: { userarn: string; username?: string; groups?: string[] }[];
}

export interface ServiceAccountProps {
  roleArn?: string;
  uid?: string;
  managedBy?: string;
  automountToken?: boolean;
}

export interface LoadBalancerProps {
  /** `application`, `network`, `classic`, `gateway`. */
  lbType?: string;
  /** `internet-facing` or `internal`. */
  scheme?: string;
  targetType?: string;
  hostname?: string;
  /** How it is known: `declared` (CloudFormation), `observed` (status hostname) or `predicted` (annotations). */
  basis?: 'declared' | 'observed' | 'predicted';
  controller?: string;
  logicalId?: string;
  /** Region parsed from an observed ELB hostname (J31). */
  region?: string;
}

/** A container, as kept in the model: never env values, args or commands (they can carry secrets). */
export interface ContainerInfo {
  name: string;
  image?: string;
  /** Names of env vars only (values are dropped at ingestion). */
  envNames?: string[];
  ports?: number[];
  /** `securityContext.privileged: true`. */
  privileged?: boolean;
}

/** References a pod template makes (Kubernetes front end; J42/J45). Names in the object's namespace. */
export interface PodRefProps {
  volumeClaims?: string[];
  configMapRefs?: string[];
  secretRefs?: string[];
  /** `Kind/name` of references marked `optional: true`. */
  optionalRefs?: string[];
  /** Names of env vars with a literal value whose name looks secret (the value itself is dropped). */
  secretLikeEnv?: string[];
  /** The Secrets of `secretRefs` that are read into env vars (`secretKeyRef`, `envFrom.secretRef`). */
  envSecretRefs?: string[];
  /** `Kind/name` of referenced objects that no input defines (set by the link passes). */
  danglingRefs?: string[];
}

export interface PodProps extends PodRefProps {
  labels?: Labels;
  nodeName?: string;
  serviceAccount?: string;
  phase?: string;
  podIP?: string;
  hostIP?: string;
  /** Controller owner reference (`ownerReferences[controller=true]`). */
  ownerKind?: string;
  ownerName?: string;
  ownerUid?: string;
  uid?: string;
  containers?: ContainerInfo[];
  hostNetwork?: boolean;
  /** The `eks.amazonaws.com/fargate-profile` label, when present. */
  fargateProfile?: string;
  nodeSelector?: Labels;
}

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob. */
export interface WorkloadProps extends PodRefProps {
  replicas?: number;
  /** `spec.selector.matchLabels` (matchExpressions are kept in `selectorExpressions`). */
  selector?: Labels;
  selectorExpressions?: { key: string; operator: string; values?: string[] }[];
  templateLabels?: Labels;
  serviceAccount?: string;
  containers?: ContainerInfo[];
  ownerKind?: string;
  ownerName?: string;
  ownerUid?: string;
  uid?: string;
  readyReplicas?: number;
  nodeSelector?: Labels;
  hostNetwork?: boolean;
  /** StatefulSet `spec.serviceName` and `volumeClaimTemplates[].metadata.name`. */
  serviceName?: string;
  volumeClaimTemplates?: string[];
  /** CronJob `spec.schedule`. */
  schedule?: string;
}

export interface ServiceProps {
  /** `ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalName`. */
  serviceType?: string;
  selector?: Labels;
  ports?: { port: number; targetPort?: string | number; name?: string; protocol?: string }[];
  loadBalancerClass?: string;
  /** `spec.loadBalancerSourceRanges`: the client CIDRs a cloud load balancer accepts. */
  loadBalancerSourceRanges?: string[];
  /** Only the load-balancer related annotations (`service.beta.kubernetes.io/aws-load-balancer-*`, `load-balancer-source-ranges`). */
  lbAnnotations?: Labels;
  /** `status.loadBalancer.ingress[].hostname` / `.ip`. */
  lbHostnames?: string[];
}

export interface IngressProps {
  ingressClassName?: string;
  /** Backends: service names in the Ingress namespace with their port. */
  backends?: { service: string; port?: string | number; path?: string; host?: string }[];
  /** Only the `alb.ingress.kubernetes.io/*` and `kubernetes.io/ingress.class` annotations. */
  lbAnnotations?: Labels;
  lbHostnames?: string[];
  tlsSecrets?: string[];
  /** `spec.tls` has an entry (with or without a Secret: the ALB controller finds certificates by host). */
  tls?: boolean;
  /** `spec.defaultBackend` service (also listed in `backends` without path). */
  defaultBackend?: string;
}

export interface PersistentVolumeProps {
  driver?: string;
  volumeHandle?: string;
  zone?: string;
  storageClass?: string;
  claimNamespace?: string;
  claimName?: string;
  capacity?: string;
  /** Parsed from `volumeHandle` by the J44 link pass: EBS `vol-…`, EFS `fs-…` and access point `fsap-…`. */
  volumeId?: string;
  fileSystemId?: string;
  accessPointId?: string;
}

/**
 * Sets `props[key]` only when `value` is defined. Props built with `put` alone hold no `undefined`
 * and become the property bag through `definedProps`, without the copy `toProps` makes (the hot path:
 * once per pod of a dump).
 */
export function put<T extends object, K extends keyof T>(props: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) props[key] = value;
}

/** The property bag of a typed props object built with `put` (no field is `undefined`). */
export function definedProps<T extends object>(props: T): Record<string, PropValue> {
  return props as Record<string, PropValue>;
}

/** Converts a typed props object into the model's JSON property bag, dropping `undefined` fields. */
export function toProps<T extends object>(props: T): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  // for…in rather than Object.entries: no pair arrays on the hot path (once per Kubernetes object).
  const source = props as Record<string, PropValue | undefined>;
  for (const key in source) {
    const value = source[key];
    if (value !== undefined && Object.prototype.hasOwnProperty.call(source, key)) out[key] = value;
  }
  return out;
}
