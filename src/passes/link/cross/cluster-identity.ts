/**
 * J1–J3: one `Cluster` entity per cluster name, whichever inputs name it, with region and account.
 *
 * - J1: node labels `alpha.eksctl.io/cluster-name` / `eks.amazonaws.com/cluster-name` name the cluster
 *   the dump was taken from; the dump becomes a source of `clusterId(name)` (the line of the first node
 *   carrying the label), creating the Cluster when only the dump knows it. A CloudFormation cluster
 *   whose `Name` did not resolve (a `cfnId`) is merged into the named cluster when each is the only
 *   one of its sort (medium, "only cluster in scope").
 * - J2: the region observed on nodes (`topology.kubernetes.io/region`, else the zone without its
 *   letter) fills a missing, placeholder or defaulted `region`; a declared region that disagrees is a
 *   warning.
 * - J3: the account ids of every literal ARN in the model fill a missing `accountId`; when several
 *   accounts appear they are all listed in `accountIds` (cross-account references).
 *
 * Nodes are not related to the Cluster directly: they reach it through their node group
 * (`Node member-of NodeGroup member-of Cluster`, J10/J11).
 */
import { cmp } from '../../../core/order.js';
import { isUnresolved, makeEntity, type Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { clusterId } from '../../../model/ids.js';
import { displayValue, propMap, propString } from '../../../model/read.js';
import type { LinkPass, PassContext } from '../../types.js';
import { parseArn, regionOfZone } from './aws-names.js';
import { earliestSource, firstSource, labelledCluster, propRecords, pushTo } from './lookup.js';

export const clusterIdentityPass: LinkPass = {
  rule: 'J1',
  description: 'One Cluster per name across CloudFormation, eksctl and node labels; region (J2) and account (J3)',
  run(graph, ctx) {
    const nodesByCluster = new Map<string, Entity[]>();
    for (const node of graph.ofKind('Node')) {
      const name = labelledCluster(node);
      if (name) pushTo(nodesByCluster, name, node);
    }
    for (const [name, nodes] of [...nodesByCluster.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      const source = earliestSource(nodes);
      if (source) graph.addEntity(makeEntity({ id: clusterId(name), kind: 'Cluster', name, source }));
    }
    mergeUnnamedCluster(graph, ctx);
    for (const [name, nodes] of nodesByCluster) {
      const cluster = graph.get(clusterId(name));
      if (cluster) learnRegion(cluster, nodes, ctx);
    }
    learnAccounts(graph, ctx);
  },
};

function mergeUnnamedCluster(graph: ModelGraph, ctx: PassContext): void {
  const clusters = graph.ofKind('Cluster');
  const named = clusters.filter((c) => c.id === clusterId(c.name));
  const unnamed = clusters.filter((c) => c.id !== clusterId(c.name));
  const keep = named[0];
  const drop = unnamed[0];
  if (named.length !== 1 || unnamed.length !== 1 || !keep || !drop) return;
  graph.merge(keep.id, drop.id);
  const src = firstSource(drop);
  if (src) ctx.sink.info('link/cluster-assumed', src.file, src.line, `cluster ${drop.name} has no resolved Name; taken to be ${keep.name}, the only named cluster (J1, medium)`);
}

function learnRegion(cluster: Entity, nodes: readonly Entity[], ctx: PassContext): void {
  const seen = new Set<string>();
  for (const node of nodes) {
    const zone = propString(node, 'zone');
    const region = propString(node, 'region') ?? propMap(node, 'labels')['topology.kubernetes.io/region'] ?? (zone ? regionOfZone(zone) : undefined);
    if (region) seen.add(region);
  }
  const regions = [...seen].sort(cmp);
  const observed = regions[0];
  if (regions.length !== 1 || observed === undefined) return;
  const declared = cluster.props['region'];
  if (declared === undefined || isUnresolved(declared) || cluster.defaulted.includes('region')) {
    cluster.props['region'] = observed;
    cluster.defaulted = cluster.defaulted.filter((k) => k !== 'region');
  } else if (declared !== observed) {
    const src = firstSource(cluster);
    if (src) ctx.sink.warning('link/region-mismatch', src.file, src.line, `cluster ${cluster.name} is declared in ${displayValue(declared)} but its nodes are in ${observed} (J2)`);
  }
}

/** ARN-valued props that name an account. Managed policies (`arn:aws:iam::aws:…`) carry none. */
const ARN_PROPS = ['roleArn', 'arn', 'instanceRoleArn', 'podExecutionRoleArn'] as const;

function learnAccounts(graph: ModelGraph, ctx: PassContext): void {
  const clusters = graph.ofKind('Cluster');
  if (clusters.length === 0) return;
  const accounts = new Set<string>();
  const add = (v: unknown): void => {
    const arn = typeof v === 'string' ? parseArn(v) : undefined;
    if (arn && /^\d{12}$/.test(arn.account)) accounts.add(arn.account);
  };
  for (const kind of ['ServiceAccount', 'IamRole', 'NodeGroup', 'FargateProfile', 'Cluster'] as const) {
    for (const e of graph.ofKind(kind)) for (const key of ARN_PROPS) add(e.props[key]);
  }
  for (const c of clusters) {
    for (const entry of propRecords(c, 'accessEntries')) add(entry['principalArn']);
  }
  const list = [...accounts].sort(cmp);
  for (const c of clusters) {
    const own = typeof c.props['accountId'] === 'string' ? c.props['accountId'] : undefined;
    if (own === undefined && list.length === 1 && list[0]) c.props['accountId'] = list[0];
    const all = [...new Set([...list, ...(own ? [own] : [])])].sort(cmp);
    if (all.length > 1) {
      c.props['accountIds'] = all;
      const src = firstSource(c);
      if (src) ctx.sink.info('link/cross-account', src.file, src.line, `ARNs of ${all.length} AWS accounts are referenced: ${all.join(', ')} (J3)`);
    }
  }
}
