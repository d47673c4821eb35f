import { cmp } from '../../core/order.js';
import type { Entity, PropValue } from '../../model/entity.js';
import { propString } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { resolveSubnet } from './subnet-lookup.js';

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
      const subnet = resolveSubnet(ref, ctx);
      if (subnet && propString(subnet, 'topology') === 'public') publics.set(subnet.id, subnet);
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
