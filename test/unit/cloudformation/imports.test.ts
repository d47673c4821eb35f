/** Fn::ImportValue across templates (J6): the export index, values and depends-on edges. */
import { describe, expect, it } from 'vitest';
import { lower, world } from './helpers.js';
import { toPropValue } from '../../../src/frontends/cloudformation/values.js';

const NETWORK = `
Parameters:
  Env: {Type: String, Default: shop}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b}}
Outputs:
  Subnets:
    Value: !Join [',', [!Ref SubnetA, !Ref SubnetB]]
    Export: {Name: !Sub '\${Env}-Subnets'}
  Cidr:
    Value: !GetAtt Vpc.CidrBlock
    Export: {Name: shop-VpcCidr}
  Stacked:
    Value: !Ref Vpc
    Export: {Name: !Sub '\${AWS::StackName}::VPC'}
`;

const APP = `
Parameters:
  Env: {Type: String, Default: other}
Resources:
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: x
      SubnetIds: !Split [',', !ImportValue shop-Subnets]
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: demo
      NodegroupName: ng
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: !Split [',', !ImportValue shop-Subnets]
  ByStackName:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !ImportValue net-stack::VPC
`;

describe('Fn::ImportValue across templates', () => {
  it('resolves the export with the exporting template parameters, keeping each subnet reference', () => {
    const { stack } = world({ 'net.yaml': NETWORK, 'app.yaml': APP });
    const app = stack('app.yaml');
    expect(toPropValue(app.prop('Group', 'SubnetIds'))).toEqual([{ unresolved: 'Ref(SubnetA)' }, { unresolved: 'Ref(SubnetB)' }]);
    expect(toPropValue(app.evaluateAt({ 'Fn::ImportValue': 'shop-VpcCidr' }, []))).toBe('10.0.0.0/16');
  });

  it('makes J6 depends-on edges to the resources behind the export', () => {
    const f = lower({ 'net.yaml': NETWORK, 'app.yaml': APP });
    const edges = f.relations.filter((r) => r.from === 'AwsResource:cfn:app.yaml#Group' && r.type === 'depends-on');
    expect(edges).toEqual([
      { type: 'depends-on', from: 'AwsResource:cfn:app.yaml#Group', to: 'Subnet:cfn:net.yaml#SubnetA', rule: 'J6', confidence: 'high' },
      { type: 'depends-on', from: 'AwsResource:cfn:app.yaml#Group', to: 'Subnet:cfn:net.yaml#SubnetB', rule: 'J6', confidence: 'high' },
    ]);
    const ng = f.byId('NodeGroup:demo/ng');
    expect(ng?.props).toMatchObject({ subnets: ['Subnet:cfn:net.yaml#SubnetA', 'Subnet:cfn:net.yaml#SubnetB'], availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
  });

  it('binds an export named after an unknown stack name with medium confidence', () => {
    const f = lower({ 'net.yaml': NETWORK, 'app.yaml': APP });
    expect(f.relations).toContainEqual({ type: 'depends-on', from: 'AwsResource:cfn:app.yaml#ByStackName', to: 'Vpc:cfn:net.yaml#Vpc', rule: 'J6', confidence: 'medium' });
  });

  it('with the stack name given, the export is exact', () => {
    const f = lower({ 'net.yaml': NETWORK, 'app.yaml': APP }, { 'AWS::StackName': 'net-stack' });
    expect(f.relations).toContainEqual({ type: 'depends-on', from: 'AwsResource:cfn:app.yaml#ByStackName', to: 'Vpc:cfn:net.yaml#Vpc', rule: 'J6', confidence: 'high' });
  });

  it('without the exporting template, the import stays a placeholder and no edge is made', () => {
    const { stack } = world({ 'app.yaml': APP });
    expect(toPropValue(stack('app.yaml').prop('Group', 'SubnetIds'))).toEqual({ unresolved: 'Split(",", Import(shop-Subnets))' });
    expect(lower({ 'app.yaml': APP }).relations.filter((r) => r.rule === 'J6')).toEqual([]);
  });

  it('reports a duplicate export name', () => {
    const f = lower({ 'a.yaml': NETWORK, 'b.yaml': NETWORK });
    expect(f.sink.items).toContainEqual(expect.objectContaining({ code: 'cfn/duplicate-export', file: 'b.yaml', severity: 'warning' }));
  });

  it('an import cycle between two templates gives a placeholder, not a hang', () => {
    const a = 'Resources:\n  T: {Type: AWS::SNS::Topic}\nOutputs:\n  X: {Value: !ImportValue y, Export: {Name: x}}\n';
    const b = 'Resources:\n  T: {Type: AWS::SNS::Topic}\nOutputs:\n  Y: {Value: !ImportValue x, Export: {Name: y}}\n';
    const { stack } = world({ 'a.yaml': a, 'b.yaml': b });
    expect(toPropValue(stack('a.yaml').evaluateAt({ 'Fn::ImportValue': 'x' }, []))).toEqual({ unresolved: 'Output(X)' });
  });
});
