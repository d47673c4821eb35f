/**
 * EKS resources (DOMAIN.md A.7–A.9, A.18, A.19): `AWS::EKS::Cluster`, managed `AWS::EKS::Nodegroup`,
 * `AWS::EKS::FargateProfile`, `AWS::EKS::Addon`, with the EKS API defaults marked in `defaulted`, and
 * their `member-of Cluster` / `assumes IamRole` edges.
 */
import { own } from '../../core/guards.js';
import { unresolved, type PropValue } from '../../model/entity.js';
import { clusterId } from '../../model/ids.js';
import type { ResourceLowering } from './lower-context.js';
import { labelMap, member, perBranch, setBool, setText, textList, unknown, written } from './settings.js';
import { ABSENT, boolOf, field, itemsOf, list, lit, render, textOf, toStr, type CfnValue } from './values.js';

const TAINT_EFFECTS: Readonly<Record<string, string>> = { NO_SCHEDULE: 'NoSchedule', NO_EXECUTE: 'NoExecute', PREFER_NO_SCHEDULE: 'PreferNoSchedule' };

function texts(v: CfnValue | undefined): string[] {
  return itemsOf(v).flatMap((i) => {
    const t = textOf(i);
    return t === undefined ? [] : [t];
  });
}

/**
 * The cluster entity a `ClusterName` value designates: the referenced cluster resource's entity, or
 * `Cluster:<name>` for a known name.
 */
export function clusterOf(r: ResourceLowering, value: CfnValue | undefined): string | undefined {
  const target = r.target(value);
  if (target?.startsWith(clusterId(''))) return target;
  const name = textOf(value);
  return name === undefined ? undefined : clusterId(name);
}

/** `cluster` holds the cluster's entity id, as eksctl's groups do (docs/model.md); a placeholder when unknown. */
function joinCluster(r: ResourceLowering): void {
  const value = r.get('ClusterName');
  const cluster = clusterOf(r, value);
  r.setProp('cluster', cluster ?? toStr(value));
  r.relate('member-of', r.id, cluster, 'cfn-ref');
}

/** Subnet references as the model keeps them: the subnet entity id, a literal id, or a placeholder. */
export function subnetRefs(r: ResourceLowering, value: CfnValue | undefined): PropValue[] | undefined {
  if (!value) return undefined;
  if (value.kind !== 'list') return [toStr(value) ?? { unresolved: render(value) }];
  return value.items.map((i) => r.target(i) ?? toStr(i) ?? { unresolved: render(i) });
}

/**
 * Sets `subnets` from a Subnets / VPCZoneIdentifier value, and `subnetsImport` when the value is an
 * unbound import of an eksctl cluster stack's subnet list (`Split(",", Import(eksctl-<c>-cluster::SubnetsPublic))`):
 * the `cross/eksctl-imports` pass binds it to that cluster's subnets when the model has them.
 */
export function setSubnets(r: ResourceLowering, value: CfnValue | undefined): void {
  r.setProp('subnets', subnetRefs(r, value));
  const meaning = value?.kind === 'placeholder' ? eksctlSubnetsImport(value.expr) : undefined;
  if (meaning) r.setProp('subnetsImport', meaning);
}

/** eksctl's cluster stack exports (EKSCTL pkg/vpc/importer.go), as placeholders of an unbound import, split or not. */
const EKSCTL_SUBNETS_IMPORT = /^(?:Split\(",", Import\((eksctl-(.+)-cluster::Subnets(Public|Private))\)\)|Import\((eksctl-(.+)-cluster::Subnets(Public|Private))\))$/;

export function eksctlSubnetsImport(expr: string): { export: string; cluster: string; topology: 'public' | 'private' } | undefined {
  const m = EKSCTL_SUBNETS_IMPORT.exec(expr);
  const name = m?.[1] ?? m?.[4];
  const cluster = m?.[2] ?? m?.[5];
  const kind = m?.[3] ?? m?.[6];
  if (name === undefined || cluster === undefined || kind === undefined) return undefined;
  return { export: name, cluster, topology: kind === 'Public' ? 'public' : 'private' };
}

/** AZs of referenced subnets whose `AvailabilityZone` is known, sorted and unique. */
export function subnetZones(r: ResourceLowering, value: CfnValue | undefined): string[] | undefined {
  const zones = new Set<string>();
  for (const item of itemsOf(value)) {
    const az = textOf(r.world.resourceProp(item, 'AvailabilityZone'));
    if (az !== undefined) zones.add(az);
  }
  return zones.size ? [...zones].sort() : undefined;
}

export function lowerCluster(r: ResourceLowering): void {
  r.setStr('version', r.get('Version'));
  r.setStr('roleArn', r.get('RoleArn'));
  const region = textOf(r.stack.pseudo('AWS::Region'));
  if (region !== undefined) r.setProp('region', region);
  const vpcConfig = r.get('ResourcesVpcConfig');
  const publicAccess = member(vpcConfig, 'EndpointPublicAccess');
  setBool(r, 'endpointPublicAccess', publicAccess, true);
  setBool(r, 'endpointPrivateAccess', member(vpcConfig, 'EndpointPrivateAccess'), false);
  const cidrs = member(vpcConfig, 'PublicAccessCidrs');
  if (cidrs) r.setProp('publicAccessCidrs', textList(cidrs));
  // The API's default CIDR applies whenever public access is on, also when that is not known here.
  else if (boolOf(publicAccess) !== false) r.setDefault('publicAccessCidrs', ['0.0.0.0/0']);
  r.setProp('subnets', subnetRefs(r, member(vpcConfig, 'SubnetIds')));
  const access = r.get('AccessConfig');
  setText(r, 'authenticationMode', member(access, 'AuthenticationMode'), 'CONFIG_MAP');
  setBool(r, 'bootstrapClusterCreatorAdminPermissions', member(access, 'BootstrapClusterCreatorAdminPermissions'), true);
  const logging = member(member(r.get('Logging'), 'ClusterLogging'), 'EnabledTypes');
  if (logging) r.setProp('logging', logTypes(logging));
  else r.setDefault('logging', []);
  setEncryption(r, r.get('EncryptionConfig'));
  const network = r.get('KubernetesNetworkConfig');
  setText(r, 'ipFamily', member(network, 'IpFamily'), 'ipv4');
  setText(r, 'serviceIpv4Cidr', member(network, 'ServiceIpv4Cidr'));
  setBool(r, 'autoMode', member(r.get('ComputeConfig'), 'Enabled'));
  setText(r, 'supportType', member(r.get('UpgradePolicy'), 'SupportType'));
  r.setProp('tags', labelMap(r.get('Tags'), false));
}

/** `Logging.ClusterLogging.EnabledTypes` (`[{Type: api}, …]`) as the enabled types; `AWS::NoValue` is none. */
function logTypes(value: CfnValue): PropValue {
  const types = perBranch(value, (b): CfnValue => {
    if (!written(b)) return list([]);
    if (b.kind !== 'list') return b;
    return list(b.items.flatMap((t) => member(t, 'Type') ?? []));
  });
  return textList(types);
}

/**
 * `secretsEncryption` from `EncryptionConfig` (EKS takes one entry): true with the entry's key ARN,
 * false (the default) when there is none, or the undecided value (`If(Kms, true, false)`).
 */
function setEncryption(r: ResourceLowering, value: CfnValue | undefined): void {
  const config = written(value) ? perBranch(value, (b) => (b.kind === 'list' ? (b.items.find(written) ?? ABSENT) : b)) : ABSENT;
  const enabled = perBranch(config, (c) => (c.kind === 'map' ? lit(true) : written(c) ? c : lit(false)));
  if (enabled.kind === 'literal' && enabled.value === false) {
    r.setDefault('secretsEncryption', false);
    return;
  }
  r.setProp('secretsEncryption', boolOf(enabled) ?? unknown(enabled));
  r.setStr('secretsEncryptionKeyArn', member(member(config, 'Provider'), 'KeyArn'));
}

/** Taints in Kubernetes form; unknown parts (and undecided taints or lists) stay placeholders. */
function taintsOf(value: CfnValue | undefined): PropValue | undefined {
  if (!written(value)) return undefined;
  if (value.kind !== 'list') return unknown(value);
  return value.items.flatMap((t): PropValue[] => {
    if (t.kind !== 'map') return written(t) ? [unknown(t)] : [];
    const key = field(t, 'Key');
    const effect = field(t, 'Effect');
    if (!written(key) || !written(effect)) return [];
    const effectText = textOf(effect);
    const taint: Record<string, PropValue> = { key: textOf(key) ?? unknown(key) };
    const v = field(t, 'Value');
    if (written(v)) taint['value'] = textOf(v) ?? unknown(v);
    taint['effect'] = effectText === undefined ? unknown(effect) : (own(TAINT_EFFECTS, effectText) ?? effectText);
    return [taint];
  });
}

export function lowerManagedNodeGroup(r: ResourceLowering): void {
  joinCluster(r);
  r.setProp('nodeGroupType', 'managed');
  const types = r.get('InstanceTypes');
  if (written(types)) r.setProp('instanceTypes', textList(types));
  else if (!written(r.get('LaunchTemplate'))) r.setDefault('instanceTypes', ['t3.medium']);
  setText(r, 'capacityType', r.get('CapacityType'), 'ON_DEMAND');
  const scaling = r.get('ScalingConfig');
  r.setNumber('minSize', member(scaling, 'MinSize'));
  r.setNumber('maxSize', member(scaling, 'MaxSize'));
  r.setNumber('desiredCapacity', member(scaling, 'DesiredSize'));
  r.setProp('labels', labelMap(r.get('Labels'), true));
  r.setProp('taints', taintsOf(r.get('Taints')));
  const subnets = r.get('Subnets');
  setSubnets(r, subnets);
  r.setProp('availabilityZones', subnetZones(r, subnets));
  r.setStr('amiType', r.get('AmiType'));
  r.setNumber('volumeSize', r.get('DiskSize'));
  const remote = r.get('RemoteAccess');
  if (written(remote)) {
    const allow = perBranch(remote, (b) => lit(written(b)));
    r.setProp('sshAllow', boolOf(allow) ?? unknown(allow));
    const sources = member(remote, 'SourceSecurityGroups');
    if (written(sources)) r.setProp('sshSourceSecurityGroups', textList(sources));
  }
  const role = r.get('NodeRole');
  r.setStr('instanceRoleArn', role);
  r.relate('assumes', r.id, r.world.roleTarget(role, r), 'cfn-ref');
  r.setProp('tags', labelMap(r.get('Tags'), false));
}

export function lowerFargateProfile(r: ResourceLowering): void {
  joinCluster(r);
  const selectors = itemsOf(r.get('Selectors')).map((s): PropValue => {
    const ns = field(s, 'Namespace');
    // Unknown parts stay placeholders: the Fargate join cannot decide such a selector and skips it.
    const namespace = written(ns) ? (textOf(ns) ?? unknown(ns)) : unresolved('Namespace missing');
    const labels = labelMap(field(s, 'Labels'), false);
    return labels ? { namespace, labels } : { namespace };
  });
  r.setProp('selectors', selectors);
  const subnets = r.get('Subnets');
  setSubnets(r, subnets);
  r.setProp('availabilityZones', subnetZones(r, subnets));
  const role = r.get('PodExecutionRoleArn');
  r.setStr('podExecutionRoleArn', role);
  r.relate('assumes', r.id, r.world.roleTarget(role, r), 'cfn-ref');
}

export function lowerAddon(r: ResourceLowering): void {
  joinCluster(r);
  r.setStr('version', r.get('AddonVersion'));
  const role = r.get('ServiceAccountRoleArn');
  r.setStr('serviceAccountRoleArn', role);
  r.setStr('resolveConflicts', r.get('ResolveConflicts'));
  // The configuration JSON itself is not kept: it may carry credentials.
  if (r.get('ConfigurationValues')) r.setProp('configured', true);
  r.relate('assumes', r.id, r.world.roleTarget(role, r), 'cfn-ref');
}

/**
 * `AWS::EKS::AccessEntry` (A.18, J40): the principal, its Kubernetes user/groups and access policies
 * (`<policyArn>@<scope>[:<namespaces>]`, as eksctl's entries), and `principalRole`, the IamRole entity
 * the principal designates (a Ref/GetAtt of a template role, or the role of a literal role ARN).
 */
export function lowerAccessEntry(r: ResourceLowering): void {
  joinCluster(r);
  const principal = r.get('PrincipalArn');
  r.setStr('principalArn', principal);
  const type = r.text('Type');
  if (type === undefined) r.setDefault('type', 'STANDARD');
  else r.setProp('type', type);
  r.setStr('username', r.get('Username'));
  const groups = texts(r.get('KubernetesGroups'));
  if (groups.length) r.setProp('kubernetesGroups', groups);
  const policies = itemsOf(r.get('AccessPolicies')).flatMap((p) => {
    const arn = textOf(field(p, 'PolicyArn'));
    if (arn === undefined) return [];
    const scope = field(p, 'AccessScope');
    const namespaces = texts(field(scope, 'Namespaces'));
    return [`${arn}@${textOf(field(scope, 'Type')) ?? 'cluster'}${namespaces.length ? `:${namespaces.join(',')}` : ''}`];
  });
  if (policies.length) r.setProp('accessPolicies', policies);
  r.setProp('principalRole', principalRole(r, principal));
}

/**
 * `AWS::EKS::PodIdentityAssociation` (A.18, J39): the service account (`namespace`, `serviceAccount`),
 * the role (`roleArn`, and `role`: the IamRole entity it designates) and the cross-account
 * `targetRoleArn` / `targetRole`. The J39 link pass joins the service account to the role.
 */
export function lowerPodIdentityAssociation(r: ResourceLowering): void {
  joinCluster(r);
  r.setStr('namespace', r.get('Namespace'));
  r.setStr('serviceAccount', r.get('ServiceAccount'));
  const role = r.get('RoleArn');
  r.setStr('roleArn', role);
  r.setProp('role', r.world.roleTarget(role, r));
  const target = r.get('TargetRoleArn');
  r.setStr('targetRoleArn', target);
  r.setProp('targetRole', r.world.roleTarget(target, r));
  if (r.bool('DisableSessionTags') === true) r.setProp('disableSessionTags', true);
}

/** A principal that is a role (a template role, or a literal `…:role/…` ARN); users and accounts are not. */
function principalRole(r: ResourceLowering, principal: CfnValue | undefined): string | undefined {
  const text = textOf(principal);
  if (text !== undefined && !/^arn:[^:]+:iam::[^:]*:role\//.test(text)) return undefined;
  return r.world.roleTarget(principal, r);
}
