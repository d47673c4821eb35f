/**
 * J16: Karpenter capacity. Every `karpenter.sh` NodePool is a node group of the cluster (the one its
 * nodes name through `karpenter.sh/nodepool`, which J10 has already made; else, for a pool with no
 * nodes in the inputs, a `karpenter` NodeGroup of the only cluster, medium). The group gets what the
 * pool may launch (`In` requirements: zones, capacity type, instance types) and the subnets its
 * EC2NodeClass selects:
 *
 * - `status.subnets[].id` and `subnetSelectorTerms[].id`: the subnet with that id (high);
 * - `subnetSelectorTerms[].tags`: every subnet carrying all of a term's tags (`*` matches any value;
 *   terms are ORed), medium. A tag whose value is a placeholder matches nothing.
 *
 * The subnets go into the group's `subnets` (entity ids), as for other node groups, so J15, the
 * network view and the audit (REL-05, NET-03) treat Karpenter capacity like any node group. The
 * group also `assumes` the node role the EC2NodeClass names.
 */
import { cmp } from '../../../core/order.js';
import { makeEntity, type Entity, type PropValue } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { clusterId, k8sObjectId, nodeGroupId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import { SubnetRefs } from '../../../model/subnet-refs.js';
import { toProps, type NodeGroupProps } from '../../../model/props.js';
import type { LinkPass, PassContext } from '../../types.js';
import { firstSource, isPropMap, onlyNamedCluster } from './lookup.js';
import { externalRole, RoleIndex } from './role-match.js';

const ZONE = 'topology.kubernetes.io/zone';
const CAPACITY = 'karpenter.sh/capacity-type';
const INSTANCE_TYPE = 'node.kubernetes.io/instance-type';
const CAPACITY_TYPES: Readonly<Record<string, string>> = { spot: 'SPOT', 'on-demand': 'ON_DEMAND', reserved: 'CAPACITY_BLOCK' };

export const karpenterPass: LinkPass = {
  rule: 'J16',
  description: 'Karpenter NodePools as node groups, with the subnets their EC2NodeClass selects',
  run(graph, ctx) {
    const pools = graph.ofKind('KubernetesObject').filter((o) => o.id === k8sObjectId('karpenter.sh', 'NodePool', undefined, o.name));
    if (pools.length === 0) return;
    const only = onlyNamedCluster(graph);
    let subnets: SubnetRefs | undefined;
    let roles: RoleIndex | undefined;
    for (const pool of pools) {
      const group = poolGroup(graph, pool, only);
      if (!group) continue;
      const requirements = pool.props['requirements'];
      const values = (key: string): string[] => {
        const v = isPropMap(requirements) ? requirements[key] : undefined;
        return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').sort(cmp) : [];
      };
      const capacity = values(CAPACITY).map((c) => CAPACITY_TYPES[c] ?? c);
      setIfAbsent(group, 'availabilityZones', nonEmpty(values(ZONE)));
      setIfAbsent(group, 'instanceTypes', nonEmpty(values(INSTANCE_TYPE)));
      setIfAbsent(group, 'capacityType', capacity.length === 1 ? capacity[0] : undefined);
      const nodeClassName = propString(pool, 'nodeClassRef');
      const karpenterClass = (propString(pool, 'nodeClassGroup') ?? 'karpenter.k8s.aws') === 'karpenter.k8s.aws';
      const nodeClass = nodeClassName === undefined || !karpenterClass ? undefined : graph.get(k8sObjectId('karpenter.k8s.aws', 'EC2NodeClass', undefined, nodeClassName));
      if (!nodeClass) continue;
      linkNodeRole(graph, group, nodeClass, (roles ??= new RoleIndex(graph)));
      if (group.props['subnets'] !== undefined) continue;
      const selected = selectSubnets(nodeClass, (subnets ??= new SubnetRefs(graph.ofKind('Subnet'))), graph);
      if (selected.length === 0) {
        reportUnmatched(nodeClass, ctx);
        continue;
      }
      group.props['subnets'] = selected.map((s) => s.id);
    }
  },
};

/** The NodeGroup standing for a pool: the one J10 made from its nodes, else a new one. */
function poolGroup(graph: ModelGraph, pool: Entity, only: Entity | undefined): Entity | undefined {
  for (const c of graph.ofKind('Cluster')) {
    const existing = graph.get(nodeGroupId(c.name, pool.name));
    if (existing) return existing;
  }
  const source = firstSource(pool);
  if (!only || !source) return undefined;
  const id = nodeGroupId(only.name, pool.name);
  // An Auto Mode pool names EKS's NodeClass instead of Karpenter's EC2NodeClass.
  const nodeGroupType = propString(pool, 'nodeClassGroup') === 'eks.amazonaws.com' ? 'auto-mode' : 'karpenter';
  const props = toProps<NodeGroupProps>({ cluster: clusterId(only.name), nodeGroupType });
  const group = graph.addEntity(makeEntity({ id, kind: 'NodeGroup', name: pool.name, props, source }));
  graph.addRelation({ type: 'member-of', from: id, to: only.id, confidence: 'medium', rule: 'J16' });
  return group;
}

/**
 * The node role an EC2NodeClass names (`spec.role`, a role name): the group `assumes` it, as other
 * node groups assume their node role — the role of the inputs with that name (eksctl's
 * `eksctl-KarpenterNodeRole-<cluster>`, a template's `RoleName`) or its auto-name, else a stand-in.
 */
function linkNodeRole(graph: ModelGraph, group: Entity, nodeClass: Entity, roles: RoleIndex): void {
  const name = propString(nodeClass, 'role');
  const source = firstSource(nodeClass);
  if (name === undefined || !source || graph.unorderedRelationsFrom(group.id).some((r) => r.type === 'assumes')) return;
  const match = roles.byRoleName(name);
  const role = match?.role ?? externalRole(graph, name, undefined, source);
  graph.addRelation({ type: 'assumes', from: group.id, to: role.id, confidence: match?.confidence ?? 'high', rule: 'J16' });
}

/** The subnets of the model an EC2NodeClass selects: by id (status, id terms), else by tags. */
function selectSubnets(nodeClass: Entity, refs: SubnetRefs, graph: ModelGraph): Entity[] {
  const out = new Map<string, Entity>();
  const ids = [...records(nodeClass.props['statusSubnets']), ...records(nodeClass.props['subnetSelectorTerms'])].map((r) => r['id']);
  for (const id of ids) {
    const s = typeof id === 'string' ? refs.unique(id) : undefined;
    if (s) out.set(s.id, s);
  }
  const tagTerms = records(nodeClass.props['subnetSelectorTerms']).flatMap((t) => (isPropMap(t['tags']) ? [t['tags']] : []));
  if (tagTerms.length > 0) {
    for (const s of graph.ofKind('Subnet')) {
      const tags = s.props['tags'];
      if (isPropMap(tags) && tagTerms.some((term) => Object.entries(term).every(([k, v]) => tagMatches(tags[k], v)))) out.set(s.id, s);
    }
  }
  return [...out.values()].sort((a, b) => cmp(a.id, b.id));
}

/** Karpenter's tag selector: the exact value, or `*` for any value of that key. */
function tagMatches(actual: PropValue | undefined, wanted: PropValue): boolean {
  if (typeof actual !== 'string' || typeof wanted !== 'string') return false;
  return wanted === '*' || actual === wanted;
}

function reportUnmatched(nodeClass: Entity, ctx: PassContext): void {
  const src = firstSource(nodeClass);
  if (!src || nodeClass.props['subnetSelectorTerms'] === undefined) return;
  ctx.sink.info('link/karpenter-subnets-unmatched', src.file, src.line, `EC2NodeClass ${nodeClass.name}: no subnet of the inputs matches its subnetSelectorTerms (J16 unresolved)`);
}

function setIfAbsent(e: Entity, key: string, value: PropValue | undefined): void {
  if (value !== undefined && e.props[key] === undefined) e.props[key] = value;
}

function nonEmpty(list: string[]): string[] | undefined {
  return list.length > 0 ? list : undefined;
}

function records(v: PropValue | undefined): { readonly [key: string]: PropValue }[] {
  return Array.isArray(v) ? (v as readonly PropValue[]).filter(isPropMap) : [];
}
