/**
 * Node group drift (only when nodes were observed): observed node count vs `desiredCapacity`
 * (`drift/nodegroup-size`) and vs `minSize..maxSize` (`drift/nodegroup-out-of-bounds`), declared groups
 * without any node (`drift/nodegroup-no-nodes`), observed instance types the group does not declare
 * (`drift/instance-type`), and groups that only node labels name (`drift/nodegroup-undeclared`).
 * Karpenter and Auto Mode pools have no declared size and are only checked for instance types.
 */
import { cmp } from '../../core/order.js';
import type { DriftItem } from '../../model/architecture.js';
import type { ModelGraph } from '../../model/graph.js';
import { propNumber, propString, propStrings } from '../../model/read.js';
import { nodesOf, observedAny } from './observed.js';

export function driftNodeGroups(graph: ModelGraph): DriftItem[] {
  if (!observedAny(graph, 'Node')) return [];
  const out: DriftItem[] = [];
  for (const g of graph.ofKind('NodeGroup')) {
    const nodes = nodesOf(graph, g);
    const count = nodes.length;
    if (g.props['observedOnly'] === true) {
      out.push({ code: 'drift/nodegroup-undeclared', entity: g.id, message: `node group ${g.name} has ${count} node(s) but no input declares it`, observed: count });
      continue;
    }
    const desired = propNumber(g, 'desiredCapacity');
    const min = propNumber(g, 'minSize');
    const max = propNumber(g, 'maxSize');
    const note = g.defaulted.includes('desiredCapacity') ? ' (default)' : '';
    if (desired !== undefined && desired !== count) {
      out.push({ code: 'drift/nodegroup-size', entity: g.id, message: `node group ${g.name}: desiredCapacity ${desired}${note}, ${count} node(s) observed`, declared: desired, observed: count });
    }
    if ((min !== undefined && count < min) || (max !== undefined && count > max)) {
      out.push({ code: 'drift/nodegroup-out-of-bounds', entity: g.id, message: `node group ${g.name}: ${count} node(s) observed, outside ${min ?? 0}..${max ?? '∞'}`, declared: `${min ?? 0}..${max ?? ''}`, observed: count });
    }
    const pool = propString(g, 'nodeGroupType') === 'karpenter' || propString(g, 'nodeGroupType') === 'auto-mode';
    if (count === 0 && !pool) {
      out.push({ code: 'drift/nodegroup-no-nodes', entity: g.id, message: `node group ${g.name} is declared but no node of it was observed`, declared: desired ?? null, observed: 0 });
    }
    const declared = propStrings(g, 'instanceTypes');
    const unexpected = [...new Set(nodes.map((n) => propString(n, 'instanceType')).filter((t): t is string => t !== undefined && !declared.includes(t)))].sort(cmp);
    if (declared.length > 0 && unexpected.length > 0) {
      out.push({ code: 'drift/instance-type', entity: g.id, message: `node group ${g.name} declares ${declared.join(', ')} but runs ${unexpected.join(', ')}`, declared, observed: unexpected });
    }
  }
  return out;
}
