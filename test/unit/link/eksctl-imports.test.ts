import { describe, expect, it } from 'vitest';
import { eksctlSubnetsImport } from '../../../src/frontends/cloudformation/lower-eks.js';
import type { PropValue } from '../../../src/model/entity.js';
import { cfnId, clusterId, fargateProfileId, nodeGroupId } from '../../../src/model/ids.js';
import { eksctlImportsPass } from '../../../src/passes/link/cross/eksctl-imports.js';
import { ent, graphOf, run } from './helpers.js';

const IMPORT = (output: string): PropValue => ({ unresolved: `Split(",", Import(eksctl-prod-cluster::${output}))` });
const meaning = (topology: 'public' | 'private'): PropValue => ({ export: `eksctl-prod-cluster::Subnets${topology === 'public' ? 'Public' : 'Private'}`, cluster: 'prod', topology });
const vpc = ent('cloudformation', 'Vpc', cfnId('Vpc', 'cfn/cluster.json', 'VPC'));
const subnet = (logicalId: string, topology: string, az: string, subnetId?: string) =>
  ent('cloudformation', 'Subnet', cfnId('Subnet', 'cfn/cluster.json', logicalId), { topology, az, vpc: vpc.id, ...(subnetId ? { subnetId } : {}) });
const subnets = [subnet('PublicA', 'public', 'eu-west-1a'), subnet('PublicB', 'public', 'eu-west-1b', 'subnet-0b'), subnet('PrivateA', 'private', 'eu-west-1a')];

describe('eksctl subnet imports (B.9 step 9)', () => {
  it.each([
    ['Split(",", Import(eksctl-prod-cluster::SubnetsPublic))', { export: 'eksctl-prod-cluster::SubnetsPublic', cluster: 'prod', topology: 'public' }],
    ['Import(eksctl-my-cluster-2-cluster::SubnetsPrivate)', { export: 'eksctl-my-cluster-2-cluster::SubnetsPrivate', cluster: 'my-cluster-2', topology: 'private' }],
    ['Import(eksctl-prod-cluster::VPC)', undefined],
    ['Split(",", Import(other-stack::SubnetsPublic))', undefined],
    ['Split(",", Import(eksctl-prod-cluster::SubnetsPublic)', undefined],
  ])('reads the meaning of %s', (expr, expected) => {
    expect(eksctlSubnetsImport(expr)).toEqual(expected);
  });

  it("binds an unbound import to the cluster's subnets of that kind (CloudFormation cluster: its VPC from its subnets)", () => {
    const cluster = ent('cloudformation', 'Cluster', clusterId('prod'), { subnets: [subnets[0]?.id ?? ''] });
    const group = ent('cloudformation', 'NodeGroup', nodeGroupId('prod', 'ng'), { subnets: [IMPORT('SubnetsPublic')], subnetsImport: meaning('public') });
    const profile = ent('cloudformation', 'FargateProfile', fargateProfileId('prod', 'fp'), { subnets: [IMPORT('SubnetsPrivate')], subnetsImport: meaning('private') });
    const g = graphOf([vpc, ...subnets, cluster, group, profile]);
    for (const s of subnets) g.addRelation({ type: 'contains', from: vpc.id, to: s.id, confidence: 'high', rule: 'cfn-ref' });
    run(g, eksctlImportsPass);
    expect(g.get(group.id)?.props).toMatchObject({ subnets: [cfnId('Subnet', 'cfn/cluster.json', 'PublicA'), 'subnet-0b'], availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    expect(g.get(profile.id)?.props).toMatchObject({ subnets: [cfnId('Subnet', 'cfn/cluster.json', 'PrivateA')], availabilityZones: ['eu-west-1a'] });
  });

  it('keeps concrete references and imports of a cluster the model does not have', () => {
    const cluster = ent('eksctl', 'Cluster', clusterId('prod'), { vpc: vpc.id });
    const mixed = ent('cloudformation', 'NodeGroup', nodeGroupId('prod', 'mixed'), { subnets: ['subnet-1', IMPORT('SubnetsPublic')], subnetsImport: meaning('public') });
    const elsewhere = ent('cloudformation', 'NodeGroup', nodeGroupId('dev', 'ng'), { subnets: [IMPORT('SubnetsPublic')], subnetsImport: { ...(meaning('public') as object), cluster: 'dev' } });
    const g = graphOf([vpc, ...subnets, cluster, mixed, elsewhere]);
    for (const s of subnets) g.addRelation({ type: 'contains', from: vpc.id, to: s.id, confidence: 'high', rule: 'eksctl' });
    run(g, eksctlImportsPass);
    expect(g.get(mixed.id)?.props['subnets']).toEqual(['subnet-1', IMPORT('SubnetsPublic')]);
    expect(g.get(elsewhere.id)?.props['subnets']).toEqual([IMPORT('SubnetsPublic')]);
  });
});
