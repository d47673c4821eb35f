/**
 * Network view: VPC → AZ → subnets (public / private / isolated), NAT gateways in their AZ, the
 * internet gateway, and route tables summarised as "default route" edges from subnets to gateways.
 * One diagram per VPC; subnets whose VPC is unknown get a diagram of their own.
 */
import { cmp } from '../core/order.js';
import type { Entity } from '../model/entity.js';
import { isUnresolved } from '../model/entity.js';
import { displayValue, propString } from '../model/read.js';
import { DiagramBuilder, addMoreNode, topN } from './builder.js';
import { Facts, entityClasses, plural } from './format.js';
import type { ModelIndex } from './model-index.js';
import { pushTo, slugPart, uniqueSlug } from './util.js';
import type { Diagram, NodeClass } from './types.js';

const MAX_SUBNETS = 60;
const MAX_NATS = 20;
const NO_VPC = '(no VPC)';

export function buildNetworkViews(ix: ModelIndex): Diagram[] {
  const subnetsByVpc = new Map<string, Entity[]>();
  for (const s of ix.ofKind('Subnet')) pushTo(subnetsByVpc, vpcOf(ix, s) ?? NO_VPC, s);
  const vpcs = ix.ofKind('Vpc');
  const diagrams: Diagram[] = [];
  const slugs = new Set<string>();
  for (const vpc of vpcs) diagrams.push(buildVpc(ix, vpc, subnetsByVpc.get(vpc.id) ?? [], vpcs.length === 1, slugs));
  const orphans = subnetsByVpc.get(NO_VPC) ?? [];
  if (orphans.length > 0 || (vpcs.length === 0 && (ix.ofKind('NatGateway').length > 0 || ix.ofKind('InternetGateway').length > 0))) {
    diagrams.push(buildVpc(ix, undefined, orphans, vpcs.length === 0, slugs));
  }
  return diagrams;
}

function vpcOf(ix: ModelIndex, subnet: Entity): string | undefined {
  const rel = ix.in(subnet.id, 'contains', ['Vpc'])[0];
  if (rel) return rel.from;
  const prop = propString(subnet, 'vpc');
  return prop !== undefined && ix.get(prop) ? prop : undefined;
}

/** One VPC diagram. `takeUnplaced`: gateways with no known VPC are drawn here (the only VPC). */
function buildVpc(ix: ModelIndex, vpc: Entity | undefined, subnets: Entity[], takeUnplaced: boolean, slugs: Set<string>): Diagram {
  const b = new DiagramBuilder();
  const vpcKey = vpc?.id ?? 'vpc:unknown';
  const vpcTitle = vpc ? `VPC ${vpc.name}${cidrSuffix(vpc)}` : 'Subnets of unknown VPC';
  b.group(vpcKey, vpcTitle, undefined, vpc ? vpcClasses(vpc) : ['unresolved']);

  const ordered = [...subnets].sort((a, x) => cmp(azText(a), azText(x)) || topologyRank(a) - topologyRank(x) || cmp(a.name, x.name) || cmp(a.id, x.id));
  const { kept, omitted } = topN(ordered, MAX_SUBNETS, () => 0);
  const subnetIds = new Set(subnets.map((s) => s.id));
  for (const s of kept) addSubnet(b, s, vpcKey);
  addMoreNode(b, `more:subnets:${vpcKey}`, omitted.map((s) => s.id), 'subnets', [], vpcKey);

  // Gateways: the IGW in the VPC; NATs in the AZ of their subnet.
  const igws = ix.ofKind('InternetGateway').filter((g) => placedIn(ix, g, vpc, subnetIds, takeUnplaced));
  for (const g of igws) {
    const f = new Facts(g).text('internet gateway');
    b.node({ key: g.id, entity: g.id, title: g.name, lines: f.lines, shape: 'hexagon', classes: f.classes(), group: vpcKey });
  }
  if (igws.length > 0) {
    b.node({ key: 'internet', title: 'Internet', lines: [], shape: 'circle', classes: [] });
    for (const g of igws) b.edge(g.id, 'internet', 'high');
  }
  const nats = ix.ofKind('NatGateway').filter((n) => placedIn(ix, n, vpc, subnetIds, takeUnplaced));
  const natPick = topN(nats, MAX_NATS, () => 0);
  for (const n of natPick.kept) addNat(ix, b, n, vpcKey);
  addMoreNode(b, `more:nats:${vpcKey}`, natPick.omitted.map((n) => n.id), 'NAT gateways', [], vpcKey);

  for (const s of subnets) addRoutes(ix, b, s);
  const sgs = vpc ? ix.out(vpc.id, 'contains', ['SecurityGroup']).length : 0;
  if (sgs > 0) b.note(`${plural(sgs, 'security group')} in this VPC (see the inventory).`);
  const slug = uniqueSlug(slugs, `network/${slugPart(vpc ? vpc.name : 'unknown-vpc')}`);
  return b.build('network', slug, vpc ? `Network: VPC ${vpc.name}` : 'Network: subnets without a known VPC', 'TB');
}

const TOPOLOGY_ORDER = ['public', 'private', 'isolated'];

function topologyRank(s: Entity): number {
  const i = TOPOLOGY_ORDER.indexOf(propString(s, 'topology') ?? '');
  return i < 0 ? TOPOLOGY_ORDER.length : i;
}

function azText(s: Entity): string {
  const az = s.props['az'];
  return az === undefined ? 'AZ unknown' : `AZ ${displayValue(az)}`;
}

function addSubnet(b: DiagramBuilder, s: Entity, vpcKey: string): void {
  const az = s.props['az'];
  const azKey = `az:${vpcKey}:${azText(s)}`;
  b.group(azKey, azText(s), vpcKey, az !== undefined && isUnresolved(az) ? ['unresolved'] : []);
  const topology = propString(s, 'topology') ?? 'unknown';
  const f = new Facts(s).text(`${topology} subnet`).prop('cidr');
  const subnetId = s.props['subnetId'];
  if (subnetId !== undefined && displayValue(subnetId) !== s.name) f.prop('subnetId');
  const topoClass: NodeClass[] = topology === 'public' || topology === 'private' || topology === 'isolated' ? [topology] : [];
  b.node({ key: s.id, entity: s.id, title: s.name, lines: f.lines, shape: 'box', classes: f.classes(topoClass), group: azKey });
}

function addNat(ix: ModelIndex, b: DiagramBuilder, n: Entity, vpcKey: string): void {
  const subnet = ix.in(n.id, 'contains', ['Subnet'])[0];
  const host = subnet ? ix.get(subnet.from) : undefined;
  const f = new Facts(n).text('NAT gateway').text(host ? `in ${host.name}` : undefined);
  const group = host ? `az:${vpcKey}:${azText(host)}` : vpcKey;
  b.node({ key: n.id, entity: n.id, title: n.name, lines: f.lines, shape: 'hexagon', classes: f.classes(), group });
}

/** Default routes: Subnet → RouteTable → IGW/NAT, drawn as Subnet → gateway labelled with the table. */
function addRoutes(ix: ModelIndex, b: DiagramBuilder, s: Entity): void {
  for (const r of ix.out(s.id, 'routes-to', ['InternetGateway', 'NatGateway'])) b.relationEdge(s.id, r.to, r);
  for (const toTable of ix.out(s.id, 'routes-to', ['RouteTable'])) {
    const table = ix.get(toTable.to);
    for (const r of ix.out(toTable.to, 'routes-to', ['InternetGateway', 'NatGateway'])) {
      const weakest = toTable.confidence === 'high' ? r : toTable;
      b.relationEdge(s.id, r.to, weakest, table ? `via ${table.name}` : undefined);
    }
  }
}

/** A gateway belongs to this VPC diagram by relation, by its subnet, or (single VPC) by default. */
function placedIn(ix: ModelIndex, g: Entity, vpc: Entity | undefined, subnetIds: ReadonlySet<string>, takeUnplaced: boolean): boolean {
  const owner = ix.in(g.id, 'contains', ['Vpc'])[0]?.from ?? ix.in(g.id, 'contains', ['Subnet'])[0]?.from;
  if (owner === undefined) return takeUnplaced;
  return owner === vpc?.id || subnetIds.has(owner);
}

function vpcClasses(vpc: Entity): NodeClass[] {
  const out = entityClasses(vpc);
  if (vpc.props['cidr'] !== undefined && isUnresolved(vpc.props['cidr'])) out.push('unresolved');
  return out;
}

function cidrSuffix(vpc: Entity): string {
  const cidr = vpc.props['cidr'];
  return cidr === undefined ? '' : ` · ${displayValue(cidr)}${vpc.defaulted.includes('cidr') ? ' (default)' : ''}`;
}
