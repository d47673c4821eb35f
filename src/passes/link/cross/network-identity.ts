/**
 * J9: the same VPC or subnet declared in CloudFormation and in eksctl is ONE entity.
 *
 * VPCs merge by equal `vpcId`, else by equal CIDR when exactly one VPC of each side has it (eksctl's
 * default 192.168.0.0/16 is shared by many clusters, so a CIDR seen twice on one side proves nothing).
 * Subnets merge by equal `subnetId`, else by equal CIDR when the match is unique on both sides, the
 * VPCs agree (same entity after the VPC merge, or equal CIDRs, or the eksctl side's VPC CIDR unknown)
 * and the AZs do not contradict each other. The CloudFormation entity is kept (its id and, for
 * values both declare, its props); placeholders there (`Ref(Subnet1)`, `AZ(region, 0)`) give way to
 * eksctl's concrete ids and zones. `vpc` props that named a merged-away VPC are rewritten.
 */
import { cmp } from '../../../core/order.js';
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { propString } from '../../../model/read.js';
import type { LinkPass, PassContext } from '../../types.js';
import { parseCidr } from './cidr.js';
import { firstSource, pushTo, seenIn } from './lookup.js';

export const networkIdentityPass: LinkPass = {
  rule: 'J9',
  description: 'VPCs and subnets declared in CloudFormation and eksctl merged by id or CIDR',
  run(graph, ctx) {
    mergeById(graph, 'Vpc', 'vpcId');
    mergeByCidr(graph, 'Vpc', () => true, ctx);
    mergeById(graph, 'Subnet', 'subnetId');
    mergeByCidr(graph, 'Subnet', (a, b) => vpcsAgree(graph, a, b), ctx);
    for (const kind of ['Subnet', 'Cluster'] as const) {
      for (const e of graph.ofKind(kind)) {
        const vpc = propString(e, 'vpc');
        if (vpc !== undefined && graph.resolve(vpc) !== vpc) e.props['vpc'] = graph.resolve(vpc);
      }
    }
  },
};

/** CloudFormation entities first, so they are the ones kept. */
function keepOrder(a: Entity, b: Entity): number {
  return Number(seenIn(b, 'cloudformation')) - Number(seenIn(a, 'cloudformation')) || cmp(a.id, b.id);
}

function mergeById(graph: ModelGraph, kind: 'Vpc' | 'Subnet', key: string): void {
  const byId = new Map<string, Entity[]>();
  for (const e of graph.ofKind(kind)) {
    const id = propString(e, key);
    if (id) pushTo(byId, id, e);
  }
  for (const group of byId.values()) {
    const [keep, ...rest] = group.sort(keepOrder);
    if (keep) for (const drop of rest) graph.merge(keep.id, drop.id);
  }
}

function cidrKey(e: Entity): string | undefined {
  const text = propString(e, 'cidr');
  const c = text === undefined ? undefined : parseCidr(text);
  return c ? `${c.network}/${c.prefix}` : undefined;
}

function mergeByCidr(graph: ModelGraph, kind: 'Vpc' | 'Subnet', agree: (declared: Entity, other: Entity) => boolean, ctx: PassContext): void {
  const cfn = new Map<string, Entity[]>();
  const other = new Map<string, Entity[]>();
  for (const e of graph.ofKind(kind)) {
    const key = cidrKey(e);
    if (key === undefined || e.defaulted.includes('cidr') && !seenIn(e, 'cloudformation')) continue;
    pushTo(seenIn(e, 'cloudformation') ? cfn : other, key, e);
  }
  for (const [key, others] of other) {
    const declared = cfn.get(key) ?? [];
    const keep = declared[0];
    const drop = others[0];
    if (declared.length !== 1 || others.length !== 1 || !keep || !drop) continue;
    if (!agree(keep, drop)) continue;
    if (conflicting(keep, drop, 'vpcId') || conflicting(keep, drop, 'subnetId')) continue;
    if (conflicting(keep, drop, 'az')) {
      const src = firstSource(drop);
      if (src) ctx.sink.warning('link/subnet-az-mismatch', src.file, src.line, `subnet ${drop.name} has the CIDR of ${keep.name} but another availability zone; not merged (J9)`);
      continue;
    }
    graph.merge(keep.id, drop.id);
  }
}

/** Both sides have a concrete value and the values differ. */
function conflicting(a: Entity, b: Entity, key: string): boolean {
  const x = propString(a, key);
  const y = propString(b, key);
  return x !== undefined && y !== undefined && x !== y;
}

function vpcsAgree(graph: ModelGraph, declared: Entity, other: Entity): boolean {
  const a = propString(declared, 'vpc');
  const b = propString(other, 'vpc');
  if (a !== undefined && b !== undefined && graph.resolve(a) === graph.resolve(b)) return true;
  const vb = b === undefined ? undefined : graph.get(b);
  if (!vb || cidrKey(vb) === undefined || vb.defaulted.includes('cidr')) return true;
  const va = a === undefined ? undefined : graph.get(a);
  return va !== undefined && cidrKey(va) === cidrKey(vb);
}
