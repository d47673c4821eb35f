/**
 * J10/J11/J16/J17 (and J12 as fallback): `Node member-of NodeGroup`.
 *
 * The group is named by the node's labels, in this order: `eks.amazonaws.com/nodegroup` (J10, managed
 * node groups), `alpha.eksctl.io/nodegroup-name` (J11, every eksctl group), `karpenter.sh/nodepool`
 * (J16 Karpenter, J17 when `eks.amazonaws.com/compute-type=auto`), `karpenter.sh/provisioner-name`
 * (J16, Karpenter's v1alpha5 Provisioners). The cluster comes from the node's
 * cluster-name label (else the only cluster: confidence drops to medium). When no input declares the
 * named group, J12 is tried (a group whose declared labels are all on the node, unique: medium); if
 * that fails too, an observed-only NodeGroup is created (`props.observedOnly: true`, sourced at the
 * first node) so the drift report can name it. A Karpenter NodePool (or Provisioner) object in the dump counts as a
 * declaration: the group is then sourced there and not observed-only. Fargate nodes are left to J18.
 */
import { cmp } from '../../../core/order.js';
import { makeEntity, type Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { clusterId, k8sObjectId, nodeGroupId } from '../../../model/ids.js';
import type { Confidence } from '../../../model/kinds.js';
import { toProps, type NodeGroupProps } from '../../../model/props.js';
import { propMap, propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { clusterOfNode, earliestSource, firstSource, isPropMap, onlyNamedCluster } from './lookup.js';

export interface GroupLabel {
  readonly name: string;
  readonly rule: 'J10' | 'J11' | 'J16' | 'J17';
  readonly type: NonNullable<NodeGroupProps['nodeGroupType']>;
  /** For Karpenter groups, the kind of the object that declares them (`karpenter.sh`, cluster-scoped). */
  readonly karpenterKind?: 'NodePool' | 'Provisioner';
}

/** The node group a node's labels name, if any. */
export function groupLabelOf(node: Entity): GroupLabel | undefined {
  const labels = propMap(node, 'labels');
  const managed = labels['eks.amazonaws.com/nodegroup'];
  if (managed) return { name: managed, rule: 'J10', type: 'managed' };
  const eksctl = labels['alpha.eksctl.io/nodegroup-name'];
  if (eksctl) return { name: eksctl, rule: 'J11', type: 'self-managed' };
  const pool = labels['karpenter.sh/nodepool'];
  if (pool) {
    const auto = propString(node, 'computeType') === 'auto' || labels['eks.amazonaws.com/compute-type'] === 'auto';
    return auto ? { name: pool, rule: 'J17', type: 'auto-mode', karpenterKind: 'NodePool' } : { name: pool, rule: 'J16', type: 'karpenter', karpenterKind: 'NodePool' };
  }
  // Karpenter before v1beta1 (v1alpha5 Provisioners) labels its nodes with the Provisioner's name.
  const provisioner = labels['karpenter.sh/provisioner-name'];
  if (provisioner) return { name: provisioner, rule: 'J16', type: 'karpenter', karpenterKind: 'Provisioner' };
  return undefined;
}

export const nodeGroupsPass: LinkPass = {
  rule: 'J10',
  description: 'Nodes to their node group by EKS, eksctl and Karpenter labels (J10, J11, J16, J17; J12 fallback)',
  run(graph) {
    const only = onlyNamedCluster(graph);
    const byLabels = new LabelledGroups(graph);
    const undeclared = new Map<string, { cluster: string; label: GroupLabel; nodes: Entity[]; confidence: Confidence }>();
    for (const node of graph.ofKind('Node')) {
      if (propString(node, 'computeType') === 'fargate') continue;
      const cluster = clusterOfNode(node, only);
      const label = groupLabelOf(node);
      const confidence: Confidence = cluster?.confidence ?? 'medium';
      const id = label && cluster ? nodeGroupId(cluster.name, label.name) : undefined;
      if (id && label && graph.has(id)) {
        graph.addRelation({ type: 'member-of', from: node.id, to: id, confidence, rule: label.rule });
        continue;
      }
      const fallback = byLabels.match(node);
      if (fallback) {
        graph.addRelation({ type: 'member-of', from: node.id, to: fallback.id, confidence: 'medium', rule: 'J12' });
        continue;
      }
      if (!id || !label || !cluster) continue;
      const entry = undeclared.get(id);
      if (entry) entry.nodes.push(node);
      else undeclared.set(id, { cluster: cluster.name, label, nodes: [node], confidence });
    }
    for (const [id, u] of undeclared) {
      addUndeclaredGroup(graph, id, u.cluster, u.label, u.nodes, u.confidence);
      for (const node of u.nodes) graph.addRelation({ type: 'member-of', from: node.id, to: id, confidence: u.confidence, rule: u.label.rule });
    }
  },
};

function addUndeclaredGroup(graph: ModelGraph, id: string, cluster: string, label: GroupLabel, nodes: readonly Entity[], confidence: Confidence): void {
  const pool = label.karpenterKind ? graph.get(k8sObjectId('karpenter.sh', label.karpenterKind, undefined, label.name)) : undefined;
  const source = (pool && firstSource(pool)) ?? earliestSource(nodes);
  if (!source) return;
  const props = toProps<NodeGroupProps & { observedOnly?: boolean }>({
    cluster: graph.has(clusterId(cluster)) ? clusterId(cluster) : undefined,
    nodeGroupType: label.type,
    observedOnly: pool ? undefined : true,
  });
  graph.addEntity(makeEntity({ id, kind: 'NodeGroup', name: label.name, props, source }));
  if (graph.has(clusterId(cluster))) graph.addRelation({ type: 'member-of', from: id, to: clusterId(cluster), confidence, rule: label.rule });
}

/** J12: node groups with declared labels, matched as a subset of a node's labels. */
class LabelledGroups {
  private readonly groups: { id: string; labels: [string, string][] }[] = [];

  constructor(graph: ModelGraph) {
    for (const g of graph.ofKind('NodeGroup')) {
      // A declared label whose value is unknown (a CloudFormation placeholder) makes the subset test undecidable.
      const raw = g.props['labels'];
      if (isPropMap(raw) && Object.values(raw).some((v) => typeof v !== 'string')) continue;
      const labels = Object.entries(propMap(g, 'labels')).filter(([k]) => !g.defaulted.includes(`labels.${k}`));
      if (labels.length > 0) this.groups.push({ id: g.id, labels: labels.sort((a, b) => cmp(a[0], b[0])) });
    }
  }

  /** The one group whose declared labels are all on the node; `undefined` when none or several. */
  match(node: Entity): { id: string } | undefined {
    if (this.groups.length === 0) return undefined;
    const labels = propMap(node, 'labels');
    const hits = this.groups.filter((g) => g.labels.every(([k, v]) => labels[k] === v));
    return hits.length === 1 ? hits[0] : undefined;
  }
}
