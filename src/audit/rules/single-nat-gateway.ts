import type { Entity } from '../../model/entity.js';
import { propString } from '../../model/read.js';
import { defineRule, type RuleContext } from '../rule.js';

/**
 * NET-06: one NAT gateway is the default route of private subnets in two or more AZs, so the egress
 * of every other AZ depends on the AZ of the gateway (J7, J8). CloudFormation: the subnets whose
 * route table (`Subnet routes-to RouteTable`) has its default route to the gateway (`RouteTable
 * routes-to NatGateway`). eksctl: a `Single` gateway is the default route of every private subnet of
 * its VPC (eksctl's private route tables, vpc_ipv4.go:506-527). Only AZs that are known count: a
 * subnet whose AZ is a placeholder adds none.
 */
export default defineRule({
  id: 'net/single-nat-gateway',
  check: 'NET-06',
  severity: 'warning',
  description: 'One NAT gateway serves private subnets in several Availability Zones.',
  appliesTo: ['NatGateway'],
  run(nat, ctx) {
    const zones = [...new Set(servedSubnets(nat, ctx).flatMap((s) => zoneOf(s) ?? []))].sort();
    if (zones.length < 2) return;
    const at = natZone(nat, ctx);
    ctx.report(nat, `NatGateway ${nat.name}: one NAT gateway${at ? ` in ${at}` : ''} serves private subnets in ${zones.length} AZs (${zones.join(', ')})`);
  },
});

function servedSubnets(nat: Entity, ctx: RuleContext): Entity[] {
  const out = new Map<string, Entity>();
  for (const route of ctx.graph.relationsTo(nat.id, 'routes-to')) {
    const table = ctx.graph.get(route.from);
    if (table?.kind !== 'RouteTable') continue;
    for (const assoc of ctx.graph.relationsTo(table.id, 'routes-to')) {
      const subnet = ctx.graph.get(assoc.from);
      if (subnet?.kind === 'Subnet') out.set(subnet.id, subnet);
    }
  }
  if (propString(nat, 'mode') === 'Single') {
    const home = ctx.graph.get(propString(nat, 'subnet') ?? '');
    const vpc = home ? ctx.graph.get(propString(home, 'vpc') ?? '') : undefined;
    if (vpc) {
      for (const r of ctx.graph.relationsFrom(vpc.id, 'contains')) {
        const subnet = ctx.graph.get(r.to);
        if (subnet?.kind === 'Subnet' && subnet.props['topology'] === 'private' && subnet.sources.some((s) => s.format === 'eksctl')) out.set(subnet.id, subnet);
      }
    }
  }
  return [...out.values()];
}

function zoneOf(e: Entity | undefined): string | undefined {
  return e ? propString(e, 'az') : undefined;
}

/** The gateway's AZ: its own `az` (eksctl) or that of the subnet containing it. */
function natZone(nat: Entity, ctx: RuleContext): string | undefined {
  const own = zoneOf(nat);
  if (own) return own;
  for (const r of ctx.graph.relationsTo(nat.id, 'contains')) {
    const z = zoneOf(ctx.graph.get(r.from));
    if (z) return z;
  }
  return undefined;
}
