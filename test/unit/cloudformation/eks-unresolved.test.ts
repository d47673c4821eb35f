/**
 * EKS cluster and managed node group settings that are written but not known statically (DOMAIN.md
 * B.9 step 7, B.10): they stay placeholders, are never replaced by the EKS default nor marked
 * defaulted, and the audit rules that read them report nothing (indeterminate). Settings that are
 * left out still take the default. `cluster` holds the cluster's entity id.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/audit/engine.js';
import { makeEntity, type Fragment } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';
import { nodeGroupsPass } from '../../../src/passes/link/cross/node-groups.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.js';
import { lower } from './helpers.js';

const PARAMS = `
Parameters:
  PublicApi: {Type: String}
  PrivateApi: {Type: String}
  AuthMode: {Type: String}
  Kms: {Type: String}
  LogsOn: {Type: String}
  Env: {Type: String}
  Cidr: {Type: String}
  Family: {Type: String}
  Capacity: {Type: String}
  ClusterName: {Type: String}
Conditions:
  UseKms: !Equals [!Ref Kms, 'yes']
  Logs: !Equals [!Ref LogsOn, 'yes']
`;

/** A template: the parameters and conditions above, and `resources` under `Resources:`. */
const template = (resources: string): string => `${PARAMS}Resources:\n${resources}`;

const cluster = (props: string): string => template(`
  C:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks
${props}`);

const nodeGroup = (props: string): string => template(`
  Ng:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodegroupName: general
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-1]
${props}`);

function lowerOne(text: string, id: string, params: Record<string, string> = {}) {
  const f = lower({ 't.yaml': text }, params);
  const e = f.byId(id);
  if (!e) throw new Error(`no entity ${id}: ${f.entities.map((x) => x.id).join(', ')}`);
  return { e, f };
}

/** Findings of the cluster rules over a fragment. */
function findings(f: Fragment): string[] {
  const g = new ModelGraph();
  g.addFragment(f);
  return runAudit(g).map((x) => `${x.rule} ${x.entity}`);
}

const BASE = { logicalId: 'C', cfnType: 'AWS::EKS::Cluster', roleArn: 'arn:aws:iam::111122223333:role/eks' };

describe('EKS cluster settings that are not known', () => {
  it('parameters without default, undecided Ifs: placeholders, not defaults; no definite finding', () => {
    const { e, f } = lowerOne(cluster(`
      ResourcesVpcConfig:
        SubnetIds: [subnet-1]
        EndpointPublicAccess: !Ref PublicApi
        EndpointPrivateAccess: !Ref PrivateApi
      AccessConfig: {AuthenticationMode: !Ref AuthMode, BootstrapClusterCreatorAdminPermissions: !Ref PrivateApi}
      EncryptionConfig: !If [UseKms, [{Provider: {KeyArn: arn:aws:kms:eu-west-1:1:key/k}, Resources: [secrets]}], !Ref AWS::NoValue]
      Logging: {ClusterLogging: {EnabledTypes: !If [Logs, [{Type: audit}], !Ref AWS::NoValue]}}
      KubernetesNetworkConfig: {IpFamily: !Ref Family, ServiceIpv4Cidr: !Ref Cidr}
      ComputeConfig: {Enabled: !Ref PublicApi}
      UpgradePolicy: {SupportType: !Ref Capacity}
      Tags: [{Key: alpha.eksctl.io/cluster-name, Value: !Sub '\${AWS::StackName}-cluster'}, {Key: team, Value: a}, {Key: !Ref Env, Value: b}]
`), 'Cluster:prod');
    expect(e.props).toEqual({
      ...BASE,
      endpointPublicAccess: { unresolved: 'Param(PublicApi)' },
      endpointPrivateAccess: { unresolved: 'Param(PrivateApi)' },
      publicAccessCidrs: ['0.0.0.0/0'],
      subnets: ['subnet-1'],
      authenticationMode: { unresolved: 'Param(AuthMode)' },
      bootstrapClusterCreatorAdminPermissions: { unresolved: 'Param(PrivateApi)' },
      logging: { unresolved: 'If(Logs, [audit], [])' },
      secretsEncryption: { unresolved: 'If(UseKms, true, false)' },
      secretsEncryptionKeyArn: { unresolved: 'If(UseKms, arn:aws:kms:eu-west-1:1:key/k, AWS::NoValue)' },
      ipFamily: { unresolved: 'Param(Family)' },
      serviceIpv4Cidr: { unresolved: 'Param(Cidr)' },
      autoMode: { unresolved: 'Param(PublicApi)' },
      supportType: { unresolved: 'Param(Capacity)' },
      // A tag value that is not known keeps its placeholder; a tag whose key is not known is left out.
      tags: { 'alpha.eksctl.io/cluster-name': { unresolved: '${AWS::StackName}-cluster' }, team: 'a' },
    });
    // The API default CIDR list applies whenever public access is on; it is the only default here.
    expect(e.defaulted).toEqual(['publicAccessCidrs']);
    expect(findings(f)).toEqual([]);
  });

  it('the same settings left out take the EKS defaults, marked, and the audit judges them', () => {
    const { e, f } = lowerOne(cluster('      ResourcesVpcConfig: {SubnetIds: [subnet-1]}\n'), 'Cluster:prod');
    expect(e.props).toEqual({
      ...BASE, endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'], subnets: ['subnet-1'],
      authenticationMode: 'CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true, logging: [], secretsEncryption: false, ipFamily: 'ipv4',
    });
    expect(e.defaulted).toEqual([
      'authenticationMode', 'bootstrapClusterCreatorAdminPermissions', 'endpointPrivateAccess', 'endpointPublicAccess', 'ipFamily', 'logging', 'publicAccessCidrs', 'secretsEncryption',
    ]);
    expect(findings(f)).toEqual([
      'eks/audit-logging Cluster:prod', 'eks/cluster-creator-admin Cluster:prod', 'eks/public-endpoint-open Cluster:prod', 'eks/secrets-encryption Cluster:prod', 'iam/config-map-auth-mode Cluster:prod',
    ]);
  });

  it('parameter values given with --param are declared values, not defaults', () => {
    const params = { PublicApi: 'false', PrivateApi: 'true', AuthMode: 'API', Kms: 'yes', LogsOn: 'yes' };
    const { e, f } = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1], EndpointPublicAccess: !Ref PublicApi, EndpointPrivateAccess: !Ref PrivateApi}
      AccessConfig: {AuthenticationMode: !Ref AuthMode, BootstrapClusterCreatorAdminPermissions: !Ref PublicApi}
      EncryptionConfig: !If [UseKms, [{Provider: {KeyArn: arn:aws:kms:eu-west-1:1:key/k}, Resources: [secrets]}], !Ref AWS::NoValue]
      Logging: {ClusterLogging: {EnabledTypes: !If [Logs, [{Type: audit}], !Ref AWS::NoValue]}}
`), 'Cluster:prod', params);
    expect(e.props).toMatchObject({
      endpointPublicAccess: false, endpointPrivateAccess: true, authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false, logging: ['audit'],
      secretsEncryption: true, secretsEncryptionKeyArn: 'arn:aws:kms:eu-west-1:1:key/k',
    });
    expect(e.props['publicAccessCidrs']).toBeUndefined();
    expect(e.defaulted).toEqual(['ipFamily']);
    expect(findings(f)).toEqual([]);
  });

  it('an If with an AWS::NoValue branch, around the flag or around the whole map, stays undecided', () => {
    const flag = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1], EndpointPublicAccess: !If [UseKms, false, !Ref AWS::NoValue]}
`), 'Cluster:prod');
    expect(flag.e.props['endpointPublicAccess']).toEqual({ unresolved: 'If(UseKms, false, AWS::NoValue)' });
    expect(flag.e.defaulted).not.toContain('endpointPublicAccess');
    expect(findings(flag.f)).not.toContain('eks/public-endpoint-open Cluster:prod');

    const whole = lowerOne(cluster(`
      ResourcesVpcConfig: !If [UseKms, {SubnetIds: [subnet-1], EndpointPublicAccess: false}, {SubnetIds: [subnet-1]}]
`), 'Cluster:prod');
    // Both branches name the same subnets: known. Only one sets the flag: undecided, not the default.
    expect(whole.e.props).toMatchObject({ endpointPublicAccess: { unresolved: 'If(UseKms, false, AWS::NoValue)' }, endpointPrivateAccess: false, subnets: ['subnet-1'] });
    expect(whole.e.defaulted).toEqual(['authenticationMode', 'bootstrapClusterCreatorAdminPermissions', 'endpointPrivateAccess', 'ipFamily', 'logging', 'publicAccessCidrs', 'secretsEncryption']);

    // The same reference in both branches is the same value: the subnet entity stays known.
    const refs = lowerOne(cluster(`
      ResourcesVpcConfig: !If [UseKms, {SubnetIds: [!Ref S1], EndpointPrivateAccess: true}, {SubnetIds: [!Ref S1], EndpointPrivateAccess: !Ref PrivateApi}]
  S1: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24}}
`), 'Cluster:prod');
    expect(refs.e.props).toMatchObject({ subnets: ['Subnet:cfn:t.yaml#S1'], endpointPrivateAccess: { unresolved: 'If(UseKms, true, Param(PrivateApi))' } });
  });

  it('public access CIDRs: unknown entries are kept; a known 0.0.0.0/0 is still a finding', () => {
    const unknownOnly = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1], EndpointPublicAccess: true, PublicAccessCidrs: [!Ref Cidr]}
`), 'Cluster:prod');
    expect(unknownOnly.e.props['publicAccessCidrs']).toEqual([{ unresolved: 'Param(Cidr)' }]);
    expect(unknownOnly.e.defaulted).not.toContain('publicAccessCidrs');
    expect(findings(unknownOnly.f)).not.toContain('eks/public-endpoint-open Cluster:prod');

    const wholeList = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1], EndpointPublicAccess: true, PublicAccessCidrs: !If [UseKms, [10.0.0.0/8], [192.168.0.0/16]]}
`), 'Cluster:prod');
    expect(wholeList.e.props['publicAccessCidrs']).toEqual({ unresolved: 'If(UseKms, [10.0.0.0/8], [192.168.0.0/16])' });
    expect(findings(wholeList.f)).not.toContain('eks/public-endpoint-open Cluster:prod');

    const open = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1], EndpointPublicAccess: true, PublicAccessCidrs: [0.0.0.0/0, !Ref Cidr]}
`), 'Cluster:prod');
    expect(open.e.props['publicAccessCidrs']).toEqual(['0.0.0.0/0', { unresolved: 'Param(Cidr)' }]);
    expect(findings(open.f)).toContain('eks/public-endpoint-open Cluster:prod');
  });

  it('log types: an undecided entry is kept; audit logs are judged only when every type is known', () => {
    const maybe = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1]}
      Logging: {ClusterLogging: {EnabledTypes: [{Type: api}, !If [Logs, {Type: audit}, !Ref AWS::NoValue], {Type: !Ref Env}]}}
`), 'Cluster:prod');
    expect(maybe.e.props['logging']).toEqual(['api', { unresolved: 'If(Logs, audit, AWS::NoValue)' }, { unresolved: 'Param(Env)' }]);
    expect(maybe.e.defaulted).not.toContain('logging');
    expect(findings(maybe.f)).not.toContain('eks/audit-logging Cluster:prod');

    const known = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1]}
      Logging: {ClusterLogging: {EnabledTypes: [{Type: audit}, {Type: !Ref Env}]}}
`), 'Cluster:prod');
    expect(known.e.props['logging']).toEqual(['audit', { unresolved: 'Param(Env)' }]);
    expect(findings(known.f)).not.toContain('eks/audit-logging Cluster:prod');
  });

  it('an encryption entry that an If may drop is undecided; a declared one is encryption', () => {
    const item = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1]}
      EncryptionConfig: [!If [UseKms, {Provider: {KeyArn: !Ref Cidr}, Resources: [secrets]}, !Ref AWS::NoValue]]
`), 'Cluster:prod');
    expect(item.e.props).toMatchObject({
      secretsEncryption: { unresolved: 'If(UseKms, true, false)' },
      secretsEncryptionKeyArn: { unresolved: 'If(UseKms, Param(Cidr), AWS::NoValue)' },
    });
    expect(item.e.defaulted).not.toContain('secretsEncryption');
    expect(findings(item.f)).not.toContain('eks/secrets-encryption Cluster:prod');

    const declared = lowerOne(cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1]}
      EncryptionConfig: [{Provider: {KeyArn: !Ref Cidr}, Resources: [secrets]}]
`), 'Cluster:prod');
    expect(declared.e.props).toMatchObject({ secretsEncryption: true, secretsEncryptionKeyArn: { unresolved: 'Param(Cidr)' } });
    expect(findings(declared.f)).not.toContain('eks/secrets-encryption Cluster:prod');
  });
});

describe('managed node group settings that are not known', () => {
  const NG_BASE = {
    logicalId: 'Ng', cfnType: 'AWS::EKS::Nodegroup', cluster: 'Cluster:prod', nodeGroupType: 'managed', subnets: ['subnet-1'],
    instanceRoleArn: 'arn:aws:iam::111122223333:role/nodes',
  };

  it('placeholders for instance types, capacity, sizes, labels, taints, SSH and tags', () => {
    const { e } = lowerOne(nodeGroup(`
      InstanceTypes: !If [UseKms, [m5.large], [t3.large]]
      CapacityType: !Ref Capacity
      ScalingConfig: !If [UseKms, {MinSize: 1, MaxSize: 3, DesiredSize: 2}, {MinSize: 1, MaxSize: 5, DesiredSize: 2}]
      Labels: {tier: !Ref Env, team: a}
      Taints: [{Key: dedicated, Value: !Ref Env, Effect: NO_SCHEDULE}, {Key: !Ref Env, Effect: !Ref Capacity}]
      RemoteAccess: !If [UseKms, {Ec2SshKey: k}, !Ref AWS::NoValue]
      Tags: {alpha.eksctl.io/cluster-name: !Sub '\${AWS::StackName}-cluster', team: a}
`), 'NodeGroup:prod/general');
    expect(e.props).toEqual({
      ...NG_BASE,
      instanceTypes: { unresolved: 'If(UseKms, [m5.large], [t3.large])' },
      capacityType: { unresolved: 'Param(Capacity)' },
      minSize: 1,
      maxSize: { unresolved: 'If(UseKms, 3, 5)' },
      desiredCapacity: 2,
      labels: { tier: { unresolved: 'Param(Env)' }, team: 'a' },
      taints: [
        { key: 'dedicated', value: { unresolved: 'Param(Env)' }, effect: 'NoSchedule' },
        { key: { unresolved: 'Param(Env)' }, effect: { unresolved: 'Param(Capacity)' } },
      ],
      sshAllow: { unresolved: 'If(UseKms, true, false)' },
      tags: { 'alpha.eksctl.io/cluster-name': { unresolved: '${AWS::StackName}-cluster' }, team: 'a' },
    });
    expect(e.defaulted).toEqual([]);
  });

  it('left out: the defaults, marked; a whole label map or taint list that is undecided is one placeholder', () => {
    const absent = lowerOne(nodeGroup(''), 'NodeGroup:prod/general');
    expect(absent.e.props).toEqual({ ...NG_BASE, instanceTypes: ['t3.medium'], capacityType: 'ON_DEMAND' });
    expect(absent.e.defaulted).toEqual(['capacityType', 'instanceTypes']);

    const whole = lowerOne(nodeGroup(`
      InstanceTypes: [m5.large, !Ref Family]
      Labels: !If [UseKms, {tier: a}, {tier: b}]
      Taints: !If [UseKms, [{Key: a, Effect: NO_SCHEDULE}], !Ref AWS::NoValue]
`), 'NodeGroup:prod/general');
    expect(whole.e.props).toMatchObject({
      instanceTypes: ['m5.large', { unresolved: 'Param(Family)' }],
      labels: { unresolved: 'If(UseKms, {tier: a}, {tier: b})' },
      taints: { unresolved: 'If(UseKms, [{Key: a, Effect: NO_SCHEDULE}], AWS::NoValue)' },
    });
    expect(whole.e.defaulted).toEqual(['capacityType']);
  });

  it('an unresolved label never matches a node label literally (J12)', () => {
    const { f } = lowerOne(nodeGroup('      Labels: {tier: !Ref Env}\n'), 'NodeGroup:prod/general');
    const g = new ModelGraph();
    g.addFragment(f);
    const source = { file: 'dump.yaml', line: 1, format: 'kubernetes' as const };
    g.addEntity(makeEntity({ id: 'Node:n1', kind: 'Node', name: 'n1', props: { labels: { tier: 'Param(Env)' } }, source }));
    g.addEntity(makeEntity({ id: 'Node:n2', kind: 'Node', name: 'n2', props: { labels: { tier: 'prod' } }, source }));
    nodeGroupsPass.run(g, { sink: f.sink });
    expect(g.relationsTo('NodeGroup:prod/general', 'member-of')).toEqual([]);
  });

  it('nor do the known labels of a group with an unknown one match alone (J12 cannot decide)', () => {
    const { f } = lowerOne(nodeGroup('      Labels: {tier: !Ref Env, team: a}\n'), 'NodeGroup:prod/general');
    const g = new ModelGraph();
    g.addFragment(f);
    const source = { file: 'dump.yaml', line: 1, format: 'kubernetes' as const };
    g.addEntity(makeEntity({ id: 'Node:n1', kind: 'Node', name: 'n1', props: { labels: { team: 'a' } }, source }));
    nodeGroupsPass.run(g, { sink: f.sink });
    expect(g.relationsTo('NodeGroup:prod/general', 'member-of')).toEqual([]);
  });
});

describe('the cluster of EKS resources is the cluster entity id', () => {
  const files = template(`
  Named: {Type: AWS::EKS::Cluster, Properties: {Name: prod, RoleArn: r, ResourcesVpcConfig: {SubnetIds: [s]}}}
  Unnamed: {Type: AWS::EKS::Cluster, Properties: {RoleArn: r, ResourcesVpcConfig: {SubnetIds: [s]}}}
  ByName: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: prod, NodegroupName: a, NodeRole: r, Subnets: [s]}}
  ByRef: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: !Ref Named, NodegroupName: b, NodeRole: r, Subnets: [s]}}
  ByRefUnnamed: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: !Ref Unnamed, NodegroupName: c, NodeRole: r, Subnets: [s]}}
  ByParam: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: !Ref ClusterName, NodegroupName: d, NodeRole: r, Subnets: [s]}}
  Fp: {Type: AWS::EKS::FargateProfile, Properties: {ClusterName: !Ref Named, FargateProfileName: fp, PodExecutionRoleArn: r, Selectors: [{Namespace: x}]}}
  Cni: {Type: AWS::EKS::Addon, Properties: {ClusterName: prod, AddonName: vpc-cni}}
`);
  const f = lower({ 't.yaml': files });
  const cluster = (id: string): unknown => f.byId(id)?.props['cluster'];

  it('a literal name or a Ref to a named cluster: Cluster:<name>, like eksctl', () => {
    expect(cluster('NodeGroup:prod/a')).toBe('Cluster:prod');
    expect(cluster('NodeGroup:prod/b')).toBe('Cluster:prod');
    expect(cluster('FargateProfile:prod/fp')).toBe('Cluster:prod');
    expect(cluster('Addon:prod/vpc-cni')).toBe('Cluster:prod');
  });

  it('a Ref to a cluster without Name: its template-scoped id; an unknown name: the placeholder, no edge', () => {
    expect(cluster('NodeGroup:cfn:t.yaml#ByRefUnnamed')).toBe('Cluster:cfn:t.yaml#Unnamed');
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: 'NodeGroup:cfn:t.yaml#ByRefUnnamed', to: 'Cluster:cfn:t.yaml#Unnamed' }));
    expect(cluster('NodeGroup:cfn:t.yaml#ByParam')).toEqual({ unresolved: 'Param(ClusterName)' });
    expect(f.relations.filter((r) => r.from === 'NodeGroup:cfn:t.yaml#ByParam' && r.type === 'member-of')).toEqual([]);
  });

  it('every cluster prop of a node group names an entity of the model', () => {
    const ids = new Set(f.entities.map((e) => e.id));
    for (const e of f.entities.filter((x) => x.kind === 'NodeGroup' || x.kind === 'FargateProfile' || x.kind === 'Addon')) {
      const c = e.props['cluster'];
      if (typeof c === 'string') expect(ids.has(c), `${e.id} → ${c}`).toBe(true);
    }
  });
});

describe('Markdown of unknown settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archmap-eks-unresolved-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the placeholder, not a default, and no finding', async () => {
    writeFileSync(join(dir, 'eks.yaml'), cluster(`
      ResourcesVpcConfig: {SubnetIds: [subnet-1], EndpointPublicAccess: !Ref PublicApi}
      AccessConfig: {AuthenticationMode: !Ref AuthMode, BootstrapClusterCreatorAdminPermissions: !Ref PrivateApi}
      EncryptionConfig: !If [UseKms, [{Provider: {KeyArn: k}, Resources: [secrets]}], !Ref AWS::NoValue]
      Logging: {ClusterLogging: {EnabledTypes: [{Type: api}, {Type: audit}]}}
`));
    const model = await importArchitecture(['eks.yaml'], { cwd: dir });
    expect(model.findings).toEqual([]);
    const md = renderMarkdown(model);
    expect(md).toContain('| endpoint access | public ⟨Param(PublicApi)⟩; private false (default) |');
    expect(md).toContain('| authentication mode | ⟨Param(AuthMode)⟩ |');
    expect(md).toContain('| cluster creator is cluster-admin | ⟨Param(PrivateApi)⟩ |');
    expect(md).toContain('| secrets encryption | ⟨If(UseKms, true, false)⟩ |');
    expect(md).toContain('public endpoint: ⟨Param#40;PublicApi#41;⟩');
    expect(md).not.toMatch(/public endpoint: yes/);
  });
});

describe('unknown values in tags and Fargate selectors', () => {
  it('a tag whose value is unknown stays a placeholder (a subnet role tag never reads as set)', () => {
    const f = lower({
      't.yaml': template(`
  V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  S:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref V
      CidrBlock: 10.0.0.0/24
      Tags: [{Key: kubernetes.io/role/elb, Value: !Ref Env}, {Key: Name, Value: web}, {Key: !Ref Env, Value: x}]
`),
    });
    expect(f.byId('Subnet:cfn:t.yaml#S')?.props['tags']).toEqual({ 'kubernetes.io/role/elb': { unresolved: 'Param(Env)' }, Name: 'web' });
  });

  it('a Fargate selector with an unknown namespace or label is kept as placeholders and matches no pod', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archmap-fargate-'));
    try {
      writeFileSync(
        join(dir, 't.yaml'),
        template(`
  C:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {SubnetIds: [subnet-1]}
  Fp:
    Type: AWS::EKS::FargateProfile
    Properties:
      ClusterName: prod
      PodExecutionRoleArn: arn:aws:iam::111122223333:role/fargate
      Selectors: [{Namespace: !Ref Env}, {Namespace: shop, Labels: [{Key: app, Value: !Ref Env}]}]
`),
      );
      writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop, labels: {app: web}}\nspec:\n  containers: [{name: c, image: x:1}]\n');
      const model = await importArchitecture([dir]);
      const profile = model.entities.find((e) => e.kind === 'FargateProfile');
      expect(profile?.props['selectors']).toEqual([{ namespace: { unresolved: 'Param(Env)' } }, { namespace: 'shop', labels: { app: { unresolved: 'Param(Env)' } } }]);
      expect(model.relations.filter((r) => r.rule === 'J19')).toEqual([]);
      // No namespace is made up from the placeholder (A.11).
      expect(model.entities.filter((e) => e.kind === 'Namespace').map((e) => e.name)).toEqual(['shop']);
      // Shown as placeholders in the compute diagram (never `[object Object]`).
      expect(renderMarkdown(model)).toContain('selectors: ⟨Param#40;Env#41;⟩, shop #123;app=⟨Param#40;Env#41;⟩#125;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
