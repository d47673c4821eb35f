/**
 * eksctl's documented defaults (DOMAIN.md section C; EKSCTL @ 99984adb, paths under `pkg/`).
 * Everything archmap fills in from here is listed in the entity's `defaulted` so views can show
 * "declared" vs "defaulted".
 */
import { splitIpv4Cidr } from './cidr.js';

export const EKSCTL_DEFAULTS = {
  /** `DefaultVersion`, apis/eksctl.io/v1alpha5/types.go:59 (changes with every eksctl release). */
  version: '1.34',
  /** `DefaultRegion`, types.go:204-205. */
  region: 'us-west-2',
  /** `SupportTypeExtended`, types.go:480-488. */
  supportType: 'EXTENDED',
  /** types.go:490-493 (eksctl's spelling; the model holds it lower-cased, see lower-cluster.ts). */
  ipFamily: 'IPv4',
  /** apis/eksctl.io/v1alpha5/vpc.go:269-277. */
  vpcCidr: '192.168.0.0/16',
  /** apis/eksctl.io/v1alpha5/vpc.go:17-30; defaults.go:400-406. */
  natGateway: 'Single',
  /** defaults.go:58-64 (the CloudFormation/API default would be CONFIG_MAP). */
  authenticationMode: 'API_AND_CONFIG_MAP',
  /** The EKS API default for `publicAccessCidrs` when the public endpoint is on. */
  publicAccessCidrs: ['0.0.0.0/0'],
  /** types.go:250-251. */
  instanceType: 'm5.large',
  /** `DefaultNodeCount`, types.go:253-257. */
  nodeCount: 2,
  /** types.go:210-213. */
  amiFamily: 'AmazonLinux2023',
  /** types.go:426-458 (gp2 on Outposts). */
  volumeSize: 80,
  volumeType: 'gp3',
  /** defaults.go:213-218. */
  disableIMDSv1: true,
  /** types.go:1420; schema `privateNetworking.default: "false"`. */
  privateNetworking: false,
  /** defaults.go:192-197. */
  sshAllow: false,
  /** defaults.go:40-42. */
  withOIDC: false,
  /** IRSA service account namespace, defaults.go:48-52. */
  serviceAccountNamespace: 'default',
  /** apis/…/known_addons.go:5-50; actions/addon/tasks.go:24-36. */
  addons: ['vpc-cni', 'kube-proxy', 'coredns', 'metrics-server'],
  /** defaults.go:65-68; auto_mode.go:11-16. */
  autoModeNodePools: ['general-purpose', 'system'],
  /** Node IAM role policies eksctl attaches, cfn/builder/iam.go:51-54. */
  nodeRolePolicies: [
    'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
    'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
    'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
    'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  ],
  /** Karpenter namespace and service account, pkg/karpenter/karpenter.go:16-19. */
  karpenterServiceAccount: { namespace: 'karpenter', name: 'karpenter' },
  /**
   * The node role of Karpenter's nodes in stack `eksctl-<cluster>-karpenter`: named
   * `eksctl-KarpenterNodeRole-<cluster>`, trusted by EC2, with these policies (pkg/cfn/builder/karpenter.go).
   */
  karpenterNodeRolePolicies: [
    'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
    'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
    'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
    'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  ],
} as const;

/** The five control-plane log types `*` / `all` expand to (apis/…/cloudwatch.go:23-53). */
export const ALL_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

/** How many AZs eksctl picks when none are given: 3, but 2 in us-east-1 (az/az.go:21-63). */
export function defaultZoneCount(region: string): number {
  return region === 'us-east-1' ? 2 : 3;
}

/**
 * eksctl's subnet layout for a VPC it creates (vpc/vpc.go:40-95,140-192): the VPC CIDR is split into
 * 8 equal blocks (16 when more than 8 subnets are needed); public subnets take the first block
 * indexes, private subnets the following ones. 3 AZs on 192.168.0.0/16 → public .0/19, .32/19,
 * .64/19 and private .96/19, .128/19, .160/19.
 */
export function defaultSubnetCidrs(vpcCidr: string, zones: number): { public: string[]; private: string[] } | undefined {
  const total = zones * 2;
  if (total > 16) return undefined;
  const blocks = splitIpv4Cidr(vpcCidr, total <= 8 ? 3 : 4, total);
  if (!blocks) return undefined;
  return { public: blocks.slice(0, zones), private: blocks.slice(zones) };
}

export interface NodeSizes {
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
  /** The sizes that were filled in rather than declared. */
  readonly defaulted: readonly ('minSize' | 'maxSize' | 'desiredCapacity')[];
}

/**
 * Node-group sizes as eksctl completes them (apis/…/validation.go:1421-1452 for managed groups,
 * cfn/builder/nodegroup.go:107-130 for self-managed ones): all 2 when nothing is set; a missing
 * minimum takes the desired count; a missing maximum takes the larger of desired and minimum (1 if
 * that is 0); a missing desired count takes the minimum.
 */
export function deriveNodeSizes(declared: { desiredCapacity?: number; minSize?: number; maxSize?: number }): NodeSizes {
  const { desiredCapacity, minSize, maxSize } = declared;
  const defaulted: ('minSize' | 'maxSize' | 'desiredCapacity')[] = [];
  const min = minSize ?? desiredCapacity ?? Math.min(EKSCTL_DEFAULTS.nodeCount, maxSize ?? EKSCTL_DEFAULTS.nodeCount);
  if (minSize === undefined) defaulted.push('minSize');
  const max = maxSize ?? (Math.max(desiredCapacity ?? 0, min) || 1);
  if (maxSize === undefined) defaulted.push('maxSize');
  const desired = desiredCapacity ?? min;
  if (desiredCapacity === undefined) defaulted.push('desiredCapacity');
  return { minSize: min, maxSize: max, desiredCapacity: desired, defaulted };
}

/** `cloudWatch.clusterLogging.enableTypes` with `*` / `all` expanded, sorted and deduplicated. */
export function expandLogTypes(types: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of types) {
    if (t === '*' || t === 'all') for (const all of ALL_LOG_TYPES) out.add(all);
    else out.add(t);
  }
  return [...out].sort();
}
