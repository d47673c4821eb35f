/**
 * Network resources (DOMAIN.md A.3–A.6): VPC, subnets, gateways, route tables, security groups, and
 * the structure edges read from one template (`cfn-contains`, `cfn-route`): `Vpc contains
 * Subnet|RouteTable|SecurityGroup|InternetGateway`, `Subnet contains NatGateway`, `Subnet routes-to
 * RouteTable`, `RouteTable routes-to InternetGateway|NatGateway` (default route). The facts for
 * subnet classification (J7) are collected on the way.
 */
import type { ResourceLowering, RouteVia } from './lower-context.js';
import { labelMap } from './settings.js';
import { textOf } from './values.js';

export function lowerVpc(r: ResourceLowering): void {
  r.setStr('cidr', r.get('CidrBlock'));
  r.setProp('vpcId', { unresolved: `Ref(${r.decl.logicalId})` });
  r.setProp('tags', labelMap(r.get('Tags'), false));
}

export function lowerSubnet(r: ResourceLowering): void {
  r.setStr('cidr', r.get('CidrBlock'));
  r.setStr('az', r.get('AvailabilityZone') ?? r.get('AvailabilityZoneId'));
  r.setProp('subnetId', { unresolved: `Ref(${r.decl.logicalId})` });
  const mapPublic = r.bool('MapPublicIpOnLaunch');
  if (mapPublic !== undefined) r.setProp('mapPublicIpOnLaunch', mapPublic);
  r.setProp('tags', labelMap(r.get('Tags'), false));
  const vpc = r.target(r.get('VpcId'));
  if (vpc !== undefined) {
    r.setProp('vpc', vpc);
    r.relate('contains', vpc, r.id, 'cfn-contains');
  }
}

export function lowerRouteTable(r: ResourceLowering): void {
  r.relate('contains', r.target(r.get('VpcId')), r.id, 'cfn-contains');
}

export function lowerSecurityGroup(r: ResourceLowering): void {
  r.setStr('groupName', r.get('GroupName'));
  r.setStr('description', r.get('GroupDescription'));
  r.relate('contains', r.target(r.get('VpcId')), r.id, 'cfn-contains');
}

export function lowerNatGateway(r: ResourceLowering): void {
  const connectivity = r.text('ConnectivityType');
  if (connectivity !== undefined) r.setProp('connectivityType', connectivity);
  else r.setDefault('connectivityType', 'public');
  r.relate('contains', r.target(r.get('SubnetId')), r.id, 'cfn-contains');
}

/** `AWS::EC2::VPCGatewayAttachment`: the VPC contains the internet gateway. */
export function lowerGatewayAttachment(r: ResourceLowering): void {
  const vpc = r.target(r.get('VpcId'));
  const igw = r.target(r.get('InternetGatewayId'));
  r.relate('contains', vpc, igw, 'cfn-contains');
}

export function lowerRouteTableAssociation(r: ResourceLowering): void {
  const subnet = r.target(r.get('SubnetId'));
  const table = r.target(r.get('RouteTableId'));
  if (subnet === undefined || table === undefined) return;
  r.relate('routes-to', subnet, table, 'cfn-route');
  let tables = r.world.network.associations.get(subnet);
  if (!tables) r.world.network.associations.set(subnet, (tables = new Set()));
  tables.add(table);
}

/** `AWS::EC2::Route`: only default routes (0.0.0.0/0, ::/0) classify subnets and make edges. */
export function lowerRoute(r: ResourceLowering): void {
  const dest = r.text('DestinationCidrBlock') ?? r.text('DestinationIpv6CidrBlock');
  r.setStr('destination', r.get('DestinationCidrBlock') ?? r.get('DestinationIpv6CidrBlock'));
  if (dest !== '0.0.0.0/0' && dest !== '::/0') return;
  const table = r.target(r.get('RouteTableId'));
  if (table === undefined) return;
  const gateway = r.get('GatewayId');
  const nat = r.get('NatGatewayId');
  let via: RouteVia = 'other';
  if (gateway) {
    const target = r.target(gateway);
    const text = textOf(gateway);
    const isIgw = target?.startsWith('InternetGateway:') === true || text?.startsWith('igw-') === true;
    // A gateway id that is a parameter or an import could be an IGW or a VGW: not known.
    via = isIgw ? 'igw' : target === undefined && text === undefined ? 'unknown' : 'other';
    if (isIgw) r.relate('routes-to', table, target, 'cfn-route');
  } else if (nat) {
    via = 'nat';
    r.relate('routes-to', table, r.target(nat), 'cfn-route');
  } else if (r.get('TransitGatewayId') || r.get('EgressOnlyInternetGatewayId')) {
    via = 'tgw';
  }
  let targets = r.world.network.defaultRoutes.get(table);
  if (!targets) r.world.network.defaultRoutes.set(table, (targets = new Set()));
  targets.add(via);
}
