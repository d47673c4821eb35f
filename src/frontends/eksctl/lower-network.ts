/**
 * VPC, subnets, NAT gateways and the internet gateway of an eksctl cluster (DOMAIN.md A.3–A.5, C).
 * eksctl creates the VPC unless `vpc.id` or subnet ids name an existing one; when it creates it, its
 * defaults decide the CIDR, the AZs, the subnet layout, the NAT mode and the IGW.
 */
import { isUnresolved, unresolved, type Unresolved } from '../../model/entity.js';
import { eksctlId } from '../../model/ids.js';
import type { SubnetProps, VpcProps } from '../../model/props.js';
import { DEFAULT_ENTITY, type LowerContext } from './context.js';
import { defaultSubnetCidrs, defaultZoneCount, EKSCTL_DEFAULTS } from './defaults.js';
import type { ConfigNode } from './reader.js';

export type Topology = 'public' | 'private';

/** A subnet as node groups and Fargate profiles refer to it. */
export interface SubnetRef {
  /** Entity id. */
  readonly id: string;
  /** The map key in `vpc.subnets.<topology>` (AZ or alias). */
  readonly key: string;
  readonly topology: Topology;
  readonly az: string | Unresolved;
  readonly subnetId?: string;
}

export interface NetworkLayout {
  readonly vpcId: string;
  readonly subnets: readonly SubnetRef[];
}

interface NatGatewayProps {
  /** `Single` or `HighlyAvailable` (`vpc.nat.gateway`). */
  mode: string;
  az: string | Unresolved;
  /** Entity id of the public subnet the gateway sits in. */
  subnet: string;
}

interface SubnetDraft {
  key: string;
  topology: Topology;
  az: string | Unresolved;
  cidr?: string;
  subnetId?: string;
  at: (string | number)[];
  defaulted: string[];
}

/** AZ names (`us-west-2a`, `us-gov-west-1b`) and local zones (`us-west-2-lax-1a`). */
const ZONE_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d+(?:-[a-z]+-\d+)?[a-z]$/;

export function lowerNetwork(ctx: LowerContext, region: string): NetworkLayout {
  const root = ctx.root;
  const vpc = root.obj('vpc');
  const declared = declaredSubnets(vpc);
  const existing = vpc?.str('id') !== undefined || declared.some((s) => s.subnetId !== undefined);
  const fullyPrivate = root.obj('privateCluster')?.bool('enabled') === true;
  const vpcId = eksctlId('Vpc', ctx.cluster, 'vpc');

  const cidr = vpc?.str('cidr') ?? (existing ? undefined : EKSCTL_DEFAULTS.vpcCidr);
  const defaultVpc = !existing && vpc?.str('cidr') === undefined && declared.length === 0;
  const vpcDefaulted = [...(defaultVpc ? [DEFAULT_ENTITY] : []), ...(cidr !== undefined && vpc?.str('cidr') === undefined ? ['cidr'] : [])];
  const vpcProps: VpcProps & { extraCidrs?: string[] } = { vpcId: vpc?.str('id'), cidr };
  const extra = vpc?.strings('extraCIDRs') ?? [];
  if (extra.length) vpcProps.extraCidrs = extra;
  // What eksctl creates carries its cluster stack's tags (an existing VPC's tags are not in the file).
  const stackTags = existing ? undefined : clusterStackTags(ctx);
  if (stackTags) {
    vpcProps.tags = { ...stackTags, Name: `${clusterStackName(ctx)}/VPC` };
    vpcDefaulted.push('tags');
  }
  ctx.add({ id: vpcId, kind: 'Vpc', name: vpc?.str('id') ?? `${ctx.cluster}-vpc`, props: vpcProps, defaulted: vpcDefaulted, at: ['vpc'] });

  const natMode = existing || fullyPrivate || isIpv6(root) ? 'Disable' : (vpc?.obj('nat')?.str('gateway') ?? EKSCTL_DEFAULTS.natGateway);
  const drafts = declared.length > 0 || existing ? declared : defaultSubnets(root, region, cidr ?? EKSCTL_DEFAULTS.vpcCidr, fullyPrivate);
  const subnets = drafts.map((d) => addSubnet(ctx, vpcId, d, !existing && natMode === 'Disable', stackTags));

  if (!existing && !fullyPrivate) {
    const igw = eksctlId('InternetGateway', ctx.cluster, 'igw');
    ctx.add({ id: igw, kind: 'InternetGateway', name: 'InternetGateway', props: {}, defaulted: [DEFAULT_ENTITY], at: ['vpc'] });
    ctx.relate('contains', vpcId, igw, 'eksctl-vpc');
  }
  if (natMode !== 'Disable') lowerNat(ctx, subnets, natMode, vpc);
  return { vpcId, subnets };
}

function isIpv6(root: ConfigNode): boolean {
  return root.obj('kubernetesNetworkConfig')?.str('ipFamily') === 'IPv6';
}

function declaredSubnets(vpc: ConfigNode | undefined): SubnetDraft[] {
  const subnets = vpc?.obj('subnets');
  if (!subnets) return [];
  const out: SubnetDraft[] = [];
  for (const topology of ['public', 'private'] as const) {
    for (const [key, spec] of subnets.entries(topology)) {
      const subnetId = spec.str('id');
      // The key is the AZ when `az` is omitted and the key is an AZ name (apis/…/vpc.go:32-51);
      // otherwise eksctl looks the AZ up from the subnet id, which offline is unknown.
      const az = spec.str('az') ?? (ZONE_NAME.test(key) ? key : unresolved(`AZ(${subnetId ?? key})`));
      out.push({ key, topology, az, cidr: spec.str('cidr'), subnetId, at: spec.path.slice(), defaulted: [] });
    }
  }
  return out;
}

/** One public and one private subnet per AZ, with CIDRs by eksctl's rule (DOMAIN.md C "Subnets"). */
function defaultSubnets(root: ConfigNode, region: string, vpcCidr: string, fullyPrivate: boolean): SubnetDraft[] {
  const declaredZones = root.strings('availabilityZones');
  const count = declaredZones.length > 0 ? declaredZones.length : defaultZoneCount(region);
  const zones = Array.from({ length: count }, (_, i): string | Unresolved => declaredZones[i] ?? unresolved(`AZ(${region},${i})`));
  const cidrs = defaultSubnetCidrs(vpcCidr, count);
  const out: SubnetDraft[] = [];
  for (const topology of fullyPrivate ? (['private'] as const) : (['public', 'private'] as const)) {
    zones.forEach((az, i) => {
      const cidr = cidrs?.[topology][i];
      const defaulted = [DEFAULT_ENTITY, ...(cidr !== undefined ? ['cidr'] : []), ...(isUnresolved(az) ? ['az'] : [])];
      const key = isUnresolved(az) ? az.unresolved : az;
      out.push({ key, topology, az, cidr, at: declaredZones.length ? ['availabilityZones', i] : ['vpc'], defaulted });
    });
  }
  return out;
}

/**
 * The stack tags of eksctl's cluster stack, which CloudFormation puts on every resource of the stack
 * that takes tags: eksctl's cluster-name tags and `metadata.tags` (DOMAIN.md A.2, EKSCTL
 * `pkg/cfn/manager/api.go:94-102`). `metadata.tags` is how eksctl users tag their subnets, for
 * instance with `karpenter.sh/discovery` for Karpenter's subnet selector.
 */
function clusterStackTags(ctx: LowerContext): Record<string, string> {
  return {
    'alpha.eksctl.io/cluster-name': ctx.cluster,
    'eksctl.cluster.k8s.io/v1alpha1/cluster-name': ctx.cluster,
    ...ctx.root.obj('metadata')?.map('tags'),
  };
}

function clusterStackName(ctx: LowerContext): string {
  return `eksctl-${ctx.cluster}-cluster`;
}

/**
 * A subnet eksctl creates is tagged for load balancer discovery (public → `kubernetes.io/role/elb`,
 * private → `kubernetes.io/role/internal-elb`) and named `<stack>/Subnet<Public|Private><AZ>`
 * (`pkg/cfn/builder/vpc_ipv4.go`; the AZ upper-cased without dashes, as in eksctl's testdata).
 */
function createdSubnetTags(ctx: LowerContext, d: SubnetDraft, stackTags: Readonly<Record<string, string>>): Record<string, string> {
  const role = d.topology === 'public' ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb';
  const tags: Record<string, string> = { ...stackTags, [role]: '1' };
  if (typeof d.az === 'string' && d.key === d.az) {
    tags['Name'] = `${clusterStackName(ctx)}/Subnet${d.topology === 'public' ? 'Public' : 'Private'}${d.az.replaceAll('-', '').toUpperCase()}`;
  }
  return tags;
}

function addSubnet(ctx: LowerContext, vpcId: string, d: SubnetDraft, noEgress: boolean, stackTags: Readonly<Record<string, string>> | undefined): SubnetRef {
  const id = eksctlId('Subnet', ctx.cluster, `${d.topology}/${d.key}`);
  const props: SubnetProps = {
    subnetId: d.subnetId,
    cidr: d.cidr,
    az: d.az,
    topology: d.topology === 'private' && noEgress ? 'isolated' : d.topology,
    vpc: vpcId,
  };
  const defaulted = [...d.defaulted];
  if (stackTags) {
    props.tags = createdSubnetTags(ctx, d, stackTags);
    defaulted.push('tags');
  }
  ctx.add({ id, kind: 'Subnet', name: d.subnetId ?? `${d.topology}/${d.key}`, props, defaulted, at: d.at });
  ctx.relate('contains', vpcId, id, 'eksctl-vpc');
  return { id, key: d.key, topology: d.topology, az: d.az, ...(d.subnetId ? { subnetId: d.subnetId } : {}) };
}

/** `Single`: one gateway in the first public subnet; `HighlyAvailable`: one per public subnet. */
function lowerNat(ctx: LowerContext, subnets: readonly SubnetRef[], mode: string, vpc: ConfigNode | undefined): void {
  const publics = subnets.filter((s) => s.topology === 'public');
  const declared = vpc?.obj('nat')?.str('gateway') !== undefined;
  const placed = mode === 'HighlyAvailable' ? publics : publics.slice(0, 1);
  for (const subnet of placed) {
    const single = mode !== 'HighlyAvailable';
    const id = eksctlId('NatGateway', ctx.cluster, single ? 'nat' : `nat/${subnet.key}`);
    const props: NatGatewayProps = { mode, az: subnet.az, subnet: subnet.id };
    ctx.add({
      id,
      kind: 'NatGateway',
      name: single ? 'NATGateway' : `NATGateway ${subnet.key}`,
      props,
      defaulted: declared ? [] : [DEFAULT_ENTITY, 'mode'],
      at: declared ? ['vpc', 'nat', 'gateway'] : ['vpc'],
    });
    ctx.relate('contains', subnet.id, id, 'eksctl-nat');
  }
}
