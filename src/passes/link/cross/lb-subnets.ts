/**
 * J33: `Subnet contains LoadBalancer` — the subnets a load balancer is placed in.
 *
 * In order, per load balancer:
 *   1. subnets it declares (CloudFormation `Subnets`) or that an annotation of the Ingress/Service
 *      behind it names (`alb.ingress.kubernetes.io/subnets`,
 *      `service.beta.kubernetes.io/aws-load-balancer-subnets`; ids or `Name` tags) — high;
 *   2. the controller's subnet discovery: subnets tagged `kubernetes.io/role/elb` (internet-facing)
 *      or `kubernetes.io/role/internal-elb` (internal), not tagged for another cluster
 *      (`kubernetes.io/cluster/<other>`), one per AZ — medium. eksctl tags the subnets it creates
 *      that way (public → elb, private → internal-elb), and its front end says so;
 *   3. no role tags in the VPC at all: LBC ≥ 2.12.1 falls back to route-table reachability, i.e.
 *      public subnets for internet-facing and private ones for internal, one per AZ — low.
 * "One per AZ" keeps the first subnet by id, as LBC does by sorting. Subnets are those of the
 * cluster's VPC when the model has several VPCs and the cluster's is known; otherwise all.
 */
import { cmp } from '../../../core/order.js';
import { isUnresolved, type Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import type { Confidence } from '../../../model/kinds.js';
import { propMap, propString } from '../../../model/read.js';
import { SubnetRefs } from '../../../model/subnet-refs.js';
import type { LinkPass } from '../../types.js';
import { onlyNamedCluster } from './lookup.js';

const SUBNET_ANNOTATIONS = ['alb.ingress.kubernetes.io/subnets', 'service.beta.kubernetes.io/aws-load-balancer-subnets'];
const ROLE_TAG = { 'internet-facing': 'kubernetes.io/role/elb', internal: 'kubernetes.io/role/internal-elb' } as const;

export const lbSubnetsPass: LinkPass = {
  rule: 'J33',
  description: 'Load balancers to their subnets (declared, annotated, or found as the controller discovers them)',
  run(graph) {
    const lbs = graph.ofKind('LoadBalancer');
    if (lbs.length === 0) return;
    const subnets = candidateSubnets(graph);
    if (subnets.length === 0) return;
    const byRef = new SubnetRefs(subnets);
    const clusterName = onlyNamedCluster(graph)?.name;
    const anyRoleTag = subnets.some((s) => roleTagged(s) !== undefined);
    for (const lb of lbs) {
      const placed = declaredSubnets(graph, lb, byRef) ?? discovered(lb, subnets, clusterName, anyRoleTag);
      if (!placed) continue;
      for (const s of placed.subnets) graph.addRelation({ type: 'contains', from: s.id, to: lb.id, confidence: placed.confidence, rule: 'J33' });
    }
  },
};

interface Placement {
  readonly subnets: readonly Entity[];
  readonly confidence: Confidence;
}

/** Subnets of the cluster's VPC when there are several VPCs and that one is known. */
function candidateSubnets(graph: ModelGraph): Entity[] {
  const all = graph.ofKind('Subnet');
  const vpcs = new Set(all.map((s) => propString(s, 'vpc')));
  if (vpcs.size < 2) return all;
  const vpc = onlyNamedCluster(graph)?.props['vpc'];
  return typeof vpc === 'string' && vpcs.has(vpc) ? all.filter((s) => propString(s, 'vpc') === vpc) : all;
}

function declaredSubnets(graph: ModelGraph, lb: Entity, byRef: SubnetRefs): Placement | undefined {
  const refs: string[] = [];
  const declared = lb.props['subnets'];
  if (Array.isArray(declared)) for (const r of declared) if (typeof r === 'string' && !isUnresolved(r)) refs.push(r);
  for (const rel of graph.relationsFrom(lb.id, 'routes-to')) {
    const target = graph.get(rel.to);
    if (!target) continue;
    const annotations = propMap(target, 'lbAnnotations');
    for (const key of SUBNET_ANNOTATIONS) for (const r of (annotations[key] ?? '').split(',')) if (r.trim()) refs.push(r.trim());
  }
  const found = uniqueById(refs.flatMap((r) => byRef.all(r)));
  return found.length > 0 ? { subnets: found, confidence: 'high' } : undefined;
}

function discovered(lb: Entity, subnets: readonly Entity[], clusterName: string | undefined, anyRoleTag: boolean): Placement | undefined {
  const scheme = propString(lb, 'scheme');
  if (scheme !== 'internet-facing' && scheme !== 'internal') return undefined;
  if (anyRoleTag) {
    const tagged = subnets.filter((s) => roleTagged(s) === scheme && !taggedForOtherCluster(s, clusterName));
    return tagged.length > 0 ? { subnets: onePerAz(tagged), confidence: 'medium' } : undefined;
  }
  const topology = scheme === 'internet-facing' ? 'public' : 'private';
  const reachable = subnets.filter((s) => propString(s, 'topology') === topology && !taggedForOtherCluster(s, clusterName));
  return reachable.length > 0 ? { subnets: onePerAz(reachable), confidence: 'low' } : undefined;
}

/** The scheme a subnet is tagged for (the eksctl front end gives the subnets eksctl creates eksctl's tags). */
function roleTagged(s: Entity): 'internet-facing' | 'internal' | undefined {
  const tags = propMap(s, 'tags');
  const on = (key: string): boolean => key in tags && tags[key] !== '0' && tags[key] !== 'false';
  if (on(ROLE_TAG['internet-facing'])) return 'internet-facing';
  if (on(ROLE_TAG.internal)) return 'internal';
  return undefined;
}

function taggedForOtherCluster(s: Entity, clusterName: string | undefined): boolean {
  if (clusterName === undefined) return false;
  return Object.keys(propMap(s, 'tags')).some((k) => k.startsWith('kubernetes.io/cluster/') && k !== `kubernetes.io/cluster/${clusterName}`);
}

/** The first subnet by id in each AZ (subnets of unknown AZ are each their own). */
function onePerAz(subnets: readonly Entity[]): Entity[] {
  const byAz = new Map<string, Entity>();
  for (const s of [...subnets].sort((a, b) => cmp(a.id, b.id))) {
    const az = propString(s, 'az') ?? `?${s.id}`;
    if (!byAz.has(az)) byAz.set(az, s);
  }
  return [...byAz.values()];
}

function uniqueById(list: readonly Entity[]): Entity[] {
  return [...new Map(list.map((e) => [e.id, e])).values()].sort((a, b) => cmp(a.id, b.id));
}
