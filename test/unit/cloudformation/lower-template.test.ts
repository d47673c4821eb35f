/** Template-level lowering: subnet topology (J7), self-managed node groups, conditions, ForEach, diagnostics. */
import { describe, expect, it } from 'vitest';
import { MAX_EXPANDED } from '../../../src/frontends/cloudformation/foreach.js';
import { lower } from './helpers.js';

const NETWORK = `Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  Pub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}
  Priv: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}
  Iso: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}
  Tagged: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24, Tags: [{Key: kubernetes.io/role/internal-elb, Value: '1'}]}}
  Bare: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.4.0/24}}
  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Pub}}
  PubRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PrivRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  IsoRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  R1: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PubRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PrivRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}}
  R3: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref IsoRt, DestinationCidrBlock: 10.1.0.0/16, GatewayId: vgw-1}}
  A1: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Pub, RouteTableId: !Ref PubRt}}
  A2: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Priv, RouteTableId: !Ref PrivRt}}
  A3: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Iso, RouteTableId: !Ref IsoRt}}
`;

describe('network structure and subnet classification (J7)', () => {
  const f = lower({ 'n.yaml': NETWORK });
  const id = (kind: string, logical: string): string => `${kind}:cfn:n.yaml#${logical}`;

  it.each([
    ['Pub', 'public', 'routes'],
    ['Priv', 'private', 'routes'],
    ['Iso', 'isolated', 'routes'],
    ['Tagged', 'private', 'role-tag'],
    ['Bare', 'unknown', 'none'],
  ])('%s is %s (from %s)', (logical, topology, basis) => {
    expect(f.byId(id('Subnet', logical))?.props).toMatchObject({ topology, topologyBasis: basis, vpc: id('Vpc', 'Vpc') });
  });

  it.each([
    ['contains', id('Vpc', 'Vpc'), id('Subnet', 'Pub'), 'cfn-contains'],
    ['contains', id('Vpc', 'Vpc'), id('RouteTable', 'PubRt'), 'cfn-contains'],
    ['contains', id('Vpc', 'Vpc'), id('InternetGateway', 'Igw'), 'cfn-contains'],
    ['contains', id('Subnet', 'Pub'), id('NatGateway', 'Nat'), 'cfn-contains'],
    ['routes-to', id('Subnet', 'Priv'), id('RouteTable', 'PrivRt'), 'cfn-route'],
    ['routes-to', id('RouteTable', 'PubRt'), id('InternetGateway', 'Igw'), 'cfn-route'],
    ['routes-to', id('RouteTable', 'PrivRt'), id('NatGateway', 'Nat'), 'cfn-route'],
  ])('%s %s → %s', (type, from, to, rule) => {
    expect(f.relations).toContainEqual({ type, from, to, rule, confidence: 'high' });
  });

  it('a non-default route makes no routes-to edge', () => {
    expect(f.relations.filter((r) => r.type === 'routes-to' && r.from === id('RouteTable', 'IsoRt'))).toEqual([]);
  });
});

const SELF_MANAGED = `Parameters:
  ClusterName: {Type: String}
Resources:
  Role: {Type: AWS::IAM::Role, Properties: {RoleName: workers}}
  Profile: {Type: AWS::IAM::InstanceProfile, Properties: {Roles: [!Ref Role]}}
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: c5.large
        IamInstanceProfile: {Arn: !GetAtt Profile.Arn}
        UserData: !Base64 |
          #!/bin/bash
          /etc/eks/bootstrap.sh demo --kubelet-extra-args '--node-labels=team=a,tier=web --register-with-taints=gpu=true:NoSchedule'
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AutoScalingGroupName: workers
      LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber}
      MinSize: '1'
      MaxSize: '4'
      DesiredCapacity: '2'
      VPCZoneIdentifier: [subnet-1]
  Tagged:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 0
      MaxSize: 1
      Tags: [{Key: !Sub 'kubernetes.io/cluster/\${ClusterName}', Value: owned, PropagateAtLaunch: true}]
  WebServers:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {MinSize: 1, MaxSize: 1}
`;

describe('self-managed node groups', () => {
  const f = lower({ 's.yaml': SELF_MANAGED });

  it('an ASG whose user data bootstraps a cluster is a self-managed NodeGroup with labels, taints and its node role', () => {
    const ng = f.byId('NodeGroup:demo/workers');
    expect(ng?.props).toMatchObject({
      nodeGroupType: 'self-managed', cluster: 'Cluster:demo', minSize: 1, maxSize: 4, desiredCapacity: 2, instanceTypes: ['c5.large'],
      labels: { team: 'a', tier: 'web' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }], subnets: ['subnet-1'],
    });
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'assumes', from: 'NodeGroup:demo/workers', to: 'IamRole:workers' }));
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: 'NodeGroup:demo/workers', to: 'Cluster:demo' }));
  });

  it('the cluster tag marks one even when the cluster name is a parameter without a value', () => {
    expect(f.byId('NodeGroup:cfn:s.yaml#Tagged')?.props).toMatchObject({ nodeGroupType: 'self-managed', cluster: { unresolved: 'Param(ClusterName)' } });
  });

  it('any other ASG stays an AwsResource', () => {
    expect(f.byId('AwsResource:cfn:s.yaml#WebServers')?.props).toMatchObject({ type: 'AWS::AutoScaling::AutoScalingGroup' });
  });
});

describe('conditions, ForEach and diagnostics', () => {
  const template = [
    'Transform: AWS::LanguageExtensions', //                               1
    'Parameters:', //                                                      2
    '  Env: {Type: String, Default: dev}', //                              3
    '  Mode: {Type: String}', //                                           4
    'Conditions:', //                                                      5
    '  IsProd: !Equals [!Ref Env, prod]', //                               6
    '  IsFast: !Equals [!Ref Mode, fast]', //                              7
    'Resources:', //                                                       8
    '  ProdOnly: {Type: AWS::SNS::Topic, Condition: IsProd}', //           9
    '  Maybe: {Type: AWS::SNS::Topic, Condition: IsFast}', //              10
    '  Fn::ForEach::Queues:', //                                           11
    '    - Q', //                                                          12
    '    - [A, B]', //                                                     13
    '    - Queue${Q}:', //                                                 14
    '        Type: AWS::SQS::Queue', //                                    15
    '        Properties: {QueueName: !Sub "q-${Q}"}', //                  16
  ].join('\n');

  it('drops a resource whose condition is false with an info diagnostic, keeps an unknown one marked conditional', () => {
    const f = lower({ 'c.yaml': template });
    expect(f.byId('AwsResource:cfn:c.yaml#ProdOnly')).toBeUndefined();
    expect(f.sink.items).toContainEqual(expect.objectContaining({ severity: 'info', code: 'cfn/condition-false', line: 9 }));
    expect(f.byId('AwsResource:cfn:c.yaml#Maybe')?.props).toMatchObject({ conditional: 'IsFast' });
    expect(lower({ 'c.yaml': template }, { Env: 'prod' }).byId('AwsResource:cfn:c.yaml#ProdOnly')).toBeDefined();
  });

  it('expands Fn::ForEach with a concrete collection; each entity points at the key template line', () => {
    const f = lower({ 'c.yaml': template });
    expect(f.entities.filter((e) => e.props['cfnType'] === 'AWS::SQS::Queue').map((e) => [e.name, e.sources[0]?.line])).toEqual([['QueueA', 14], ['QueueB', 14]]);
  });

  it('refuses a ForEach that expands past MAX_EXPANDED entries (nested loops multiply) and keeps the rest', () => {
    const items = `[${Array.from({ length: 80 }, (_, i) => `i${i}`).join(', ')}]`;
    const text = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Kept:',
      '    Type: AWS::SNS::Topic',
      '  Fn::ForEach::A:',
      `    - X`,
      `    - ${items}`,
      '    - Fn::ForEach::B:',
      '        - Y',
      `        - ${items}`,
      '        - Q${X}${Y}:',
      '            Type: AWS::SQS::Queue',
    ].join('\n');
    const f = lower({ 'c.yaml': `${text}\n` });
    expect(f.sink.items).toContainEqual(expect.objectContaining({ severity: 'error', code: 'cfn/bad-foreach', line: 5 }));
    expect(f.sink.items.find((d) => d.code === 'cfn/bad-foreach')?.message).toContain(String(MAX_EXPANDED));
    expect(f.entities.filter((e) => e.props['cfnType'] === 'AWS::SQS::Queue')).toEqual([]);
    expect(f.byId('AwsResource:cfn:c.yaml#Kept')).toBeDefined();
  });

  it('warns and keeps going when the ForEach collection is not known', () => {
    const f = lower({ 'c.yaml': template.replace('[A, B]', '!Ref Mode') });
    expect(f.sink.items).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cfn/foreach-unresolved', line: 11 }));
    expect(f.byId('AwsResource:cfn:c.yaml#Maybe')).toBeDefined();
  });

  const broken = [
    'Resources:', //                                      1
    '  NoType:', //                                       2
    '    Properties: {}', //                              3
    '  Dangling:', //                                     4
    '    Type: AWS::SNS::Topic', //                       5
    '    DependsOn: Ghost', //                            6
    '    Properties:', //                                 7
    '      TopicName: !Ref Nowhere', //                   8
    '      DisplayName: !Sub "${Phantom.Attr}"', //       9
    '  Ok: {Type: AWS::SNS::Topic}', //                   10
  ].join('\n');

  it.each([
    ['cfn/missing-type', 2],
    ['cfn/unknown-ref', 6],
    ['cfn/unknown-ref', 8],
    ['cfn/unknown-ref', 9],
  ])('reports %s at line %i, and still lowers the rest', (code, line) => {
    const f = lower({ 'b.yaml': broken });
    expect(f.sink.items).toContainEqual(expect.objectContaining({ severity: 'error', code, file: 'b.yaml', line }));
    expect(f.entities.map((e) => e.props['logicalId']).sort()).toEqual(['Dangling', 'Ok']);
  });

  it('with a transform (SAM, macros) unknown references are warnings: the transform may add them', () => {
    const f = lower({ 'b.yaml': `Transform: AWS::Serverless-2016-10-31\n${broken.replace('  NoType:\n    Properties: {}\n', '')}` });
    expect(f.sink.items.filter((d) => d.code === 'cfn/unknown-ref').map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
  });
});
