/**
 * J14/J15: `Subnet contains Node`.
 *
 * The node's InternalIP (for Fargate nodes without one, the address in the `fargate-ip-a-b-c-d…` name)
 * is looked up in an index of subnet CIDRs; candidates in another AZ than the node's zone (label or
 * `spec.providerID`, J14) are dropped. One candidate left: high. Several (overlapping VPCs): the
 * node's node-group subnets decide when that leaves one (medium); otherwise no relation.
 */
import { isUnresolved, type Entity, type PropValue } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { CidrIndex, parseCidr, parseIpv4 } from './cidr.js';

export const nodeSubnetPass: LinkPass = {
  rule: 'J15',
  description: 'Nodes to the subnet holding their InternalIP, within their AZ (J14, J15)',
  run(graph) {
    const index = new CidrIndex<Entity>();
    for (const s of graph.ofKind('Subnet')) {
      const text = propString(s, 'cidr');
      const cidr = text === undefined ? undefined : parseCidr(text);
      if (cidr) index.add(cidr, s);
    }
    for (const node of graph.ofKind('Node')) {
      const ip = nodeIp(node);
      if (ip === undefined) continue;
      const zone = propString(node, 'zone');
      const inZone = index.containing(ip).filter((s) => {
        const az = s.props['az'];
        return zone === undefined || typeof az !== 'string' || az === zone;
      });
      const only = inZone.length === 1 ? inZone[0] : undefined;
      if (only) {
        graph.addRelation({ type: 'contains', from: only.id, to: node.id, confidence: 'high', rule: 'J15' });
        continue;
      }
      const byGroup = inZone.filter((s) => groupSubnets(graph, node).has(s.id));
      const picked = byGroup.length === 1 ? byGroup[0] : undefined;
      if (picked) graph.addRelation({ type: 'contains', from: picked.id, to: node.id, confidence: 'medium', rule: 'J15' });
    }
  },
};

/** InternalIP, else the IP spelled in a Fargate node name (`fargate-ip-10-0-16-163.<region>.compute.internal`). */
export function nodeIp(node: Entity): number | undefined {
  const ip = propString(node, 'internalIp');
  if (ip !== undefined) return parseIpv4(ip);
  const m = /^fargate-ip-(\d+)-(\d+)-(\d+)-(\d+)(?:\.|$)/.exec(node.name);
  return m ? parseIpv4(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`) : undefined;
}

/** Entity ids of the subnets the node's group declares (by subnet id, CIDR or entity id). */
function groupSubnets(graph: ModelGraph, node: Entity): Set<string> {
  const out = new Set<string>();
  for (const rel of graph.relationsFrom(node.id, 'member-of')) {
    const group = graph.get(rel.to);
    const refs = group?.props['subnets'];
    if (!Array.isArray(refs)) continue;
    for (const ref of refs as readonly PropValue[]) {
      if (typeof ref !== 'string' || isUnresolved(ref)) continue;
      const direct = graph.get(ref);
      if (direct) out.add(direct.id);
      for (const s of graph.ofKind('Subnet')) if (propString(s, 'subnetId') === ref || propString(s, 'cidr') === ref) out.add(s.id);
    }
  }
  return out;
}
