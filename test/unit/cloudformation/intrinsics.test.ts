/** The static evaluator, table-driven: every function, nesting, placeholders, parameters and pseudo parameters. */
import { describe, expect, it } from 'vitest';
import { evalIn, world } from './helpers.js';

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: {Type: String, Default: prod}
  Cidr: {Type: String, Default: 10.0.0.0/16}
  Names: {Type: CommaDelimitedList, Default: 'a,b,c'}
  NoDefault: {Type: String}
  Password: {Type: String, NoEcho: true, Default: hunter2}
  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/eks/ami}
  Count: {Type: Number, Default: 3}
Mappings:
  Sizes:
    prod: {Instance: m5.large, Zones: [a, b]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  HasName: !Not [!Equals [!Ref NoDefault, '']]
  ProdAndNamed: !And [!Condition IsProd, !Condition HasName]
  DevAndNamed: !And [!Condition IsDev, !Condition HasName]
  ProdOrNamed: !Or [!Condition IsProd, !Condition HasName]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: !Ref Cidr}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24}
  Role:
    Type: AWS::IAM::Role
    Properties: {RoleName: !Sub '\${Env}-app', Path: /teams/}
  AnonRole:
    Type: AWS::IAM::Role
    Properties: {}
  Cluster:
    Type: AWS::EKS::Cluster
    Properties: {Name: demo}
`;

const ev = (node: unknown, params: Record<string, string> = {}): unknown => evalIn(TEMPLATE, node, params);

describe('intrinsic functions', () => {
  it.each<[string, unknown, unknown]>([
    ['Ref parameter default', { Ref: 'Env' }, 'prod'],
    ['Ref list parameter', { Ref: 'Names' }, ['a', 'b', 'c']],
    ['Ref parameter without default', { Ref: 'NoDefault' }, { unresolved: 'Param(NoDefault)' }],
    ['Ref NoEcho parameter never reads the default', { Ref: 'Password' }, { unresolved: 'Param(Password)' }],
    ['Ref SSM parameter is the store path, not a value', { Ref: 'Ami' }, { unresolved: 'SSM(/aws/service/eks/ami)' }],
    ['Ref resource', { Ref: 'Vpc' }, { unresolved: 'Ref(Vpc)' }],
    ['Ref role returns its literal RoleName', { Ref: 'Role' }, 'prod-app'],
    ['Ref cluster returns its Name', { Ref: 'Cluster' }, 'demo'],
    ['Ref to nothing stays a placeholder', { Ref: 'Missing' }, { unresolved: 'Ref(Missing)' }],
    ['Ref AWS::Region unknown', { Ref: 'AWS::Region' }, { unresolved: 'AWS::Region' }],
    ['Ref AWS::NotificationARNs', { Ref: 'AWS::NotificationARNs' }, []],
    ['GetAtt list form, unknown attribute', { 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }, { unresolved: 'GetAtt(Vpc.DefaultSecurityGroup)' }],
    ['GetAtt dotted form', { 'Fn::GetAtt': 'Subnet.AvailabilityZone' }, 'eu-west-1a'],
    ['GetAtt VPC CidrBlock from its parameter', { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, '10.0.0.0/16'],
    ['GetAtt role Arn with unknown account', { 'Fn::GetAtt': ['Role', 'Arn'] }, { unresolved: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/teams/prod-app' }],
    ['GetAtt Arn of a role without RoleName', { 'Fn::GetAtt': ['AnonRole', 'Arn'] }, { unresolved: 'GetAtt(AnonRole.Arn)' }],
    ['Sub string', { 'Fn::Sub': '${Env}-${AWS::Region}' }, { unresolved: 'prod-${AWS::Region}' }],
    ['Sub with variables', { 'Fn::Sub': ['${A}/${Env}', { A: { Ref: 'Cluster' } }] }, 'demo/prod'],
    ['Sub escape ${!Literal}', { 'Fn::Sub': '${!Literal}-${Env}' }, '${Literal}-prod'],
    ['Sub Logical.Attr', { 'Fn::Sub': '${Subnet.AvailabilityZone}' }, 'eu-west-1a'],
    ['Join', { 'Fn::Join': ['-', ['a', { Ref: 'Env' }, 3]] }, 'a-prod-3'],
    ['Join over a resource keeps a template', { 'Fn::Join': [',', [{ Ref: 'Vpc' }, 'x']] }, { unresolved: '${Ref(Vpc)},x' }],
    ['Select', { 'Fn::Select': [1, { Ref: 'Names' }] }, 'b'],
    ['Select index as string', { 'Fn::Select': ['2', ['x', 'y', 'z']] }, 'z'],
    ['Select over GetAZs', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, { unresolved: 'GetAZs()[0]' }],
    ['Split', { 'Fn::Split': [',', 'a,b'] }, ['a', 'b']],
    ['Split a join of references keeps each reference', { 'Fn::Split': [',', { 'Fn::Join': [',', [{ Ref: 'Vpc' }, { Ref: 'Subnet' }]] }] }, [{ unresolved: 'Ref(Vpc)' }, { unresolved: 'Ref(Subnet)' }]],
    ['Split an unknown value keeps cardinality unknown', { 'Fn::Split': [',', { Ref: 'NoDefault' }] }, { unresolved: 'Split(",", Param(NoDefault))' }],
    ['If true', { 'Fn::If': ['IsProd', 'yes', 'no'] }, 'yes'],
    ['If false', { 'Fn::If': ['IsDev', 'yes', 'no'] }, 'no'],
    ['If unknown keeps both branches', { 'Fn::If': ['HasName', 'yes', 'no'] }, { unresolved: 'If(HasName, yes, no)' }],
    ['FindInMap', { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Instance'] }, 'm5.large'],
    ['FindInMap list value', { 'Fn::FindInMap': ['Sizes', 'prod', 'Zones'] }, ['a', 'b']],
    ['FindInMap with an unknown key', { 'Fn::FindInMap': ['Sizes', { Ref: 'AWS::Region' }, 'Instance'] }, { unresolved: 'FindInMap(Sizes, AWS::Region, Instance)' }],
    ['GetAZs', { 'Fn::GetAZs': { Ref: 'AWS::Region' } }, { unresolved: 'GetAZs()' }],
    ['Cidr computed', { 'Fn::Cidr': [{ Ref: 'Cidr' }, 2, 8] }, ['10.0.0.0/24', '10.0.1.0/24']],
    ['Select over Cidr', { 'Fn::Select': [1, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, { Ref: 'Count' }, 12] }] }, '10.0.16.0/20'],
    ['Cidr over an unknown block', { 'Fn::Cidr': [{ Ref: 'NoDefault' }, 2, 8] }, { unresolved: 'Cidr(Param(NoDefault), 2, 8)' }],
    ['Base64 of known text', { 'Fn::Base64': { 'Fn::Sub': '${Env}' } }, 'cHJvZA=='],
    ['Base64 of unknown text', { 'Fn::Base64': { Ref: 'NoDefault' } }, { unresolved: 'Base64(Param(NoDefault))' }],
    ['ImportValue without an export', { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-VpcId' } }, { unresolved: 'Import(prod-VpcId)' }],
    ['nested: Select(Split(Join))', { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Join': ['/', ['x', { Ref: 'Env' }]] }] }] }, 'prod'],
    ['NoValue drops a list item', ['a', { Ref: 'AWS::NoValue' }, 'b'], ['a', 'b']],
    ['NoValue drops a map key', { A: 1, B: { 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, 2] } }, { A: 1 }],
  ])('%s', (_name, node, expected) => {
    expect(ev(node)).toEqual(expected);
  });

  it.each<[string, unknown, Record<string, string>, unknown]>([
    ['region override', { Ref: 'AWS::Region' }, { 'AWS::Region': 'cn-north-1' }, 'cn-north-1'],
    ['partition derived from region', { Ref: 'AWS::Partition' }, { 'AWS::Region': 'cn-north-1' }, 'aws-cn'],
    ['partition for gov regions', { Ref: 'AWS::Partition' }, { 'AWS::Region': 'us-gov-west-1' }, 'aws-us-gov'],
    ['URL suffix in China', { Ref: 'AWS::URLSuffix' }, { 'AWS::Region': 'cn-north-1' }, 'amazonaws.com.cn'],
    ['account and stack name overrides', { 'Fn::Sub': '${AWS::AccountId}/${AWS::StackName}' }, { 'AWS::AccountId': '111122223333', 'AWS::StackName': 's' }, '111122223333/s'],
    ['role ARN once account and region are known', { 'Fn::GetAtt': ['Role', 'Arn'] }, { 'AWS::AccountId': '111122223333', 'AWS::Region': 'eu-west-1' }, 'arn:aws:iam::111122223333:role/teams/prod-app'],
    ['parameter override beats Default', { Ref: 'Env' }, { Env: 'dev' }, 'dev'],
    ['parameter override changes conditions', { 'Fn::If': ['IsDev', 'yes', 'no'] }, { Env: 'dev' }, 'yes'],
    ['GetAZs with a region', { 'Fn::Select': [2, { 'Fn::GetAZs': '' }] }, { 'AWS::Region': 'eu-west-1' }, { unresolved: 'GetAZs(eu-west-1)[2]' }],
    ['a NoEcho parameter ignores an override too (its value never enters the model)', { 'Fn::Sub': 'db-${Password}' }, { Password: 'cli-secret' }, { unresolved: 'db-${Param(Password)}' }],
  ])('%s', (_name, node, params, expected) => {
    expect(ev(node, params)).toEqual(expected);
  });

  it('says why a NoEcho override is not used', () => {
    const { stack, sink } = world({ 't.yaml': TEMPLATE }, { Password: 'cli-secret' });
    expect(stack('t.yaml').evaluateAt({ Ref: 'Password' }, [])).toEqual(expect.objectContaining({ kind: 'placeholder' }));
    expect(sink.items.map((d) => [d.code, d.severity])).toContainEqual(['cfn/noecho-override', 'warning']);
    expect(JSON.stringify(sink.items)).not.toContain('cli-secret');
  });
});

describe('conditions are three-valued', () => {
  const { stack } = world({ 't.yaml': TEMPLATE });
  it.each([
    ['IsProd', 'true'],
    ['IsDev', 'false'],
    ['HasName', 'unknown'],
    ['ProdAndNamed', 'unknown'],
    ['DevAndNamed', 'false'],
    ['ProdOrNamed', 'true'],
  ])('%s is %s', (name, expected) => {
    expect(stack('t.yaml').condition(name)).toBe(expected);
  });

  it('a cycle between conditions is unknown, not a crash', () => {
    const { stack: s } = world({ 'c.yaml': 'Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  X: {Type: AWS::SNS::Topic}\n' });
    expect(['unknown', 'true', 'false']).toContain(s('c.yaml').condition('A'));
  });
});

describe('problems in intrinsic calls are reported with their line', () => {
  const template = [
    'Resources:', //                                      1
    '  Topic:', //                                        2
    '    Type: AWS::SNS::Topic', //                       3
    '    Properties:', //                                 4
    '      A: !Select [1]', //                            5
    '      B: {"Fn::Bogus": [1]}', //                     6
    '      C: !Select [5, [a, b]]', //                    7
    '      D: !If [NoSuchCondition, a, b]', //            8
    '      E: !Cidr [10.0.0.0/24, 9, 5]', //              9
    '      F: !GetAtt [OnlyOne]', //                      10
  ].join('\n');

  it.each([
    ['cfn/bad-arity', 5],
    ['cfn/unknown-function', 6],
    ['cfn/bad-argument', 7],
    ['cfn/unknown-condition', 8],
    ['cfn/bad-argument', 9],
    ['cfn/bad-arity', 10],
  ])('%s at line %i', (code, line) => {
    const { stack, sink } = world({ 'p.yaml': template });
    for (const p of ['A', 'B', 'C', 'D', 'E', 'F']) stack('p.yaml').prop('Topic', p);
    expect(sink.items).toContainEqual(expect.objectContaining({ severity: 'error', code, file: 'p.yaml', line }));
  });
});
