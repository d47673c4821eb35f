/**
 * Self-managed node groups (DOMAIN.md A.8): an Auto Scaling group recognised by `self-managed.ts`.
 * Sizes from the group, instance types and spot from the launch template / configuration or the
 * mixed-instances policy, labels and taints from the kubelet flags in the user data, and the node
 * role through the instance profile.
 */
import { clusterOf, setSubnets, subnetZones } from './lower-eks.js';
import type { ResourceLowering } from './lower-context.js';
import type { SelfManaged } from './self-managed.js';
import { labelMap } from './settings.js';
import { field, itemsOf, numberOf, textOf, toStr, type CfnValue } from './values.js';

function instanceTypes(r: ResourceLowering, sm: SelfManaged): string[] {
  const types = new Set<string>();
  const policy = r.get('MixedInstancesPolicy');
  for (const o of itemsOf(field(field(policy, 'LaunchTemplate'), 'Overrides'))) {
    const t = textOf(field(o, 'InstanceType'));
    if (t !== undefined) types.add(t);
  }
  if (sm.launch) {
    const t = textOf(r.stack.evaluateAt(sm.launch.data['InstanceType'], [...sm.launch.dataPath, 'InstanceType']));
    if (t !== undefined) types.add(t);
  }
  return [...types].sort();
}

function isSpot(r: ResourceLowering, sm: SelfManaged): boolean {
  const distribution = field(r.get('MixedInstancesPolicy'), 'InstancesDistribution');
  if (numberOf(field(distribution, 'OnDemandPercentageAboveBaseCapacity')) === 0) return true;
  return sm.launch !== undefined && sm.launch.data['SpotPrice'] !== undefined;
}

/** The role behind the launch source's instance profile (`IamInstanceProfile` ARN/name → `Roles[0]`). */
function nodeRole(r: ResourceLowering, sm: SelfManaged): CfnValue | undefined {
  if (!sm.launch) return undefined;
  const profileNode = sm.launch.data['IamInstanceProfile'];
  const profile = r.stack.evaluateAt(profileNode, [...sm.launch.dataPath, 'IamInstanceProfile']);
  const ref = profile.kind === 'map' ? (field(profile, 'Arn') ?? field(profile, 'Name')) : profile;
  const roles = r.world.resourceProp(ref, 'Roles');
  return itemsOf(roles)[0];
}

export function lowerSelfManagedNodeGroup(r: ResourceLowering, sm: SelfManaged): void {
  r.setProp('nodeGroupType', 'self-managed');
  // The cluster's entity id, as for managed groups and eksctl's (docs/model.md).
  const cluster = clusterOf(r, sm.cluster);
  r.setProp('cluster', cluster ?? toStr(sm.cluster));
  r.relate('member-of', r.id, cluster, 'cfn-ref');
  r.setNumber('minSize', r.get('MinSize'));
  r.setNumber('maxSize', r.get('MaxSize'));
  r.setNumber('desiredCapacity', r.get('DesiredCapacity'));
  const types = instanceTypes(r, sm);
  if (types.length) r.setProp('instanceTypes', types);
  if (isSpot(r, sm)) r.setProp('capacityType', 'SPOT');
  const subnets = r.get('VPCZoneIdentifier');
  setSubnets(r, subnets);
  const zones = itemsOf(r.get('AvailabilityZones')).flatMap((z) => textOf(z) ?? []);
  r.setProp('availabilityZones', zones.length ? zones.sort() : subnetZones(r, subnets));
  if (sm.userData.labels) r.setProp('labels', sm.userData.labels);
  if (sm.userData.taints?.length) r.setProp('taints', sm.userData.taints);
  const role = nodeRole(r, sm);
  // `Roles` holds role names (Ref); only an ARN-valued reference is an instance role ARN.
  if (role?.kind !== 'resource' || role.attribute === 'Arn') r.setStr('instanceRoleArn', role);
  r.relate('assumes', r.id, r.world.roleTarget(role, r), 'cfn-ref');
  r.setProp('tags', labelMap(r.get('Tags'), false));
}
