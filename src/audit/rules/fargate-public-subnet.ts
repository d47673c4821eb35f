import { cmp } from '../../core/order.js';
import { isUnresolved, type Entity, type PropValue } from '../../model/entity.js';
import { propString } from '../../model/read.js';
import { defineRule, type RuleContext } from '../rule.js';

/**
 * REL-09: a Fargate profile names a public subnet (topology `public`: a default route to an internet
 * gateway, J7); Fargate takes private subnets only. A subnet reference is an entity id, a subnet id
 * or a CIDR, as declared; one that is a placeholder, names no subnet of the model, or a subnet whose
 * topology is not known to be public gives no finding.
 */
export default defineRule({
  id: 'eks/fargate-public-subnet',
  check: 'REL-09',
  severity: 'warning',
  description: 'A Fargate profile references a public subnet.',
  appliesTo: ['FargateProfile'],
  run(profile, ctx) {
    const refs = profile.props['subnets'];
    if (!Array.isArray(refs)) return;
    const publics = new Map<string, Entity>();
    for (const ref of refs as readonly PropValue[]) {
      if (typeof ref !== 'string') continue;
      for (const subnet of subnetsFor(ctx, ref)) if (propString(subnet, 'topology') === 'public') publics.set(subnet.id, subnet);
    }
    if (publics.size === 0) return;
    const names = [...publics.values()].map(label).sort(cmp);
    ctx.report(profile, `FargateProfile ${profile.name}: subnet${names.length > 1 ? 's' : ''} ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} public (route to an internet gateway); Fargate needs private subnets`);
  },
});

function label(subnet: Entity): string {
  const id = propString(subnet, 'subnetId');
  return id !== undefined && id !== subnet.name ? `${subnet.name} (${id})` : subnet.name;
}

/** Per rule run (the engine's context): subnets by subnet id and by CIDR, the other forms a reference takes. */
const indexes = new WeakMap<RuleContext, Map<string, Entity[]>>();

function subnetsFor(ctx: RuleContext, ref: string): readonly Entity[] {
  const graph = ctx.graph;
  const direct = graph.get(ref);
  if (direct) return direct.kind === 'Subnet' ? [direct] : [];
  let index = indexes.get(ctx);
  if (!index) {
    index = new Map();
    for (const s of graph.ofKind('Subnet')) {
      for (const key of [s.props['subnetId'], s.props['cidr']]) {
        if (typeof key !== 'string' || isUnresolved(key)) continue;
        const list = index.get(key);
        if (list) list.push(s);
        else index.set(key, [s]);
      }
    }
    indexes.set(ctx, index);
  }
  // A CIDR shared by subnets of several VPCs designates none of them for sure.
  const found = index.get(ref) ?? [];
  return found.length === 1 ? found : [];
}
