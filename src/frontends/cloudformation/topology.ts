/**
 * Subnet classification (DOMAIN.md J7): a subnet whose route table has a default route to an internet
 * gateway is public; via a NAT, transit or other gateway it is private; with a route table but no
 * default route it is isolated. Without an association (the VPC main table, not visible in a
 * template) or with a gateway that is not known, the best other evidence decides and is named in
 * `topologyBasis`: `MapPublicIpOnLaunch`, the `kubernetes.io/role/(internal-)elb` tags, then the
 * logical id; otherwise `unknown`.
 */
import type { Entity } from '../../model/entity.js';
import type { NetworkFacts } from './lower-context.js';

type Topology = 'public' | 'private' | 'isolated' | 'unknown';

function fromRoutes(subnet: Entity, facts: NetworkFacts): Topology | undefined {
  const tables = facts.associations.get(subnet.id);
  if (!tables) return undefined;
  const vias = new Set([...tables].flatMap((t) => [...(facts.defaultRoutes.get(t) ?? [])]));
  if (vias.has('igw')) return 'public';
  if (vias.has('unknown')) return undefined;
  if (vias.has('nat') || vias.has('tgw') || vias.has('other')) return 'private';
  return 'isolated';
}

function fromEvidence(subnet: Entity): { topology: Topology; basis: string } {
  const tags = subnet.props['tags'];
  const tag = (key: string): boolean => typeof tags === 'object' && tags !== null && !Array.isArray(tags) && key in tags;
  if (subnet.props['mapPublicIpOnLaunch'] === true) return { topology: 'public', basis: 'MapPublicIpOnLaunch' };
  if (tag('kubernetes.io/role/elb')) return { topology: 'public', basis: 'role-tag' };
  if (tag('kubernetes.io/role/internal-elb')) return { topology: 'private', basis: 'role-tag' };
  const id = subnet.props['logicalId'];
  const logicalId = typeof id === 'string' ? id : '';
  if (/public/i.test(logicalId)) return { topology: 'public', basis: 'logical-id' };
  if (/private/i.test(logicalId)) return { topology: 'private', basis: 'logical-id' };
  return { topology: 'unknown', basis: 'none' };
}

/** Sets `topology` and `topologyBasis` on every CloudFormation subnet entity. */
export function classifySubnets(subnets: readonly Entity[], facts: NetworkFacts): void {
  for (const subnet of subnets) {
    const routed = fromRoutes(subnet, facts);
    const result = routed === undefined ? fromEvidence(subnet) : { topology: routed, basis: 'routes' };
    subnet.props['topology'] = result.topology;
    subnet.props['topologyBasis'] = result.basis;
  }
}
