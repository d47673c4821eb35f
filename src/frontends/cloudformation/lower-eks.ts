/**
 * EKS resources (DOMAIN.md A.7–A.9, A.18, A.19): `AWS::EKS::Cluster`, managed `AWS::EKS::Nodegroup`,
 * `AWS::EKS::FargateProfile`, `AWS::EKS::Addon`, with the EKS API defaults marked in `defaulted`, and
 * their `member-of Cluster` / `assumes IamRole` edges.
 */
import { own } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { clusterId } from '../../model/ids.js';
import type { ResourceLowering } from './lower-context.js';
import { tagMap } from './tags.js';
import { boolOf, entriesOf, field, itemsOf, render, textOf, toStr, type CfnValue } from './values.js';

const TAINT_EFFECTS: Readonly<Record<string, string>> = { NO_SCHEDULE: 'NoSchedule', NO_EXECUTE: 'NoExecute', PREFER_NO_SCHEDULE: 'PreferNoSchedule' };

function texts(v: CfnValue | undefined): string[] {
  return itemsOf(v).flatMap((i) => {
    const t = textOf(i);
    return t === undefined ? [] : [t];
  });
}

/** The cluster a `ClusterName` value designates: the referenced resource's entity, or `Cluster:<name>`. */
function clusterOf(r: ResourceLowering, value: CfnValue | undefined): string | undefined {
  const target = r.target(value);
  if (target !== undefined) return target;
  const name = textOf(value);
  return name === undefined ? undefined : clusterId(name);
}

function joinCluster(r: ResourceLowering): void {
  const value = r.get('ClusterName');
  const name = textOf(value);
  r.setProp('cluster', name ?? toStr(value));
  r.relate('member-of', r.id, clusterOf(r, value), 'cfn-ref');
}

/** Subnet references as the model keeps them: the subnet entity id, a literal id, or a placeholder. */
export function subnetRefs(r: ResourceLowering, value: CfnValue | undefined): PropValue[] | undefined {
  if (!value) return undefined;
  if (value.kind !== 'list') return [toStr(value) ?? { unresolved: render(value) }];
  return value.items.map((i) => r.target(i) ?? toStr(i) ?? { unresolved: render(i) });
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
  const publicAccess = boolOf(field(vpcConfig, 'EndpointPublicAccess'));
  if (publicAccess === undefined) r.setDefault('endpointPublicAccess', true);
  else r.setProp('endpointPublicAccess', publicAccess);
  const privateAccess = boolOf(field(vpcConfig, 'EndpointPrivateAccess'));
  if (privateAccess === undefined) r.setDefault('endpointPrivateAccess', false);
  else r.setProp('endpointPrivateAccess', privateAccess);
  const cidrs = field(vpcConfig, 'PublicAccessCidrs');
  if (cidrs) r.setProp('publicAccessCidrs', texts(cidrs));
  else if (publicAccess !== false) r.setDefault('publicAccessCidrs', ['0.0.0.0/0']);
  r.setProp('subnets', subnetRefs(r, field(vpcConfig, 'SubnetIds')));
  const access = r.get('AccessConfig');
  const mode = textOf(field(access, 'AuthenticationMode'));
  if (mode === undefined) r.setDefault('authenticationMode', 'CONFIG_MAP');
  else r.setProp('authenticationMode', mode);
  const logging = field(field(r.get('Logging'), 'ClusterLogging'), 'EnabledTypes');
  if (logging) r.setProp('logging', itemsOf(logging).flatMap((t) => texts(field(t, 'Type'))));
  else r.setDefault('logging', []);
  const encryption = itemsOf(r.get('EncryptionConfig'));
  if (encryption.length) {
    r.setProp('secretsEncryption', true);
    r.setStr('secretsEncryptionKeyArn', field(field(encryption[0], 'Provider'), 'KeyArn'));
  } else {
    r.setDefault('secretsEncryption', false);
  }
  const network = r.get('KubernetesNetworkConfig');
  const ipFamily = textOf(field(network, 'IpFamily'));
  if (ipFamily === undefined) r.setDefault('ipFamily', 'ipv4');
  else r.setProp('ipFamily', ipFamily);
  r.setProp('serviceIpv4Cidr', textOf(field(network, 'ServiceIpv4Cidr')));
  r.setProp('autoMode', boolOf(field(r.get('ComputeConfig'), 'Enabled')));
  r.setProp('supportType', textOf(field(r.get('UpgradePolicy'), 'SupportType')));
  r.setProp('tags', tagMap(r.get('Tags')));
}

function taintsOf(value: CfnValue | undefined): PropValue[] | undefined {
  if (!value) return undefined;
  return itemsOf(value).flatMap((t) => {
    const key = textOf(field(t, 'Key'));
    const effect = textOf(field(t, 'Effect'));
    if (key === undefined || effect === undefined) return [];
    const v = textOf(field(t, 'Value'));
    const k8sEffect = own(TAINT_EFFECTS, effect) ?? effect;
    const taint: Record<string, PropValue> = v === undefined ? { key, effect: k8sEffect } : { key, value: v, effect: k8sEffect };
    return [taint];
  });
}

export function lowerManagedNodeGroup(r: ResourceLowering): void {
  joinCluster(r);
  r.setProp('nodeGroupType', 'managed');
  const types = r.get('InstanceTypes');
  if (types) r.setProp('instanceTypes', texts(types));
  else if (!r.get('LaunchTemplate')) r.setDefault('instanceTypes', ['t3.medium']);
  const capacity = r.text('CapacityType');
  if (capacity === undefined) r.setDefault('capacityType', 'ON_DEMAND');
  else r.setProp('capacityType', capacity);
  const scaling = r.get('ScalingConfig');
  r.setNumber('minSize', field(scaling, 'MinSize'));
  r.setNumber('maxSize', field(scaling, 'MaxSize'));
  r.setNumber('desiredCapacity', field(scaling, 'DesiredSize'));
  const labels = r.get('Labels');
  if (labels) r.setProp('labels', Object.fromEntries([...entriesOf(labels)].map(([k, v]) => [k, textOf(v) ?? render(v)])));
  r.setProp('taints', taintsOf(r.get('Taints')));
  const subnets = r.get('Subnets');
  r.setProp('subnets', subnetRefs(r, subnets));
  r.setProp('availabilityZones', subnetZones(r, subnets));
  r.setStr('amiType', r.get('AmiType'));
  r.setNumber('volumeSize', r.get('DiskSize'));
  if (r.get('RemoteAccess')) r.setProp('sshAllow', true);
  const role = r.get('NodeRole');
  r.setStr('instanceRoleArn', role);
  r.relate('assumes', r.id, r.world.roleTarget(role, r), 'cfn-ref');
  r.setProp('tags', tagMap(r.get('Tags')));
}

export function lowerFargateProfile(r: ResourceLowering): void {
  joinCluster(r);
  const selectors = itemsOf(r.get('Selectors')).map((s): PropValue => {
    const namespace = textOf(field(s, 'Namespace')) ?? render(field(s, 'Namespace') ?? { kind: 'absent' });
    const labels = tagMap(field(s, 'Labels'));
    return labels ? { namespace, labels } : { namespace };
  });
  r.setProp('selectors', selectors);
  const subnets = r.get('Subnets');
  r.setProp('subnets', subnetRefs(r, subnets));
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
