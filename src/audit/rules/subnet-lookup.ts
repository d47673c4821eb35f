/** Subnet lookups shared by the placement rules (NET-03, REL-05, REL-09). */
import type { Entity, PropValue } from '../../model/entity.js';
import { propString } from '../../model/read.js';
import { SubnetRefs } from '../../model/subnet-refs.js';
import type { RuleContext } from '../rule.js';

/** Node group types whose subnets the inputs declare (Karpenter: its EC2NodeClass selection, J16); Auto Mode's are AWS's own. */
export const PLACING_TYPES: readonly PropValue[] = ['managed', 'self-managed', 'karpenter'];

/** `NodeGroup <cluster>/<name>`, the cluster by name when the model has it. */
export function nodeGroupLabel(group: Entity, ctx: RuleContext): string {
  const cluster = propString(group, 'cluster');
  const name = cluster === undefined ? undefined : ctx.graph.get(cluster)?.name;
  return `NodeGroup ${name === undefined ? '' : `${name}/`}${group.name}`;
}

/** The group's (or profile's) `subnets` entries; a whole-list placeholder gives one placeholder entry. */
export function subnetRefs(e: Entity): readonly PropValue[] {
  const v = e.props['subnets'];
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as readonly PropValue[]) : [v];
}

/** The model's subnets by reference, once per rule run (the engine makes a context per rule and run). */
const refsOf = new WeakMap<RuleContext, SubnetRefs>();

/**
 * The Subnet a reference surely names (`SubnetRefs.unique`: entity id, else a unique subnet id, CIDR
 * or Name tag); placeholders and references no subnet of the model answers to give undefined.
 */
export function resolveSubnet(ref: PropValue, ctx: RuleContext): Entity | undefined {
  let refs = refsOf.get(ctx);
  if (!refs) refsOf.set(ctx, (refs = new SubnetRefs(ctx.graph.ofKind('Subnet'))));
  return refs.unique(ref);
}
