import { describe, expect, it } from 'vitest';
import { unresolved } from '../../../src/model/entity.js';
import { clusterId, cfnId, eksctlId, k8sId } from '../../../src/model/ids.js';
import { clusterIdentityPass } from '../../../src/passes/link/cross/cluster-identity.js';
import { networkIdentityPass } from '../../../src/passes/link/cross/network-identity.js';
import { ent, graphOf, run } from './helpers.js';

const node = (name: string, labels: Record<string, string>, line: number, extra: Record<string, string> = {}) =>
  ent('kubernetes', 'Node', k8sId('Node', undefined, name), { labels, ...extra }, { name, line });

describe('J1–J3 cluster identity', () => {
  it('adds the dump as a source of the eksctl cluster (first labelled node) and learns the account', () => {
    const g = graphOf([
      ent('eksctl', 'Cluster', clusterId('prod'), { region: 'eu-west-1' }, { name: 'prod', line: 5 }),
      node('n2', { 'alpha.eksctl.io/cluster-name': 'prod' }, 90, { region: 'eu-west-1' }),
      node('n1', { 'alpha.eksctl.io/cluster-name': 'prod' }, 40, { zone: 'eu-west-1a' }),
      ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', 'a', 'b'), { roleArn: 'arn:aws:iam::111122223333:role/x' }, { namespace: 'a', name: 'b' }),
    ]);
    const sink = run(g, clusterIdentityPass);
    const c = g.get(clusterId('prod'));
    expect(g.ofKind('Cluster')).toHaveLength(1);
    expect(c?.sources.map((s) => `${s.file}:${s.line}`)).toEqual(['eksctl/cluster.yaml:5', 'kubectl/dump.yaml:40']);
    expect(c?.props['accountId']).toBe('111122223333');
    expect(sink.items).toEqual([]);
  });

  it('creates the cluster from node labels alone, with the observed region', () => {
    const g = graphOf([node('n1', { 'eks.amazonaws.com/cluster-name': 'solo' }, 7, { zone: 'ap-south-1b' })]);
    run(g, clusterIdentityPass);
    expect(g.get(clusterId('solo'))?.props['region']).toBe('ap-south-1');
  });

  it('fills a placeholder region, warns on a contradicting one, lists several accounts', () => {
    const g = graphOf([
      ent('cloudformation', 'Cluster', clusterId('a'), { region: unresolved('AWS::Region') }, { name: 'a' }),
      ent('eksctl', 'Cluster', clusterId('b'), { region: 'us-east-1' }, { name: 'b' }),
      node('n1', { 'alpha.eksctl.io/cluster-name': 'a' }, 3, { region: 'eu-west-1' }),
      node('n2', { 'alpha.eksctl.io/cluster-name': 'b' }, 4, { region: 'eu-west-1' }),
      ent('eksctl', 'IamRole', 'IamRole:r1', { arn: 'arn:aws:iam::111122223333:role/r1' }),
      ent('eksctl', 'IamRole', 'IamRole:r2', { arn: 'arn:aws:iam::444455556666:role/r2' }),
    ]);
    const sink = run(g, clusterIdentityPass);
    expect(g.get(clusterId('a'))?.props['region']).toBe('eu-west-1');
    expect(g.get(clusterId('b'))?.props['region']).toBe('us-east-1');
    expect(sink.items.map((d) => d.code).sort()).toEqual(['link/cross-account', 'link/cross-account', 'link/region-mismatch']);
    expect(g.get(clusterId('a'))?.props['accountIds']).toEqual(['111122223333', '444455556666']);
    expect(g.get(clusterId('a'))?.props['accountId']).toBeUndefined();
  });

  it('merges a CloudFormation cluster without a resolved Name into the only named cluster', () => {
    const unnamed = cfnId('Cluster', 'cfn/eks.yaml', 'EksCluster');
    const g = graphOf([ent('cloudformation', 'Cluster', unnamed, { version: '1.30' }, { name: 'EksCluster' }), ent('eksctl', 'Cluster', clusterId('prod'), {}, { name: 'prod' })]);
    run(g, clusterIdentityPass);
    expect(g.ofKind('Cluster').map((c) => c.id)).toEqual([clusterId('prod')]);
    expect(g.get(unnamed)?.props['version']).toBe('1.30');
  });
});

describe('J9 VPCs and subnets', () => {
  const cfnVpc = cfnId('Vpc', 'cfn/net.yaml', 'Vpc');
  const ectlVpc = eksctlId('Vpc', 'prod', 'vpc');
  const cfnSubnet = (logical: string, cidr: string) =>
    ent('cloudformation', 'Subnet', cfnId('Subnet', 'cfn/net.yaml', logical), { cidr, az: unresolved('AZ(0)'), subnetId: unresolved(`Ref(${logical})`), vpc: cfnVpc }, { name: logical });
  const ectlSubnet = (key: string, cidr: string, az: string, extra: Record<string, string> = {}) =>
    ent('eksctl', 'Subnet', eksctlId('Subnet', 'prod', key), { cidr, az, vpc: ectlVpc, ...extra }, { name: key });

  it('merges by CIDR within agreeing VPCs; eksctl concrete values replace placeholders', () => {
    const g = graphOf([
      ent('cloudformation', 'Vpc', cfnVpc, { cidr: '10.0.0.0/16' }),
      ent('eksctl', 'Vpc', ectlVpc, { cidr: '10.0.0.0/16', vpcId: 'vpc-1' }),
      cfnSubnet('Private1', '10.0.16.0/20'),
      ectlSubnet('private/eu-west-1a', '10.0.16.0/20', 'eu-west-1a', { subnetId: 'subnet-1' }),
      ectlSubnet('private/eu-west-1b', '10.0.32.0/20', 'eu-west-1b'),
      ent('eksctl', 'Cluster', clusterId('prod'), { vpc: ectlVpc }, { name: 'prod' }),
    ]);
    run(g, networkIdentityPass);
    expect(g.ofKind('Vpc').map((v) => v.id)).toEqual([cfnVpc]);
    const merged = g.get(cfnId('Subnet', 'cfn/net.yaml', 'Private1'));
    expect(merged?.sources.map((s) => s.format)).toEqual(['cloudformation', 'eksctl']);
    expect(merged?.props).toMatchObject({ az: 'eu-west-1a', subnetId: 'subnet-1', vpc: cfnVpc });
    expect(g.ofKind('Subnet')).toHaveLength(2);
    expect(g.get(clusterId('prod'))?.props['vpc']).toBe(cfnVpc);
  });

  it.each([
    ['the VPC CIDRs differ', '10.1.0.0/16', 'eu-west-1a'],
    ['the AZs contradict', '10.0.0.0/16', 'eu-west-1c'],
  ])('does not merge when %s', (_why, ectlVpcCidr, az) => {
    const sub = cfnSubnet('Private1', '10.0.16.0/20');
    sub.props['az'] = 'eu-west-1a';
    const g = graphOf([ent('cloudformation', 'Vpc', cfnVpc, { cidr: '10.0.0.0/16' }), ent('eksctl', 'Vpc', ectlVpc, { cidr: ectlVpcCidr }), sub, ectlSubnet('private/x', '10.0.16.0/20', az)]);
    run(g, networkIdentityPass);
    expect(g.ofKind('Subnet')).toHaveLength(2);
  });

  it('does not merge on a CIDR two eksctl clusters share (default VPCs)', () => {
    const g = graphOf([
      ent('cloudformation', 'Vpc', cfnVpc, { cidr: '192.168.0.0/16' }),
      ent('eksctl', 'Vpc', eksctlId('Vpc', 'a', 'vpc'), { cidr: '192.168.0.0/16' }),
      ent('eksctl', 'Vpc', eksctlId('Vpc', 'b', 'vpc'), { cidr: '192.168.0.0/16' }),
    ]);
    run(g, networkIdentityPass);
    expect(g.ofKind('Vpc')).toHaveLength(3);
  });

  it('merges subnets and VPCs with equal ids whatever their CIDRs say', () => {
    const g = graphOf([
      ent('eksctl', 'Subnet', eksctlId('Subnet', 'a', 'private/x'), { subnetId: 'subnet-9' }),
      ent('eksctl', 'Subnet', eksctlId('Subnet', 'b', 'private/y'), { subnetId: 'subnet-9', cidr: '10.0.0.0/24' }),
    ]);
    run(g, networkIdentityPass);
    expect(g.ofKind('Subnet')).toHaveLength(1);
  });
});
