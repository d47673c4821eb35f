/**
 * Stack names (DOMAIN.md A.2): inferred from eksctl's naming or the file name, they resolve
 * `AWS::StackName`, so eksctl's `${AWS::StackName}::<Output>` exports bind only the imports of their
 * own cluster (J6, medium), and CloudFormation roles carry the stack name their auto-names start with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileStackName } from '../../../src/frontends/cloudformation/stack-name.js';
import { lower, world } from './helpers.js';

const CORPUS = new URL('../../../../shared/corpus/cfn-json/', import.meta.url);
const corpus = (name: string): string => readFileSync(new URL(name, CORPUS), 'utf8');

const MARK = '[created and managed by eksctl]';

/** An eksctl cluster stack of cluster `name`: one VPC, one public subnet, exported as eksctl does. */
function clusterStack(name: string, cidr: string): string {
  return `
Description: 'EKS cluster (dedicated VPC: true, dedicated IAM: true) ${MARK}'
Resources:
  ControlPlane:
    Type: AWS::EKS::Cluster
    Properties: {Name: ${name}, RoleArn: 'arn:aws:iam::111122223333:role/eks', ResourcesVpcConfig: {SubnetIds: [!Ref SubnetPublicA]}}
  VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: ${cidr}/16, Tags: [{Key: Name, Value: !Sub '\${AWS::StackName}/VPC'}]}}
  SubnetPublicA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: ${cidr}/24, AvailabilityZone: eu-west-1a}}
  ServiceRole:
    Type: AWS::IAM::Role
    Properties: {AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: eks.amazonaws.com}, Action: 'sts:AssumeRole'}]}}
Outputs:
  SubnetsPublic:
    Value: !Join [',', [!Ref SubnetPublicA]]
    Export: {Name: !Sub '\${AWS::StackName}::SubnetsPublic'}
`;
}

/** A managed node group stack of eksctl for cluster `cluster`, importing its cluster stack's subnets. */
function nodeGroupStack(cluster: string, from = cluster): string {
  return `
Description: 'EKS Managed Nodes (SSH access: false) ${MARK}'
Resources:
  ManagedNodeGroup:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: ${cluster}
      NodegroupName: ng-1
      NodeRole: 'arn:aws:iam::111122223333:role/nodes'
      Subnets: !Split [',', !ImportValue 'eksctl-${from}-cluster::SubnetsPublic']
`;
}

/** A self-managed node group stack of eksctl: an Auto Scaling group with these tags. */
function selfManagedStack(tags: Record<string, string>): string {
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value, PropagateAtLaunch: 'true' }));
  return `
Description: 'EKS nodes (AMI family: AmazonLinux2, SSH access: false, private networking: true) ${MARK}'
Resources:
  NodeGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {MinSize: '1', MaxSize: '2', Tags: ${JSON.stringify(list)}}
`;
}

describe('stack names from eksctl naming', () => {
  it('names an eksctl cluster stack eksctl-<cluster>-cluster and resolves AWS::StackName with it', () => {
    const r = lower({ 'infra/a.yaml': clusterStack('a', '10.1.0.0') });
    const vpc = r.entities.find((e) => e.kind === 'Vpc');
    expect(vpc?.props['tags']).toEqual({ Name: 'eksctl-a-cluster/VPC' });
    const role = r.entities.find((e) => e.kind === 'IamRole');
    expect(role?.props['stackName']).toBe('eksctl-a-cluster');
  });

  it('binds a node group to the subnets of its own cluster only, with medium confidence', () => {
    const r = lower({ 'a.yaml': clusterStack('a', '10.1.0.0'), 'b.yaml': clusterStack('b', '10.2.0.0'), 'ng.yaml': nodeGroupStack('b') });
    const ng = r.byId('NodeGroup:b/ng-1');
    expect(ng?.props['subnets']).toEqual(['Subnet:cfn:b.yaml#SubnetPublicA']);
    // Without stack names both clusters' `${AWS::StackName}::SubnetsPublic` would match: no binding at all.
    const j6 = r.relations.filter((x) => x.rule === 'J6');
    expect(j6.length).toBeGreaterThan(0);
    expect(j6.every((x) => x.confidence === 'medium' && !x.to.includes('a.yaml'))).toBe(true);
  });

  it('leaves an import of a cluster that is not among the inputs unresolved instead of binding another cluster', () => {
    const r = lower({ 'a.yaml': clusterStack('a', '10.1.0.0'), 'ng.yaml': nodeGroupStack('x') });
    expect(r.byId('NodeGroup:x/ng-1')?.props['subnets']).toEqual([{ unresolved: 'Split(",", Import(eksctl-x-cluster::SubnetsPublic))' }]);
    expect(r.relations.filter((x) => x.rule === 'J6')).toEqual([]);
  });

  it('names managed and self-managed node group stacks from their group', () => {
    const { stack } = world({
      'managed.yaml': nodeGroupStack('prod'),
      'self.yaml': selfManagedStack({ Name: 'prod-workers-Node', 'kubernetes.io/cluster/prod': 'owned' }),
      'tagged.yaml': selfManagedStack({ Name: 'custom-instance-name', 'kubernetes.io/cluster/prod': 'owned', 'alpha.eksctl.io/nodegroup-name': 'spot' }),
    });
    expect(stack('managed.yaml').stackName()).toBe('eksctl-prod-nodegroup-ng-1');
    expect(stack('self.yaml').stackName()).toBe('eksctl-prod-nodegroup-workers');
    expect(stack('tagged.yaml').stackName()).toBe('eksctl-prod-nodegroup-spot');
  });

  it('infers nothing from a template eksctl did not make, or one whose names are not literal', () => {
    const { stack } = world({
      'hand.yaml': clusterStack('a', '10.1.0.0').replace(MARK, ''),
      'param.yaml': clusterStack('!Ref Name', '10.1.0.0').replace('Resources:', 'Parameters: {Name: {Type: String, Default: a}}\nResources:'),
      'instance-name.yaml': selfManagedStack({ Name: 'my-instances', 'kubernetes.io/cluster/prod': 'owned' }),
    });
    expect(stack('hand.yaml').stackName()).toBeUndefined();
    expect(stack('param.yaml').stackName()).toBeUndefined();
    expect(stack('instance-name.yaml').stackName()).toBeUndefined();
    const r = lower({ 'hand.yaml': clusterStack('a', '10.1.0.0').replace(MARK, '') });
    expect(r.entities.find((e) => e.kind === 'Vpc')?.props['tags']).toEqual({ Name: { unresolved: '${AWS::StackName}/VPC' } });
    expect(r.entities.find((e) => e.kind === 'IamRole')?.props['stackName']).toBeUndefined();
  });

  it('lets --param AWS::StackName win over the inferred name', () => {
    const { stack } = world({ 'a.yaml': clusterStack('a', '10.1.0.0') }, { 'AWS::StackName': 'given' });
    expect(stack('a.yaml').stackName()).toBe('given');
    expect(stack('a.yaml').inferredName()).toBeUndefined();
  });
});

describe('stack names from file names', () => {
  it.each([
    ['cfn/eksctl-prod-cluster.yaml', 'eksctl-prod-cluster'],
    ['eksctl-prod-nodegroup-ng-1.json', 'eksctl-prod-nodegroup-ng-1'],
    ['stacks/eksctl-prod-addon-iamserviceaccount-kube-system-aws-node.template', 'eksctl-prod-addon-iamserviceaccount-kube-system-aws-node'],
    ['EKS-prod-ServiceRole.yml', 'EKS-prod-ServiceRole'],
    ['cdk.out/ShopNetwork.template.json', 'ShopNetwork'],
  ])('%s is stack %s', (file, name) => {
    expect(fileStackName(file)).toBe(name);
  });

  it.each([['network.yaml'], ['cdk.out/ShopNetworkVpcNested1A2B3C.nested.template.json'], ['eksctl-prod.yaml'], ['cdk.out/9bad.template.json'], ['eksctl-prod_x-cluster.yaml']])(
    '%s names no stack',
    (file) => {
      expect(fileStackName(file)).toBeUndefined();
    },
  );

  it('resolves AWS::StackName from the file name, but never for a nested template (CloudFormation names those)', () => {
    const child = `
Resources:
  Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub '\${AWS::StackName}-events'}}
`;
    const parent = `
Resources:
  Child: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: ./eksctl-p-addon-events.yaml}}
`;
    expect(world({ 'eksctl-p-addon-events.yaml': child }).stack('eksctl-p-addon-events.yaml').stackName()).toBe('eksctl-p-addon-events');
    const nested = world({ 'eksctl-p-cluster.yaml': parent, 'eksctl-p-addon-events.yaml': child });
    expect(nested.stack('eksctl-p-addon-events.yaml').stackName()).toBeUndefined();
    expect(nested.stack('eksctl-p-cluster.yaml').stackName()).toBe('eksctl-p-cluster');
  });
});

describe('eksctl testdata (corpus)', () => {
  it('does not bind the node group of cluster "test" to the exports of cluster "wonderful-party-1565212003"', () => {
    const r = lower({
      'eksctl-io+eksctl__pkg_cfn_template_testdata_cluster-example-1.json': corpus('eksctl-io+eksctl__pkg_cfn_template_testdata_cluster-example-1.json'),
      'eksctl-io+eksctl__pkg_cfn_template_testdata_nodegroup-example-1.json': corpus('eksctl-io+eksctl__pkg_cfn_template_testdata_nodegroup-example-1.json'),
    });
    expect(r.relations.filter((x) => x.rule === 'J6')).toEqual([]);
    const roles = r.entities.filter((e) => e.kind === 'IamRole').map((e) => e.props['stackName']);
    expect(roles.sort()).toEqual(['eksctl-test-nodegroup-n5', 'eksctl-wonderful-party-1565212003-cluster']);
    const ng = r.entities.find((e) => e.kind === 'NodeGroup');
    expect(ng?.props['subnets']).toEqual([{ unresolved: 'Split(",", Import(eksctl-test-cluster::SubnetsPublic))' }]);
  });
});
