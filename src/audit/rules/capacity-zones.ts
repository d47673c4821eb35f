/**
 * Where capacity can launch, shared by the AZ checks (REL-05, REL-07). This file is not a rule: it
 * has no default export and is not listed in `index.ts`.
 *
 * A managed or self-managed group launches in the AZs of its subnets when all are subnets of the
 * model with a known AZ (J20), else in an eksctl group's `availabilityZones`; a Karpenter pool where
 * its EC2NodeClass subnets (J16) and its zone requirement (`In`) both allow; Auto Mode pools are
 * unknown (EKS picks their subnets).
 */
import type { Entity, PropValue } from '../../model/entity.js';
import { propStrings } from '../../model/read.js';
import type { RuleContext } from '../rule.js';
import { resolveSubnet, subnetRefs } from './subnet-lookup.js';

/** The AZs a capacity source (node group, Fargate profile) can launch in, or undefined when that is not known. */
export function capacityZones(e: Entity, ctx: RuleContext): string[] | undefined {
  if (e.kind === 'NodeGroup') {
    const type = e.props['nodeGroupType'];
    if (type === 'karpenter') return karpenterZones(e, ctx);
    if (type !== 'managed' && type !== 'self-managed') return undefined;
  }
  const declared = e.props['availabilityZones'];
  const declaredZones = Array.isArray(declared) ? new Set(declared.filter((z): z is string => typeof z === 'string')) : new Set<string>();
  // The model already lists several AZs (e.g. duplicate subnet ids merged into one subnet): those.
  if (declaredZones.size > 1) return [...declaredZones].sort();
  const refs = subnetRefs(e);
  if (refs.length > 0) return subnetZones(refs, ctx);
  // eksctl's own lists (declared or derived from known subnets); other formats drop unknown entries.
  if (e.kind !== 'NodeGroup' || !e.sources.every((s) => s.format === 'eksctl')) return undefined;
  if (!Array.isArray(declared) || declared.length === 0 || !declared.every((z) => typeof z === 'string')) return undefined;
  return [...declaredZones].sort();
}

/** The AZs of subnet references, or undefined when one is not a subnet of the model with a known AZ. */
function subnetZones(refs: readonly PropValue[], ctx: RuleContext): string[] | undefined {
  const zones = new Set<string>();
  for (const ref of refs) {
    const az = resolveSubnet(ref, ctx)?.props['az'];
    if (typeof az !== 'string') return undefined;
    zones.add(az);
  }
  return [...zones].sort();
}

/** A Karpenter pool: the AZs of its selected subnets, narrowed by its zone requirement. */
function karpenterZones(e: Entity, ctx: RuleContext): string[] | undefined {
  const required = propStrings(e, 'availabilityZones');
  const refs = subnetRefs(e);
  if (refs.length === 0) return required.length > 0 ? [...required].sort() : undefined;
  const zones = subnetZones(refs, ctx);
  return zones && required.length > 0 ? zones.filter((z) => required.includes(z)) : zones;
}
