/**
 * Managed (`managedNodeGroups`) and self-managed (`nodeGroups`) node groups (DOMAIN.md A.8, C):
 * instance types, capacity type, sizes, placement (AZs and subnets), labels, taints, AMI, volumes,
 * IMDS, SSH and the node IAM role, with eksctl's defaults filled in and listed in `defaulted`.
 */
import { setOwn } from '../../core/guards.js';
import { isUnresolved } from '../../model/entity.js';
import { eksctlId, nodeGroupId } from '../../model/ids.js';
import type { IamRoleProps, NodeGroupProps } from '../../model/props.js';
import { DEFAULT_ENTITY, type LowerContext } from './context.js';
import { deriveNodeSizes, EKSCTL_DEFAULTS } from './defaults.js';
import type { NetworkLayout, SubnetRef } from './lower-network.js';
import type { ConfigNode } from './reader.js';
import { parseTaints } from './taints.js';

type Kind = 'managed' | 'self-managed';

export function lowerNodeGroups(ctx: LowerContext, clusterEntity: string, network: NetworkLayout): void {
  ctx.root.list('managedNodeGroups').forEach((ng, i) => lowerNodeGroup(ctx, ng, 'managed', i, clusterEntity, network));
  ctx.root.list('nodeGroups').forEach((ng, i) => lowerNodeGroup(ctx, ng, 'self-managed', i, clusterEntity, network));
}

function lowerNodeGroup(ctx: LowerContext, ng: ConfigNode, kind: Kind, index: number, cluster: string, network: NetworkLayout): void {
  let name = ng.str('name');
  if (!name) {
    // eksctl would generate `ng-<8 random hex>`; a stable stand-in keeps the output deterministic.
    name = `${kind === 'managed' ? 'managedNodeGroups' : 'nodeGroups'}[${index}]`;
    ctx.sink.warning('eksctl/missing-field', ctx.doc.file, ctx.doc.lineOf(ng.path), `node group without a name: eksctl generates "ng-<random>"; shown as "${name}"`);
  }
  const defaulted: string[] = [];
  const orDefault = <T>(field: string, declared: T | undefined, fallback: T): T => {
    if (declared !== undefined) return declared;
    defaulted.push(field);
    return fallback;
  };
  const fullyPrivate = ctx.root.obj('privateCluster')?.bool('enabled') === true;
  const sizes = deriveNodeSizes({ desiredCapacity: ng.num('desiredCapacity'), minSize: ng.num('minSize'), maxSize: ng.num('maxSize') });
  defaulted.push(...sizes.defaulted);
  const privateNetworking = orDefault('privateNetworking', ng.bool('privateNetworking'), fullyPrivate || EKSCTL_DEFAULTS.privateNetworking);
  const ssh = ng.obj('ssh');
  const launchTemplate = kind === 'managed' ? launchTemplateOf(ng) : undefined;
  // A custom launch template gives the instance type and the volumes (EKSCTL pkg/cfn/builder
  // managed_nodegroup.go validateLaunchTemplate): eksctl's defaults for them do not apply.
  const unlessTemplated = <T>(field: string, declared: T | undefined, fallback: T): T | undefined => (launchTemplate ? declared : orDefault(field, declared, fallback));
  const distribution = kind === 'self-managed' ? ng.obj('instancesDistribution') : undefined;
  const selector = ng.obj('instanceSelector');
  const { taints, problems } = parseTaints(ng.value['taints']);
  for (const p of problems) ctx.sink.warning('eksctl/bad-taint', ctx.doc.file, ctx.doc.lineOf([...ng.at('taints'), p.at]), p.message);

  const props: NodeGroupProps = {
    cluster,
    nodeGroupType: kind,
    ...instanceTypes(ng, distribution, selector, orDefault, launchTemplate !== undefined),
    capacityType: capacityType(ng, kind, distribution, orDefault),
    ...mixedInstances(distribution),
    minSize: sizes.minSize,
    maxSize: sizes.maxSize,
    desiredCapacity: sizes.desiredCapacity,
    ...placement(ng, kind, privateNetworking, network, defaulted),
    privateNetworking,
    labels: labels(ctx, ng, name, defaulted),
    taints: taints.length ? taints : undefined,
    amiFamily: orDefault('amiFamily', ng.str('amiFamily'), EKSCTL_DEFAULTS.amiFamily),
    ami: ng.str('ami'),
    volumeSize: unlessTemplated('volumeSize', ng.num('volumeSize'), EKSCTL_DEFAULTS.volumeSize),
    volumeType: unlessTemplated('volumeType', ng.str('volumeType'), EKSCTL_DEFAULTS.volumeType),
    volumeEncrypted: ng.bool('volumeEncrypted'),
    disableIMDSv1: orDefault('disableIMDSv1', ng.bool('disableIMDSv1'), EKSCTL_DEFAULTS.disableIMDSv1),
    disablePodIMDS: ng.bool('disablePodIMDS'),
    sshAllow: orDefault('sshAllow', sshAllowed(ng, ssh), EKSCTL_DEFAULTS.sshAllow),
    sshPublicKeyName: ssh?.str('publicKeyName'),
    sshSourceSecurityGroups: nonEmpty(ssh?.strings('sourceSecurityGroupIds') ?? []),
    instanceRoleArn: ng.obj('iam')?.str('instanceRoleARN') ?? ng.str('instanceRoleARN'),
    addonPolicies: addonPolicies(ng),
    tags: ng.map('tags'),
    launchTemplate,
  };
  const id = nodeGroupId(ctx.cluster, name);
  ctx.add({ id, kind: 'NodeGroup', name, props, defaulted, at: ng.at('name') });
  ctx.relate('member-of', id, cluster, 'eksctl-nodegroup');
  const role = nodeRole(ctx, ng, name, kind);
  if (role) ctx.relate('assumes', id, role, 'eksctl-node-role');
}

type OrDefault = <T>(field: string, declared: T | undefined, fallback: T) => T;

/**
 * `ssh.allow` as declared; unset, a public key (`publicKeyName`, `publicKeyPath`, `publicKey`) turns
 * SSH on (EKSCTL pkg/apis/eksctl.io/v1alpha5 defaults.go; examples/07-ssh-keys.yaml: a key with
 * `allow: false` creates no SSH security group).
 */
function sshAllowed(ng: ConfigNode, ssh: ConfigNode | undefined): boolean | undefined {
  const declared = ssh?.bool('allow') ?? ng.bool('allowSSH');
  if (declared !== undefined) return declared;
  return ssh && ['publicKeyName', 'publicKeyPath', 'publicKey'].some((k) => ssh.str(k) !== undefined) ? true : undefined;
}

function nonEmpty(list: string[]): string[] | undefined {
  return list.length ? list : undefined;
}

/** The managed group's own launch template (`launchTemplate.{id,version}`), when it names one. */
function launchTemplateOf(ng: ConfigNode): NonNullable<NodeGroupProps['launchTemplate']> | undefined {
  const lt = ng.obj('launchTemplate');
  const id = lt?.str('id');
  if (!lt || id === undefined) return undefined;
  const version = lt.str('version') ?? lt.num('version');
  return version === undefined ? { id } : { id, version: String(version) };
}

/**
 * `instanceTypes`, mixed-instance lists, or the selector criteria; m5.large when nothing is set,
 * unless a launch template (`templated`) gives the instance type.
 */
function instanceTypes(ng: ConfigNode, distribution: ConfigNode | undefined, selector: ConfigNode | undefined, orDefault: OrDefault, templated: boolean): Partial<NodeGroupProps> {
  const declared = [...new Set([...ng.strings('instanceTypes'), ...(distribution?.strings('instanceTypes') ?? []), ...(ng.str('instanceType') ? [ng.str('instanceType') ?? ''] : [])])];
  if (declared.length) return { instanceTypes: declared };
  if (selector && Object.keys(selector.value).length) {
    const criteria: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(selector.value)) if (typeof v === 'string' || typeof v === 'number') setOwn(criteria, k, v);
    return { instanceSelector: criteria };
  }
  return templated ? {} : { instanceTypes: orDefault('instanceTypes', undefined, [EKSCTL_DEFAULTS.instanceType]) };
}

function capacityType(ng: ConfigNode, kind: Kind, distribution: ConfigNode | undefined, orDefault: OrDefault): string {
  const market = ng.obj('instanceMarketOptions')?.str('marketType')?.toLowerCase();
  if (market === 'capacity-block') return 'CAPACITY_BLOCK';
  if (kind === 'managed') return orDefault('capacityType', ng.bool('spot') === true ? 'SPOT' : undefined, 'ON_DEMAND');
  if (market === 'spot') return 'SPOT';
  // Self-managed: any share above the on-demand base that is not on-demand is spot (default 100 %).
  const percentage = distribution?.num('onDemandPercentageAboveBaseCapacity');
  if (distribution) return percentage !== undefined && percentage < 100 ? 'SPOT' : 'ON_DEMAND';
  return orDefault('capacityType', undefined, 'ON_DEMAND');
}

/**
 * Self-managed `instancesDistribution` settings the model has props for, as declared: eksctl passes
 * only the fields that are set to the ASG's `MixedInstancesPolicy.InstancesDistribution`, so the rest
 * are AWS's defaults, not eksctl's (cfn/builder/nodegroup.go `mixedInstancesPolicy`).
 */
function mixedInstances(distribution: ConfigNode | undefined): Partial<NodeGroupProps> {
  if (!distribution) return {};
  return {
    onDemandBaseCapacity: distribution.num('onDemandBaseCapacity'),
    onDemandPercentageAboveBaseCapacity: distribution.num('onDemandPercentageAboveBaseCapacity'),
    spotAllocationStrategy: distribution.str('spotAllocationStrategy'),
  };
}

/**
 * AZs and subnets, as eksctl picks them (vpc/vpc.go `SelectNodeGroupSubnets`,
 * cfn/builder/nodegroup.go `AssignSubnets`, for managed and self-managed groups alike):
 * - `availabilityZones`: every cluster subnet of the node group's kind (public, or private with
 *   `privateNetworking`) in each of those AZs, then the declared `subnets` are added;
 * - only `subnets`: those, as declared, their AZs read from the cluster's subnets;
 * - neither: all cluster subnets of the node group's kind (cfn/builder/nodegroup.go:414-448).
 * Self-managed `localZones` take the place of the AZs and select from `vpc.localZoneSubnets`, which
 * archmap does not model: they give the zones but no subnets.
 */
function placement(ng: ConfigNode, kind: Kind, privateNetworking: boolean, network: NetworkLayout, defaulted: string[]): Partial<NodeGroupProps> {
  const topology = privateNetworking ? 'private' : 'public';
  const localZones = kind === 'self-managed' ? ng.strings('localZones') : [];
  const declaredAzs = [...ng.strings('availabilityZones'), ...ng.strings('localZones')];
  const declaredSubnets = ng.strings('subnets');
  const zoneRefs = localZones.length ? [] : zoneSubnets(network, ng.strings('availabilityZones'), topology);
  const fromZones = zoneRefs.map(subnetRef);
  const out: Partial<NodeGroupProps> = {};
  if (declaredSubnets.length) {
    const refs = declaredSubnets.map((s) => resolveSubnet(network, s, topology));
    // A declared entry naming a subnet the AZs already selected is not listed twice.
    const extra = declaredSubnets.filter((s, i) => !fromZones.includes(s) && !zoneRefs.some((z) => z === refs[i]));
    out.subnets = [...fromZones, ...extra];
    if (!declaredAzs.length) out.availabilityZones = concreteZones(refs);
  } else if (fromZones.length) {
    // Not marked: the list follows from the declared AZs (and `privateNetworking`, marked on its own),
    // as the AZs of declared subnets are not marked either.
    out.subnets = fromZones;
  } else if (!declaredAzs.length) {
    const refs = network.subnets.filter((s) => s.topology === topology);
    if (refs.length) {
      out.subnets = refs.map(subnetRef);
      out.availabilityZones = concreteZones(refs);
      defaulted.push('subnets', ...(out.availabilityZones ? ['availabilityZones'] : []));
    }
  }
  if (declaredAzs.length) out.availabilityZones = declaredAzs;
  return out;
}

/** How a node group lists a cluster subnet: its subnet id when known, else its entity id. */
function subnetRef(s: SubnetRef): string {
  return s.subnetId ?? s.id;
}

/**
 * The cluster subnets of one kind in the given AZs, AZ by AZ. A subnet whose AZ is unknown offline
 * (an existing subnet given by id only, or eksctl's randomly chosen AZs) matches no AZ.
 */
function zoneSubnets(network: NetworkLayout, zones: readonly string[], topology: 'public' | 'private'): SubnetRef[] {
  const out: SubnetRef[] = [];
  for (const zone of zones) {
    for (const s of network.subnets) if (s.topology === topology && s.az === zone && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A `subnets` entry: a subnet id, or a key (AZ name or alias) of `vpc.subnets`. */
function resolveSubnet(network: NetworkLayout, ref: string, topology: 'public' | 'private'): SubnetRef | undefined {
  const matches = network.subnets.filter((s) => s.subnetId === ref || s.key === ref);
  return matches.find((s) => s.topology === topology) ?? matches[0];
}

function concreteZones(refs: readonly (SubnetRef | undefined)[]): string[] | undefined {
  const zones: string[] = [];
  for (const r of refs) {
    if (!r || isUnresolved(r.az)) return undefined;
    if (!zones.includes(r.az)) zones.push(r.az);
  }
  return zones.length ? zones.sort() : undefined;
}

/** Declared labels plus the two eksctl adds to every node group (defaults.go:208-211,378-381). */
function labels(ctx: LowerContext, ng: ConfigNode, name: string, defaulted: string[]): Record<string, string> {
  const out: Record<string, string> = { ...(ng.map('labels') ?? {}) };
  const implied = { 'alpha.eksctl.io/cluster-name': ctx.cluster, 'alpha.eksctl.io/nodegroup-name': name };
  for (const [k, v] of Object.entries(implied)) {
    if (out[k] !== undefined) continue;
    setOwn(out, k, v);
    defaulted.push(`labels.${k}`);
  }
  return out;
}

function addonPolicies(ng: ConfigNode): string[] | undefined {
  const addons = ng.obj('iam')?.obj('withAddonPolicies');
  const on = addons ? Object.keys(addons.value).filter((k) => addons.bool(k) === true).sort() : [];
  return on.length ? on : undefined;
}

/**
 * The node role: an existing one (`iam.instanceRoleARN` / `instanceRoleName`, v1alpha3 `instanceRoleARN`),
 * else the `NodeInstanceRole` eksctl creates in stack `eksctl-<cluster>-nodegroup-<ng>` with its
 * default policies (cfn/builder/iam.go:51-54; `attachPolicyARNs` replaces them).
 */
function nodeRole(ctx: LowerContext, ng: ConfigNode, name: string, kind: Kind): string | undefined {
  const iam = ng.obj('iam');
  const arn = iam?.str('instanceRoleARN') ?? ng.str('instanceRoleARN');
  if (arn) return ctx.roleFromArn(arn, iam?.str('instanceRoleARN') ? iam.at('instanceRoleARN') : ng.at('instanceRoleARN'));
  const roleName = iam?.str('instanceRoleName');
  if (roleName) return ctx.roleFromName(roleName, iam?.at('instanceRoleName') ?? ng.path);
  const attached = iam?.strings('attachPolicyARNs') ?? [];
  const withOidc = ctx.root.obj('iam')?.bool('withOIDC') === true;
  // With OIDC the CNI policy goes to the aws-node service account instead (iam_helper.go:149-180).
  const defaults = EKSCTL_DEFAULTS.nodeRolePolicies.filter((p) => !(withOidc && p.endsWith('/AmazonEKS_CNI_Policy')));
  const id = eksctlId('IamRole', ctx.cluster, `nodegroup/${name}`);
  const props: IamRoleProps = {
    stackName: `eksctl-${ctx.cluster}-nodegroup-${name}`,
    logicalId: 'NodeInstanceRole',
    trustPrincipals: ['Service:ec2.amazonaws.com'],
    managedPolicyArns: attached.length ? attached : [...defaults],
  };
  const defaulted = [DEFAULT_ENTITY, ...(attached.length ? [] : ['managedPolicyArns'])];
  ctx.add({ id, kind: 'IamRole', name: `${name} node role`, props, defaulted, at: kind === 'managed' || !iam ? ng.at('name') : ng.at('iam') });
  return id;
}
