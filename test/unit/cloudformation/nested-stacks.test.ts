/** Nested stacks (DOMAIN.md B.9 step 10): parent parameters feed the child, child outputs feed the parent. */
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPropValue } from '../../../src/frontends/cloudformation/values.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { lower, world } from './helpers.js';

const CHILD_VPC = `
Parameters:
  Cidr: {Type: String, Default: 10.9.0.0/16}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref Cidr}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b}}
Outputs:
  SubnetIds: {Value: !Join [',', [!Ref SubnetA, !Ref SubnetB]]}
  VpcId: {Value: !Ref Vpc}
`;

const CHILD_CLUSTER = `
Parameters:
  ClusterName: {Type: String, Default: from-default}
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: !Ref ClusterName
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {SubnetIds: !Ref Subnets}
Outputs:
  Name: {Value: !Ref Cluster}
`;

/** A parent nesting CHILD_VPC and CHILD_CLUSTER, with `url(file)` as each TemplateURL. */
const parent = (url: (file: string) => string, extra = ''): string => `
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ${url('vpc.yaml')}
      Parameters: {Cidr: 10.0.0.0/16}
  Eks:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ${url('cluster.yaml')}
      Parameters:
        ClusterName: prod
        Subnets: !GetAtt Network.Outputs.SubnetIds
${extra}`;

const SUBNETS = ['Subnet:cfn:stacks/vpc.yaml#SubnetA', 'Subnet:cfn:stacks/vpc.yaml#SubnetB'];
const CLUSTER = 'Cluster:prod';

describe('nested stacks', () => {
  it.each([
    ['a local path', (f: string) => `./${f}`],
    ['an S3 URL', (f: string) => `https://bucket.s3.amazonaws.com/templates/${f}?versionId=3`],
    ['an Fn::Sub URL', (f: string) => `!Sub 'https://\${AWS::Region}-bucket.s3.amazonaws.com/\${AWS::StackName}/${f}'`],
    ['an Fn::Join URL', (f: string) => `!Join ['', ['https://', !Ref 'AWS::Region', '.s3.amazonaws.com/${f}']]`],
    ['an Fn::Join URL with a / delimiter', (f: string) => `!Join ['/', ['https://s3.amazonaws.com', !Ref 'AWS::Region', '${f}']]`],
  ])('feeds the parent’s parameters to the child and its outputs back (%s)', (_, url) => {
    const r = lower({ 'stacks/parent.yaml': parent(url), 'stacks/vpc.yaml': CHILD_VPC, 'stacks/cluster.yaml': CHILD_CLUSTER });
    const cluster = r.byId(CLUSTER);
    expect(cluster?.name).toBe('prod');
    expect(cluster?.props['subnets']).toEqual(SUBNETS);
    expect(r.byId('Vpc:cfn:stacks/vpc.yaml#Vpc')?.props['cidr']).toBe('10.0.0.0/16');
    expect(r.byId('AwsResource:cfn:stacks/parent.yaml#Eks')?.props['template']).toBe('stacks/cluster.yaml');
    expect(r.sink.items).toEqual([]);
  });

  it('finds a cdk nested stack by its aws:asset:path metadata', () => {
    const cdk = `
Resources:
  NetworkNestedStack:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Join ['', ['https://s3.', !Ref 'AWS::Region', '.amazonaws.com/cdk-hnb659fds-assets/', 'a1b2c3.json']]
      Parameters: {Cidr: 10.7.0.0/16}
    Metadata: {'aws:asset:path': AppNetworkNestedStackA1B2C3.nested.template.json}
`;
    const r = lower({ 'cdk.out/App.template.yaml': cdk, 'cdk.out/AppNetworkNestedStackA1B2C3.nested.template.json': JSON.stringify({ Parameters: { Cidr: { Type: 'String' } }, Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'Cidr' } } } } }) });
    expect(r.byId('Vpc:cfn:cdk.out/AppNetworkNestedStackA1B2C3.nested.template.json#Vpc')?.props['cidr']).toBe('10.7.0.0/16');
  });

  it('says which nested templates are not among the inputs, or cannot be told', () => {
    const r = lower({ 'stacks/parent.yaml': parent((f) => `./${f}`, `  Other:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: !Sub '\${AWS::StackName}.yaml'}\n`), 'stacks/vpc.yaml': CHILD_VPC });
    expect(r.sink.items.map((d) => `${d.severity} ${d.code} ${d.line}`)).toEqual(['info cfn/nested-template-missing 8', 'info cfn/nested-template-unknown 15']);
    // Without its child, the cluster's values stay what the parent cannot tell.
    expect(r.byId('AwsResource:cfn:stacks/parent.yaml#Eks')?.props['template']).toBeUndefined();
  });

  it('a template nested twice keeps its defaults and still answers its outputs', () => {
    const twice = `${parent((f) => `./${f}`)}  Network2:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./vpc.yaml, Parameters: {Cidr: 10.1.0.0/16}}
`;
    const r = lower({ 'stacks/parent.yaml': twice, 'stacks/vpc.yaml': CHILD_VPC, 'stacks/cluster.yaml': CHILD_CLUSTER });
    expect(r.byId('Vpc:cfn:stacks/vpc.yaml#Vpc')?.props['cidr']).toBe('10.9.0.0/16');
    expect(r.byId(CLUSTER)?.props['subnets']).toEqual(SUBNETS);
    expect(r.sink.items.map((d) => d.code)).toEqual(['cfn/nested-template-shared', 'cfn/nested-template-shared']);
  });

  it('never binds a NoEcho parameter, and warns about parameters the child does not declare', () => {
    const child = `
Parameters:
  Password: {Type: String, NoEcho: true}
Resources:
  Db: {Type: AWS::RDS::DBInstance, Properties: {MasterUserPassword: !Ref Password, DBInstanceClass: db.t3.micro}}
`;
    const top = `
Resources:
  Data:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: db.yaml, Parameters: {Password: hunter2-secret, Typo: x}}
`;
    const { sink, stack } = world({ 'top.yaml': top, 'db.yaml': child });
    expect(toPropValue(stack('db.yaml').parameter('Password'))).toEqual({ unresolved: 'Param(Password)' });
    expect(sink.items.map((d) => `${d.code} ${d.line}`)).toEqual(['cfn/nested-parameter-unknown 5']);
    const r = lower({ 'top.yaml': top, 'db.yaml': child });
    expect(JSON.stringify([r.entities, r.relations, r.sink.items])).not.toContain('hunter2');
  });

  it('a parameter fed by its own stack’s output, or a template nesting itself, ends (no hang)', () => {
    const loop = `
Parameters:
  Name: {Type: String, Default: d}
Resources:
  Self:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./loop.yaml, Parameters: {Name: !GetAtt Self.Outputs.Out}}
  Child:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./echo.yaml, Parameters: {In: !GetAtt Child.Outputs.Out}}
Outputs:
  Out: {Value: !Ref Name}
`;
    const echo = 'Parameters:\n  In: {Type: String}\nResources:\n  Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: !Ref In}}\nOutputs:\n  Out: {Value: !Ref In}\n';
    const { stack } = world({ 'loop.yaml': loop, 'echo.yaml': echo });
    expect(toPropValue(stack('loop.yaml').parameter('Name'))).toBe('d');
    expect(toPropValue(stack('echo.yaml').parameter('In'))).toEqual({ unresolved: 'Param(In)' });
  });

  it('links a real nested project (fincd-aws/eks-reference-cfn) once its files have their names', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'archmap-nested-')), 'cloudformation');
    mkdirSync(dir);
    const corpus = join(import.meta.dirname, '../../../../shared/corpus/cfn-yaml');
    for (const name of ['parent', 'vpc', 'ekscluster', 'nodegroup1']) copyFileSync(join(corpus, `fincd-aws+eks-reference-cfn__cloudformation_${name}.yaml`), join(dir, `${name}.yaml`));
    const model = await importArchitecture([dir], { cwd: join(dir, '..') });
    const byKind = (kind: string) => model.entities.filter((e) => e.kind === kind);
    const [cluster] = byKind('Cluster');
    const [group] = byKind('NodeGroup');
    expect(cluster?.props['version']).toBe('1.10');
    expect(cluster?.props['subnets']).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Subnet:cfn:cloudformation/vpc.yaml#Subnet0${i}`));
    expect(group?.props['subnets']).toEqual([1, 2, 3].map((i) => `Subnet:cfn:cloudformation/vpc.yaml#Subnet0${i}`));
    expect(group?.props['cluster']).toBe(cluster?.id);
    expect(model.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: group?.id, to: cluster?.id }));
    expect(model.inputs.every((i) => i.status === 'ok')).toBe(true);
    // The three children that are not in the project are named, at their resources' lines.
    const parentText = readFileSync(join(dir, 'parent.yaml'), 'utf8').split('\n');
    const missing = model.diagnostics.filter((d) => d.code === 'cfn/nested-template-missing');
    expect(missing.map((d) => parentText[(d.line ?? 0) - 1]?.trim())).toEqual(['NodeInstanceProfileStack:', 'NodeSecurityGroupStack:', 'NodeASGStack2:']);
  });
});
