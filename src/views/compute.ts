/**
 * Compute view: cluster → node groups / Fargate profiles / Karpenter and Auto Mode pools → nodes per
 * AZ (counts, instance types, pods). Pods are never drawn one by one: they are counted on their node's
 * bucket. One diagram per cluster; nodes of no known group go to an "unassigned" bucket.
 */
import { own } from '../core/guards.js';
import { cmp } from '../core/order.js';
import type { Entity, PropValue, Relation } from '../model/entity.js';
import { k8sId } from '../model/ids.js';
import type { EntityKind } from '../model/kinds.js';
import { displayValue, propNumber, propString } from '../model/read.js';
import { DiagramBuilder, addMoreNode, topN } from './builder.js';
import { Facts, countsText, listText, plural } from './format.js';
import { SubnetRefs } from '../model/subnet-refs.js';
import { groupPlacement } from './group-zones.js';
import type { ModelIndex } from './model-index.js';
import { pushTo, slugPart, uniqueSlug } from './util.js';
import type { Diagram } from './types.js';

const MAX_GROUPS = 40;
const MAX_ZONES = 12;
const UNASSIGNED = 'unassigned';

interface Membership {
  readonly group: string;
  readonly relation: Relation | undefined;
}

export function buildComputeViews(ix: ModelIndex): Diagram[] {
  const clusters = ix.ofKind('Cluster');
  const podsByNode = countPodsByNode(ix);
  const nodesByGroup = new Map<string, Entity[]>();
  const membership = new Map<string, Membership>();
  for (const node of ix.ofKind('Node')) {
    const rel = best(ix.out(node.id, 'member-of', ['NodeGroup', 'FargateProfile']));
    const m: Membership = { group: rel?.to ?? UNASSIGNED, relation: rel };
    membership.set(node.id, m);
    pushTo(nodesByGroup, m.group, node);
  }
  const groups = [...ix.ofKind('NodeGroup'), ...ix.ofKind('FargateProfile')];
  const groupsByCluster = new Map<string, Entity[]>();
  for (const g of groups) pushTo(groupsByCluster, clusterOf(ix, g) ?? UNASSIGNED, g);

  const slugs = new Set<string>();
  const diagrams: Diagram[] = [];
  const ctx: Ctx = { ix, podsByNode, nodesByGroup, membership, subnets: new SubnetRefs(ix.ofKind('Subnet')) };
  for (const c of clusters) {
    // With one cluster, groups and nodes of unknown cluster belong to it.
    const extra = clusters.length === 1 ? (groupsByCluster.get(UNASSIGNED) ?? []) : [];
    const own = [...(groupsByCluster.get(c.id) ?? []), ...extra];
    diagrams.push(buildCluster(ctx, c, own, clusters.length === 1, uniqueSlug(slugs, `compute/${slugPart(c.name)}`)));
  }
  if (clusters.length !== 1) {
    const loose = groupsByCluster.get(UNASSIGNED) ?? [];
    if (loose.length > 0 || (nodesByGroup.get(UNASSIGNED)?.length ?? 0) > 0) {
      diagrams.push(buildCluster(ctx, undefined, loose, true, uniqueSlug(slugs, 'compute/unknown-cluster')));
    }
  }
  return diagrams;
}

interface Ctx {
  readonly ix: ModelIndex;
  readonly podsByNode: ReadonlyMap<string, number>;
  readonly nodesByGroup: ReadonlyMap<string, Entity[]>;
  readonly membership: ReadonlyMap<string, Membership>;
  readonly subnets: SubnetRefs;
}

function buildCluster(ctx: Ctx, cluster: Entity | undefined, groups: Entity[], takeUnassigned: boolean, slug: string): Diagram {
  const { ix } = ctx;
  const b = new DiagramBuilder();
  const clusterKey = cluster?.id ?? 'cluster:unknown';
  if (cluster) addClusterNode(ix, b, cluster);
  else b.node({ key: clusterKey, title: 'unknown cluster', lines: ['nodes and groups of no known cluster'], shape: 'round', classes: ['unresolved'] });

  const nodeCount = (g: Entity): number => ctx.nodesByGroup.get(g.id)?.length ?? 0;
  const { kept, omitted } = topN(groups, MAX_GROUPS, nodeCount);
  for (const g of kept) {
    addGroupNode(ctx, b, g);
    const rel = best(ix.out(g.id, 'member-of', ['Cluster']));
    if (rel) b.relationEdge(clusterKey, g.id, rel);
    else b.edge(clusterKey, g.id, 'low', 'cluster assumed');
    addBuckets(ctx, b, g.id, ctx.nodesByGroup.get(g.id) ?? []);
  }
  const omittedNodes = omitted.reduce((n, g) => n + nodeCount(g), 0);
  addMoreNode(b, 'more:groups', omitted.map((g) => g.id), 'node groups', [plural(omittedNodes, 'node')]);
  if (omitted.length > 0) b.edge(clusterKey, 'more:groups', 'high');

  const unassigned = takeUnassigned ? (ctx.nodesByGroup.get(UNASSIGNED) ?? []) : [];
  if (unassigned.length > 0) {
    b.node({ key: 'group:unassigned', title: 'nodes of no known group', lines: [plural(unassigned.length, 'node')], shape: 'subroutine', classes: ['unresolved'] });
    b.edge(clusterKey, 'group:unassigned', 'low');
    addBuckets(ctx, b, 'group:unassigned', unassigned);
  }
  const title = cluster ? `Compute: cluster ${cluster.name}` : 'Compute: nodes of unknown cluster';
  return b.build('compute', slug, title, 'TB');
}

function addClusterNode(ix: ModelIndex, b: DiagramBuilder, c: Entity): void {
  const f = new Facts(c).text('EKS cluster').prop('version', 'Kubernetes ').prop('region');
  const yesNo = (v: PropValue): string => (v === true ? 'yes' : v === false ? 'no' : displayValue(v));
  f.prop('endpointPublicAccess', 'public endpoint: ', yesNo).prop('endpointPrivateAccess', 'private endpoint: ', yesNo);
  const addons = ix.in(c.id, 'member-of', ['Addon']).map((r) => ix.get(r.from)?.name ?? r.from).sort(cmp);
  if (addons.length > 0) f.text(`addons: ${listText(addons, 4)}`);
  b.node({ key: c.id, entity: c.id, title: c.name, lines: f.lines, shape: 'round', classes: f.classes() });
}

const GROUP_TYPE_TEXT: Readonly<Record<string, string>> = {
  managed: 'managed node group',
  'self-managed': 'self-managed node group',
  karpenter: 'Karpenter node pool',
  'auto-mode': 'Auto Mode node pool',
};

function addGroupNode(ctx: Ctx, b: DiagramBuilder, g: Entity): void {
  const f = new Facts(g);
  if (g.kind === 'FargateProfile') {
    f.text('Fargate profile').prop('selectors', 'selectors: ', selectorsText);
    const pods = ctx.ix.in(g.id, undefined, ['Pod']).length;
    if (pods > 0) f.text(plural(pods, 'pod'));
  } else {
    const type = propString(g, 'nodeGroupType');
    f.text(type ? (own(GROUP_TYPE_TEXT, type) ?? `${type} node group`) : 'node group')
      .prop('instanceTypes')
      .prop('capacityType');
    const sizes = (['minSize', 'desiredCapacity', 'maxSize'] as const)
      .filter((k) => propNumber(g, k) !== undefined)
      .map((k) => `${{ minSize: 'min', desiredCapacity: 'desired', maxSize: 'max' }[k]} ${displayValue(g.props[k])}${g.defaulted.includes(k) ? ' (default)' : ''}`);
    if (sizes.length > 0) f.text(sizes.join(' · '));
  }
  const placement = groupPlacement(g, ctx.subnets);
  for (const line of placement.lines) f.text(line);
  if (placement.unresolved) f.unresolved = true;
  b.node({ key: g.id, entity: g.id, title: g.name, lines: f.lines, shape: 'box', classes: f.classes() });
}

/** One box per AZ under a group: node count, instance types, pods on those nodes. */
function addBuckets(ctx: Ctx, b: DiagramBuilder, groupKey: string, nodes: readonly Entity[]): void {
  const byZone = new Map<string, Entity[]>();
  for (const n of nodes) pushTo(byZone, propString(n, 'zone') ?? 'zone unknown', n);
  const zones = [...byZone.keys()].sort(cmp);
  const shown = zones.slice(0, MAX_ZONES);
  for (const zone of shown) {
    const list = byZone.get(zone) ?? [];
    const types = new Map<string, number>();
    let pods = 0;
    for (const n of list) {
      const t = propString(n, 'instanceType') ?? (propString(n, 'computeType') === 'fargate' ? 'fargate' : 'type unknown');
      types.set(t, (types.get(t) ?? 0) + 1);
      pods += ctx.podsByNode.get(n.id) ?? 0;
    }
    const key = `nodes:${groupKey}:${zone}`;
    b.node({ key, title: zone, lines: [plural(list.length, 'node'), countsText(types), plural(pods, 'pod')], shape: 'stadium', classes: [] });
    const weakest = list.map((n) => ctx.membership.get(n.id)?.relation).find((r) => r !== undefined && r.confidence !== 'high')
      ?? list.map((n) => ctx.membership.get(n.id)?.relation).find((r) => r !== undefined);
    if (weakest) b.relationEdge(groupKey, key, weakest);
    else b.edge(groupKey, key, 'low');
  }
  if (zones.length > shown.length) {
    const rest = zones.slice(MAX_ZONES).reduce((n, z) => n + (byZone.get(z)?.length ?? 0), 0);
    b.node({ key: `more:zones:${groupKey}`, title: `+${zones.length - shown.length} more zones`, lines: [plural(rest, 'node')], shape: 'subroutine', classes: ['more'] });
    b.edge(groupKey, `more:zones:${groupKey}`, 'high');
  }
}

const NODE_KIND: readonly EntityKind[] = ['Node'];

/** Pods per node, from `Pod runs-on Node`, else from the pod's `nodeName`. */
function countPodsByNode(ix: ModelIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of ix.ofKind('Pod')) {
    const node = ix.firstOut(pod.id, 'runs-on', NODE_KIND)?.to ?? nodeIdOf(pod);
    if (node !== undefined && ix.get(node)) out.set(node, (out.get(node) ?? 0) + 1);
  }
  return out;
}

function nodeIdOf(pod: Entity): string | undefined {
  const nodeName = propString(pod, 'nodeName');
  return nodeName !== undefined ? k8sId('Node', undefined, nodeName) : undefined;
}

function clusterOf(ix: ModelIndex, g: Entity): string | undefined {
  const rel = best(ix.out(g.id, 'member-of', ['Cluster']));
  if (rel) return rel.to;
  const prop = propString(g, 'cluster');
  return prop !== undefined && ix.get(prop) ? prop : undefined;
}

/** The most certain relation (first on ties: relations arrive sorted). */
export function best(relations: readonly Relation[]): Relation | undefined {
  const rank = { high: 2, medium: 1, low: 0 } as const;
  let out: Relation | undefined;
  for (const r of relations) if (!out || rank[r.confidence] > rank[out.confidence]) out = r;
  return out;
}

function selectorsText(v: unknown): string {
  if (!Array.isArray(v)) return displayValue(null);
  const parts = v.map((s: unknown) => {
    if (typeof s !== 'object' || s === null) return '?';
    const ns = 'namespace' in s ? displayValue(s.namespace as PropValue) : '*';
    const labels = 'labels' in s && typeof s.labels === 'object' && s.labels !== null
      ? Object.entries(s.labels as Record<string, PropValue>).map(([k, x]) => `${k}=${displayValue(x)}`).sort(cmp) : [];
    return labels.length > 0 ? `${ns} {${labels.join(', ')}}` : ns;
  });
  return listText(parts, 3);
}

