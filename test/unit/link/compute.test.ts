import { describe, expect, it } from 'vitest';
import type { PropValue } from '../../../src/model/entity.js';
import { clusterId, eksctlId, fargateProfileId, k8sId, k8sObjectId, nodeGroupId } from '../../../src/model/ids.js';
import { fargatePass } from '../../../src/passes/link/cross/fargate.js';
import { nodeGroupsPass } from '../../../src/passes/link/cross/node-groups.js';
import { nodeSubnetPass } from '../../../src/passes/link/cross/node-subnet.js';
import { ent, graphOf, rels, run } from './helpers.js';

const cluster = ent('eksctl', 'Cluster', clusterId('prod'), {}, { name: 'prod' });
const group = (name: string, props: Record<string, PropValue> = {}, defaulted: string[] = []) =>
  ent('eksctl', 'NodeGroup', nodeGroupId('prod', name), { cluster: clusterId('prod'), ...props }, { name, defaulted });
const node = (name: string, labels: Record<string, string>, props: Record<string, string> = {}, line = 10) =>
  ent('kubernetes', 'Node', k8sId('Node', undefined, name), { labels, ...props }, { name, line });
const CL = { 'alpha.eksctl.io/cluster-name': 'prod' };

describe('J10/J11/J12/J16/J17 nodes → node groups', () => {
  it.each([
    ['J10', { 'eks.amazonaws.com/nodegroup': 'web' }, 'high'],
    ['J11', { 'alpha.eksctl.io/nodegroup-name': 'web' }, 'high'],
  ])('%s links by label', (rule, labels, confidence) => {
    const g = graphOf([cluster, group('web'), node('n1', { ...CL, ...labels })]);
    run(g, nodeGroupsPass);
    expect(rels(g, rule)).toEqual([`Node:n1 member-of ${nodeGroupId('prod', 'web')} (${confidence} ${rule})`]);
  });

  it('without a cluster label, uses the only cluster with medium confidence', () => {
    const g = graphOf([cluster, group('web'), node('n1', { 'eks.amazonaws.com/nodegroup': 'web' })]);
    run(g, nodeGroupsPass);
    expect(rels(g, 'J10')).toEqual([`Node:n1 member-of ${nodeGroupId('prod', 'web')} (medium J10)`]);
  });

  it('creates one observed-only group for nodes of an undeclared group', () => {
    const g = graphOf([cluster, node('n1', { ...CL, 'eks.amazonaws.com/nodegroup': 'ghost' }, {}, 30), node('n2', { ...CL, 'eks.amazonaws.com/nodegroup': 'ghost' }, {}, 20)]);
    run(g, nodeGroupsPass);
    const ghost = g.get(nodeGroupId('prod', 'ghost'));
    expect(ghost?.props).toMatchObject({ observedOnly: true, nodeGroupType: 'managed', cluster: clusterId('prod') });
    expect(ghost?.sources.map((s) => s.line)).toEqual([20]);
    expect(rels(g, 'J10')).toHaveLength(3);
  });

  it('J12: declared labels as a subset of node labels (defaulted labels ignored), unique match only', () => {
    const cfnGroup = ent('cloudformation', 'NodeGroup', 'NodeGroup:cfn:cfn/ng.yaml#Web', { labels: { role: 'web', 'alpha.eksctl.io/cluster-name': 'prod' } }, { defaulted: ['labels.alpha.eksctl.io/cluster-name'] });
    const g = graphOf([cluster, cfnGroup, node('n1', { role: 'web', zone: 'a' }), node('n2', { role: 'db' })]);
    run(g, nodeGroupsPass);
    expect(rels(g)).toEqual(['Node:n1 member-of NodeGroup:cfn:cfn/ng.yaml#Web (medium J12)']);
  });

  it('J16/J17: Karpenter and Auto Mode pools; a NodePool object is a declaration', () => {
    const pool = ent('kubernetes', 'KubernetesObject', k8sObjectId('karpenter.sh', 'NodePool', undefined, 'default'), {}, { name: 'default', line: 77 });
    const g = graphOf([
      cluster,
      pool,
      group('system', { nodeGroupType: 'auto-mode' }),
      node('k1', { ...CL, 'karpenter.sh/nodepool': 'default' }),
      node('a1', { ...CL, 'karpenter.sh/nodepool': 'system', 'eks.amazonaws.com/compute-type': 'auto' }, { computeType: 'auto' }),
    ]);
    run(g, nodeGroupsPass);
    expect(rels(g, 'J16')).toContain(`Node:k1 member-of ${nodeGroupId('prod', 'default')} (high J16)`);
    expect(rels(g, 'J17')).toEqual([`Node:a1 member-of ${nodeGroupId('prod', 'system')} (high J17)`]);
    const karpenter = g.get(nodeGroupId('prod', 'default'));
    expect(karpenter?.props['observedOnly']).toBeUndefined();
    expect(karpenter?.sources[0]?.line).toBe(77);
  });

  it('J16: nodes of a v1alpha5 Provisioner (karpenter.sh/provisioner-name) join its group; the Provisioner object declares it', () => {
    const provisioner = ent('kubernetes', 'KubernetesObject', k8sObjectId('karpenter.sh', 'Provisioner', undefined, 'spot'), {}, { name: 'spot', line: 88 });
    const g = graphOf([cluster, provisioner, node('p1', { ...CL, 'karpenter.sh/provisioner-name': 'spot' }), node('p2', { ...CL, 'karpenter.sh/provisioner-name': 'lonely' })]);
    run(g, nodeGroupsPass);
    expect(rels(g, 'J16').filter((r) => r.startsWith('Node:'))).toEqual([
      `Node:p1 member-of ${nodeGroupId('prod', 'spot')} (high J16)`,
      `Node:p2 member-of ${nodeGroupId('prod', 'lonely')} (high J16)`,
    ]);
    expect(g.get(nodeGroupId('prod', 'spot'))?.props).toMatchObject({ nodeGroupType: 'karpenter' });
    expect(g.get(nodeGroupId('prod', 'spot'))?.props['observedOnly']).toBeUndefined();
    expect(g.get(nodeGroupId('prod', 'spot'))?.sources[0]?.line).toBe(88);
    expect(g.get(nodeGroupId('prod', 'lonely'))?.props['observedOnly']).toBe(true);
  });
});

describe('J18/J19 Fargate', () => {
  const profile = (name: string, selectors: PropValue[]) =>
    ent('eksctl', 'FargateProfile', fargateProfileId('prod', name), { selectors }, { name });
  const pod = (ns: string, name: string, props: Record<string, PropValue>) =>
    ent('kubernetes', 'Pod', k8sId('Pod', ns, name), props, { namespace: ns, name });

  it('label names the profile (high); the Fargate node joins it', () => {
    const g = graphOf([
      profile('fp', [{ namespace: 'x' }]),
      node('fargate-ip-10-0-1-2.eu-west-1.compute.internal', {}, { computeType: 'fargate' }),
      pod('batch', 'p1', { fargateProfile: 'fp', nodeName: 'fargate-ip-10-0-1-2.eu-west-1.compute.internal' }),
    ]);
    run(g, fargatePass);
    expect(rels(g)).toEqual([
      `Node:fargate-ip-10-0-1-2.eu-west-1.compute.internal member-of ${fargateProfileId('prod', 'fp')} (high J18)`,
      `Pod:batch/p1 runs-on ${fargateProfileId('prod', 'fp')} (high J18)`,
    ]);
  });

  it('selectors with wildcards; alphabetically first profile wins; EC2 pods and non-matching labels are skipped', () => {
    const g = graphOf([
      profile('b-prod', [{ namespace: 'prod*', labels: { app: 'api' } }]),
      profile('a-any', [{ namespace: 'prod-??', labels: { 'ap*': 'a?i' } }]),
      profile('c-ns', [{ namespace: 'prod-eu' }]),
      node('ip-10-0-1-1', {}, { computeType: 'ec2' }),
      pod('prod-eu', 'api', { labels: { app: 'api', tier: 'web' } }),
      pod('prod-eu', 'worker', { labels: { app: 'worker' } }),
      pod('prod-eu', 'on-ec2', { labels: { app: 'api' }, nodeName: 'ip-10-0-1-1' }),
      pod('dev', 'api', { labels: { app: 'api' } }),
      ent('kubernetes', 'Deployment', k8sId('Deployment', 'prodx', 'web'), { templateLabels: { app: 'api' } }, { namespace: 'prodx', name: 'web' }),
    ]);
    run(g, fargatePass);
    expect(rels(g)).toEqual([
      `Deployment:prodx/web runs-on ${fargateProfileId('prod', 'b-prod')} (medium J19)`,
      `Pod:prod-eu/api runs-on ${fargateProfileId('prod', 'a-any')} (medium J19)`,
      `Pod:prod-eu/worker runs-on ${fargateProfileId('prod', 'c-ns')} (medium J19)`,
    ]);
  });
});

describe('J14/J15 nodes → subnets', () => {
  const subnet = (key: string, cidr: string, az: string) => ent('eksctl', 'Subnet', eksctlId('Subnet', 'prod', key), { cidr, az }, { name: key });

  it('InternalIP in CIDR within the node AZ; Fargate IP from the node name; no match outside any subnet', () => {
    const g = graphOf([
      subnet('a', '10.0.16.0/20', 'eu-west-1a'),
      subnet('b', '10.0.32.0/20', 'eu-west-1b'),
      node('n1', {}, { internalIp: '10.0.17.3', zone: 'eu-west-1a' }),
      node('fargate-ip-10-0-33-9.eu-west-1.compute.internal', {}, { zone: 'eu-west-1b', computeType: 'fargate' }),
      node('n3', {}, { internalIp: '10.0.33.1', zone: 'eu-west-1a' }),
      node('n4', {}, { internalIp: '172.16.0.1' }),
    ]);
    run(g, nodeSubnetPass);
    expect(rels(g)).toEqual([
      `${eksctlId('Subnet', 'prod', 'a')} contains Node:n1 (high J15)`,
      `${eksctlId('Subnet', 'prod', 'b')} contains Node:fargate-ip-10-0-33-9.eu-west-1.compute.internal (high J15)`,
    ]);
  });

  it('overlapping subnets: the node group subnet list decides (medium)', () => {
    const g = graphOf([
      subnet('a', '10.0.16.0/20', 'eu-west-1a'),
      ent('cloudformation', 'Subnet', 'Subnet:cfn:other#S', { cidr: '10.0.16.0/20', subnetId: 'subnet-other' }),
      group('web', { subnets: ['subnet-other'] }),
      node('n1', {}, { internalIp: '10.0.17.3', zone: 'eu-west-1a' }),
    ]);
    g.addRelation({ type: 'member-of', from: 'Node:n1', to: nodeGroupId('prod', 'web'), confidence: 'high', rule: 'J10' });
    run(g, nodeSubnetPass);
    expect(rels(g, 'J15')).toEqual(['Subnet:cfn:other#S contains Node:n1 (medium J15)']);
  });
});
