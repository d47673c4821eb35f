/**
 * Identity and data audit checks (DOMAIN.md D: IAM-03, IAM-05, IAM-06, IAM-07, IAM-08, IAM-09, IAM-10, IAM-11, IAM-12, DAT-04,
 * DAT-05, DAT-06), each run alone over a model built by the real pipeline from small files, so the
 * link passes' relations and props (J23, J38–J42, J45) are there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/audit/engine.js';
import type { AuditRule } from '../../../src/audit/rule.js';
import clusterCreatorAdmin from '../../../src/audit/rules/cluster-creator-admin.js';
import configMapAuthMode from '../../../src/audit/rules/config-map-auth-mode.js';
import danglingReference from '../../../src/audit/rules/dangling-reference.js';
import defaultServiceAccount from '../../../src/audit/rules/default-service-account.js';
import ebsStorageClassUnencrypted from '../../../src/audit/rules/ebs-storage-class-unencrypted.js';
import irsaRoleUnused from '../../../src/audit/rules/irsa-role-unused.js';
import irsaTrustUnscoped from '../../../src/audit/rules/irsa-trust-unscoped.js';
import irsaWithoutOidc from '../../../src/audit/rules/irsa-without-oidc.js';
import nodeVolumeUnencrypted from '../../../src/audit/rules/node-volume-unencrypted.js';
import podIdentityAgent from '../../../src/audit/rules/pod-identity-agent.js';
import podImdsReachable from '../../../src/audit/rules/pod-imds-reachable.js';
import sharedIamRole from '../../../src/audit/rules/shared-iam-role.js';
import systemMasters from '../../../src/audit/rules/system-masters.js';
import type { Finding } from '../../../src/model/architecture.js';
import { ModelGraph } from '../../../src/model/graph.js';
import { importArchitecture } from '../../../src/pipeline.js';

/** Imports the files (name → text) through the pipeline and runs one rule over the linked model. */
async function findings(rule: AuditRule, files: Record<string, string>): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'archmap-audit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const model = await importArchitecture(['.'], { cwd: dir });
  const graph = new ModelGraph();
  for (const e of model.entities) graph.addEntity(e);
  for (const r of model.relations) graph.addRelation(r);
  return runAudit(graph, [rule]);
}

async function messages(rule: AuditRule, files: Record<string, string>): Promise<string[]> {
  return (await findings(rule, files)).map((f) => f.message);
}

const eksctl = (body: string, name = 'c1'): string => `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${name}
  region: eu-west-1
${body}`;

const sa = (ns: string, name: string, role?: string): string => `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${ns}
${role ? `  annotations:\n    eks.amazonaws.com/role-arn: ${role}\n` : ''}`;

const cfnCluster = (extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Mode: {Type: String}
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks-service
      ResourcesVpcConfig: {SubnetIds: [subnet-1, subnet-2]}
${extra}`;

describe('metadata', () => {
  it.each([
    [irsaTrustUnscoped, 'iam/irsa-trust-unscoped', 'IAM-03', 'warning'],
    [irsaRoleUnused, 'iam/irsa-role-unused', 'IAM-05', 'info'],
    [irsaWithoutOidc, 'iam/irsa-without-oidc', 'IAM-06', 'warning'],
    [sharedIamRole, 'iam/shared-role', 'IAM-07', 'info'],
    [podIdentityAgent, 'eks/pod-identity-without-agent', 'IAM-08', 'warning'],
    [systemMasters, 'iam/system-masters', 'IAM-09', 'warning'],
    [clusterCreatorAdmin, 'eks/cluster-creator-admin', 'IAM-10', 'info'],
    [configMapAuthMode, 'iam/config-map-auth-mode', 'IAM-11', 'info'],
    [defaultServiceAccount, 'k8s/default-service-account', 'IAM-12', 'info'],
    [ebsStorageClassUnencrypted, 'k8s/ebs-storage-class-unencrypted', 'DAT-04', 'warning'],
    [nodeVolumeUnencrypted, 'eks/node-volume-unencrypted', 'DAT-05', 'info'],
    [podImdsReachable, 'eks/pod-imds-reachable', 'IAM-02', 'warning'],
    [danglingReference, 'k8s/dangling-reference', 'DAT-06', 'warning'],
  ] as const)('%#: %s', (rule, id, check, severity) => {
    expect(rule).toMatchObject({ id, check, severity });
    expect(rule.description).toMatch(/^[A-Z].*\.$/);
  });
});

describe('IAM-02 eks/pod-imds-reachable', () => {
  it('reports eksctl groups whose pods reach IMDS (hop limit 2 by default, or IMDSv1 on)', async () => {
    const body = `managedNodeGroups:
  - name: default
  - name: blocked
    disablePodIMDS: true
  - name: v1
    disablePodIMDS: true
    disableIMDSv1: false
  - name: templated
    launchTemplate: { id: lt-1 }
nodeGroups:
  - name: legacy
    disablePodIMDS: false
`;
    expect((await messages(podImdsReachable, { 'cluster.yaml': eksctl(body) })).sort()).toEqual([
      "NodeGroup c1/default: disablePodIMDS is unset (eksctl default false): the metadata hop limit is 2, so pods can reach the node role's credentials",
      "NodeGroup c1/legacy: disablePodIMDS is false: the metadata hop limit is 2, so pods can reach the node role's credentials",
      "NodeGroup c1/v1: disableIMDSv1 is false: IMDSv1 answers without a token, so pods can reach the node role's credentials",
    ]);
  });

  it("reports EC2NodeClasses that raise the hop limit or make tokens optional, not Karpenter's defaults", async () => {
    const nodeClass = (name: string, metadata: string): string =>
      `---\napiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata: { name: ${name} }\nspec:\n  role: KarpenterNodeRole-c1\n  amiSelectorTerms: [{ alias: al2023@latest }]\n${metadata}`;
    const files = {
      'classes.yaml': [
        nodeClass('open', '  metadataOptions: { httpPutResponseHopLimit: 2, httpTokens: optional }\n'),
        nodeClass('default', ''),
        nodeClass('strict', '  metadataOptions: { httpPutResponseHopLimit: 1, httpTokens: required }\n'),
      ].join(''),
    };
    expect(await messages(podImdsReachable, files)).toEqual([
      "EC2NodeClass open: metadataOptions.httpPutResponseHopLimit is 2 and metadataOptions.httpTokens is optional, so pods can reach the node role's credentials",
    ]);
  });
});

describe('IAM-03 iam/irsa-trust-unscoped', () => {
  // Roles open (no :sub, no :aud), wildcarded, scoped, and trusting GitHub Actions' OIDC provider (not an EKS one).
  const roles = `Parameters:
  Oidc: {Type: String}
Resources:
  Open:
    Type: AWS::IAM::Role
    Properties:
      RoleName: open-role
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC}
            Action: sts:AssumeRoleWithWebIdentity
  Wild:
    Type: AWS::IAM::Role
    Properties:
      RoleName: wild-role
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: !Ref Oidc}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringLike: {'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:jobs:*', 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': sts.amazonaws.com}
  Good:
    Type: AWS::IAM::Role
    Properties:
      RoleName: good-role
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals: {'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:jobs:worker', 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': sts.amazonaws.com}
  Github:
    Type: AWS::IAM::Role
    Properties:
      RoleName: gha-role
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com}
            Action: sts:AssumeRoleWithWebIdentity
`;

  it('reports CloudFormation OIDC trusts without :sub or :aud and with wildcard subjects, not a scoped or GitHub one', async () => {
    const f = await findings(irsaTrustUnscoped, { 'iam.yaml': roles });
    expect(f.map((x) => [x.line, x.message])).toEqual([
      [4, 'IAM role open-role: an OIDC trust statement has no :sub condition, so any service account the provider vouches for can assume it; its OIDC trust has no :aud condition (sts.amazonaws.com)'],
      [13, 'IAM role wild-role: its :sub pattern system:serviceaccount:jobs:* matches more than one service account'],
    ]);
  });

  it("reports an eksctl subjectPattern with a wildcard, not eksctl's exact subjects", async () => {
    const body = 'iam:\n  withOIDC: true\n  serviceAccounts:\n    - metadata: {name: app, namespace: web}\n      subjectPattern: "app-*"\n      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n    - metadata: {name: api, namespace: web}\n      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n';
    expect(await messages(irsaTrustUnscoped, { 'cluster.yaml': eksctl(body) })).toEqual([
      'IAM role irsa web/app: its :sub pattern system:serviceaccount:web:app-* matches more than one service account',
    ]);
  });
});

describe('IAM-05 iam/irsa-role-unused', () => {
  const irsa = (extra = ''): string => eksctl(`iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {name: api, namespace: shop}
      roleName: api-role
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
${extra}`);
  const arn = (name: string): string => `arn:aws:iam::111122223333:role/${name}`;

  it('reports a role whose ServiceAccount a dump of its namespace does not show', async () => {
    expect(await findings(irsaRoleUnused, { 'cluster.yaml': irsa(), 'sa.yaml': sa('shop', 'default') })).toMatchObject([{
      message: "IAM role api-role is for ServiceAccount shop/api, which the Kubernetes inputs do not show (they show namespace shop's service accounts)",
      entity: 'IamRole:api-role', file: 'cluster.yaml', severity: 'info',
    }]);
  });

  it('reports the ServiceAccount shown without the annotation, or with another role', async () => {
    expect(await messages(irsaRoleUnused, { 'cluster.yaml': irsa(), 'sa.yaml': sa('shop', 'api') })).toEqual([
      'IAM role api-role is for ServiceAccount shop/api, which carries no eks.amazonaws.com/role-arn annotation',
    ]);
    const cfn = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: worker-role
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC}
            Action: sts:AssumeRoleWithWebIdentity
            Condition: {StringEquals: {'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:jobs:worker'}}
  Other:
    Type: AWS::IAM::Role
    Properties:
      RoleName: other-role
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
`;
    expect(await messages(irsaRoleUnused, { 'iam.yaml': cfn, 'sa.yaml': sa('jobs', 'worker', arn('other-role')) })).toEqual([
      'IAM role worker-role is for ServiceAccount jobs/worker, which is annotated with another role (other-role)',
    ]);
  });

  it.each([
    ['the annotated ServiceAccount', { 'cluster.yaml': irsa(), 'sa.yaml': sa('shop', 'api', arn('api-role')) }],
    ['a namespace no Kubernetes input shows', { 'cluster.yaml': irsa(), 'sa.yaml': sa('other', 'default') }],
    ['no Kubernetes input at all', { 'cluster.yaml': irsa() }],
  ])('passes %s', async (_name, files) => {
    expect(await messages(irsaRoleUnused, files)).toEqual([]);
  });
});

describe('IAM-06 iam/irsa-without-oidc', () => {
  const irsa = `iam:
  serviceAccounts:
    - metadata: {name: s3-reader, namespace: backend}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
`;

  it('flags eksctl IRSA service accounts without withOIDC (default false)', async () => {
    const f = await findings(irsaWithoutOidc, { 'cluster.yaml': eksctl(irsa) });
    expect(f.map((x) => x.message)).toEqual([
      'cluster c1: the ClusterConfig declares IRSA roles for backend/s3-reader, but iam.withOIDC is unset (default false) and no AWS::IAM::OIDCProvider is declared',
    ]);
    expect(f[0]).toMatchObject({ entity: 'Cluster:c1', file: 'cluster.yaml', line: 4 });
  });

  it('flags annotated ServiceAccounts of the only cluster when withOIDC is false', async () => {
    const files = {
      'cluster.yaml': eksctl('iam:\n  withOIDC: false\n'),
      'sa.yaml': sa('shop', 'api', 'arn:aws:iam::111122223333:role/api-role'),
    };
    expect(await messages(irsaWithoutOidc, files)).toEqual([
      'cluster c1: ServiceAccount shop/api assumes an IAM role through IRSA, but iam.withOIDC is false and no AWS::IAM::OIDCProvider is declared',
    ]);
  });

  it('passes with withOIDC: true', async () => {
    expect(await messages(irsaWithoutOidc, { 'cluster.yaml': eksctl(irsa.replace('iam:\n', 'iam:\n  withOIDC: true\n')) })).toEqual([]);
  });

  it('passes when a template declares an OIDC provider', async () => {
    const files = {
      'cluster.yaml': eksctl(irsa),
      'oidc.yaml': `Resources:\n  Provider:\n    Type: AWS::IAM::OIDCProvider\n    Properties:\n      Url: https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\n      ClientIdList: [sts.amazonaws.com]\n`,
    };
    expect(await messages(irsaWithoutOidc, files)).toEqual([]);
  });

  it('does not tie annotated ServiceAccounts to one of several clusters', async () => {
    const files = {
      'a.yaml': eksctl('iam:\n  withOIDC: false\n', 'a'),
      'b.yaml': eksctl('iam:\n  withOIDC: true\n', 'b'),
      'sa.yaml': sa('shop', 'api', 'arn:aws:iam::111122223333:role/api-role'),
    };
    expect(await messages(irsaWithoutOidc, files)).toEqual([]);
  });
});

describe('IAM-07 iam/shared-role', () => {
  const role = 'arn:aws:iam::111122223333:role/app-role';

  it('flags one role assumed by two ServiceAccounts', async () => {
    const f = await findings(sharedIamRole, { 'sa.yaml': sa('shop', 'api', role) + sa('billing', 'worker', role) });
    expect(f.map((x) => x.message)).toEqual(['IAM role app-role is assumed by 2 ServiceAccounts: billing/worker, shop/api']);
    expect(f[0]?.entity).toBe('IamRole:app-role');
  });

  it('counts a ServiceAccount once when IRSA and a pod identity association both tie it to the role', async () => {
    const files = {
      'sa.yaml': sa('shop', 'api', role),
      'pia.yaml': cfnCluster(`  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-role
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: pods.eks.amazonaws.com}, Action: ['sts:AssumeRole', 'sts:TagSession']}]}
  Association:
    Type: AWS::EKS::PodIdentityAssociation
    Properties:
      ClusterName: !Ref Cluster
      Namespace: shop
      ServiceAccount: api
      RoleArn: !GetAtt AppRole.Arn
`),
    };
    expect(await messages(sharedIamRole, files)).toEqual([]);
  });

  it('passes one role per ServiceAccount', async () => {
    expect(await messages(sharedIamRole, { 'sa.yaml': sa('shop', 'api', role) + sa('shop', 'web', 'arn:aws:iam::111122223333:role/web-role') })).toEqual([]);
  });
});

describe('IAM-08 eks/pod-identity-without-agent', () => {
  const pias = `iam:
  podIdentityAssociations:
    - { namespace: jobs, serviceAccountName: worker, roleARN: 'arn:aws:iam::111122223333:role/worker' }
`;
  const agent = 'addons:\n  - name: eks-pod-identity-agent\n';
  const cfnPia = (addon: boolean): string => cfnCluster(`  Worker:
    Type: AWS::EKS::PodIdentityAssociation
    Properties: {ClusterName: !Ref Cluster, Namespace: jobs, ServiceAccount: worker, RoleArn: arn:aws:iam::111122223333:role/worker}
${addon ? '  Agent:\n    Type: AWS::EKS::Addon\n    Properties: {ClusterName: !Ref Cluster, AddonName: eks-pod-identity-agent}\n' : ''}`);

  it('flags an eksctl cluster with associations and no agent addon', async () => {
    expect(await findings(podIdentityAgent, { 'cluster.yaml': eksctl(pias) })).toMatchObject([{
      message: 'cluster c1: pod identity associations for jobs/worker, but no eks-pod-identity-agent addon is declared; without the agent on the nodes those pods get no credentials',
      entity: 'Cluster:c1', file: 'cluster.yaml', line: 4,
    }]);
  });

  it('flags a CloudFormation association of a cluster without the addon', async () => {
    expect(await messages(podIdentityAgent, { 'eks.yaml': cfnPia(false) })).toEqual([
      'cluster prod: pod identity associations for jobs/worker, but no eks-pod-identity-agent addon is declared; without the agent on the nodes those pods get no credentials',
    ]);
  });

  it.each([
    ['the addon in eksctl', { 'cluster.yaml': eksctl(pias + agent) }],
    ['the addon in CloudFormation', { 'eks.yaml': cfnPia(true) }],
    ['Auto Mode', { 'cluster.yaml': eksctl(`${pias}autoModeConfig: {enabled: true}\n`) }],
    ['the agent DaemonSet in a dump', { 'cluster.yaml': eksctl(pias), 'ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: eks-pod-identity-agent, namespace: kube-system}\nspec: {selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: a, image: a:1}]}}}\n' }],
    // The same service account is IRSA in one cluster and pod identity in another (which has the agent).
    ['an IRSA account another cluster associates', { 'a.yaml': eksctl('iam:\n  withOIDC: true\n  serviceAccounts:\n    - metadata: {name: worker, namespace: jobs}\n      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n', 'a'), 'b.yaml': eksctl(pias + agent, 'b') }],
  ])('passes %s', async (_name, files) => {
    expect(await messages(podIdentityAgent, files)).toEqual([]);
  });

  it('flags a workload on Fargate whose ServiceAccount has an association', async () => {
    const fargate = 'fargateProfiles:\n  - name: batch\n    selectors: [{namespace: jobs}]\n';
    const deploy = (name: string, account: string): string => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: jobs}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {serviceAccountName: ${account}, containers: [{name: a, image: 'a:1'}]}
`;
    const files = { 'cluster.yaml': eksctl(pias + agent + fargate), 'app.yaml': deploy('crunch', 'worker') + deploy('other', 'plain') };
    expect(await messages(podIdentityAgent, files)).toEqual([
      'Deployment jobs/crunch is selected by Fargate profile batch, but its ServiceAccount jobs/worker gets its IAM role through a pod identity association, which Fargate pods cannot use',
    ]);
  });
});

describe('IAM-09 iam/system-masters', () => {
  const awsAuth = (groups: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/nodes
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::111122223333:role/ops
      username: ops
      groups: [${groups}]
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/alice
      username: alice
      groups: [${groups}]
`;

  it('flags aws-auth entries mapped to system:masters', async () => {
    const f = await findings(systemMasters, { 'aws-auth.yaml': awsAuth('system:masters') });
    expect(f.map((x) => x.message)).toEqual([
      'ConfigMap kube-system/aws-auth maps role arn:aws:iam::111122223333:role/ops to system:masters',
      'ConfigMap kube-system/aws-auth maps user arn:aws:iam::111122223333:user/alice to system:masters',
    ]);
    expect(f[0]).toMatchObject({ entity: 'ConfigMap:kube-system/aws-auth', file: 'aws-auth.yaml', line: 1 });
  });

  it('flags eksctl iamIdentityMappings to system:masters', async () => {
    const cluster = eksctl(`iamIdentityMappings:
  - arn: arn:aws:iam::111122223333:role/admin
    groups: [system:masters]
    username: admin
  - arn: arn:aws:iam::111122223333:role/viewer
    groups: [view]
    username: viewer
`);
    expect(await messages(systemMasters, { 'cluster.yaml': cluster })).toEqual([
      'cluster c1: iamIdentityMappings maps role arn:aws:iam::111122223333:role/admin to system:masters',
    ]);
  });

  it('passes mappings to other groups', async () => {
    expect(await messages(systemMasters, { 'aws-auth.yaml': awsAuth('ops-team') })).toEqual([]);
  });
});

describe('IAM-10 eks/cluster-creator-admin', () => {
  it('reports a CloudFormation cluster without AccessConfig (API default true)', async () => {
    expect(await findings(clusterCreatorAdmin, { 'eks.yaml': cfnCluster() })).toMatchObject([{
      message: 'cluster prod: the IAM principal that creates it keeps cluster-admin; bootstrapClusterCreatorAdminPermissions is not set: the API default is true',
      entity: 'Cluster:prod', file: 'eks.yaml', line: 5, severity: 'info',
    }]);
  });

  it('reports a declared true in eksctl and an unset one', async () => {
    expect(await messages(clusterCreatorAdmin, { 'cluster.yaml': eksctl('accessConfig:\n  bootstrapClusterCreatorAdminPermissions: true\n') })).toEqual([
      'cluster c1: the IAM principal that creates it keeps cluster-admin; bootstrapClusterCreatorAdminPermissions is true',
    ]);
    expect(await messages(clusterCreatorAdmin, { 'cluster.yaml': eksctl('') })).toHaveLength(1);
  });

  it.each([
    ['false in CloudFormation', cfnCluster().replace('      ResourcesVpcConfig', '      AccessConfig: {BootstrapClusterCreatorAdminPermissions: false}\n      ResourcesVpcConfig')],
    ['an unresolved value', cfnCluster().replace('      ResourcesVpcConfig', '      AccessConfig: {BootstrapClusterCreatorAdminPermissions: !Ref Mode}\n      ResourcesVpcConfig')],
    ['false in eksctl', eksctl('accessConfig:\n  bootstrapClusterCreatorAdminPermissions: false\n')],
    ['a cluster known only from node labels', 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {alpha.eksctl.io/cluster-name: c1}\n'],
  ])('passes %s', async (_name, text) => {
    expect(await messages(clusterCreatorAdmin, { 'in.yaml': text })).toEqual([]);
  });
});

describe('IAM-11 iam/config-map-auth-mode', () => {
  it('flags a CloudFormation cluster without AccessConfig (API default CONFIG_MAP)', async () => {
    const f = await findings(configMapAuthMode, { 'eks.yaml': cfnCluster() });
    expect(f.map((x) => x.message)).toEqual(['cluster prod: authentication mode is CONFIG_MAP (the default: no mode is set); access entries cannot be used']);
    expect(f[0]).toMatchObject({ entity: 'Cluster:prod', file: 'eks.yaml', line: 5 });
  });

  it('flags a declared CONFIG_MAP', async () => {
    expect(await messages(configMapAuthMode, { 'cluster.yaml': eksctl('accessConfig:\n  authenticationMode: CONFIG_MAP\n') })).toEqual([
      'cluster c1: authentication mode is CONFIG_MAP; access entries cannot be used',
    ]);
  });

  it.each([
    ['API_AND_CONFIG_MAP in CloudFormation', cfnCluster().replace('      ResourcesVpcConfig', '      AccessConfig: {AuthenticationMode: API_AND_CONFIG_MAP}\n      ResourcesVpcConfig')],
    ['an unresolved mode', cfnCluster().replace('      ResourcesVpcConfig', '      AccessConfig: {AuthenticationMode: !Ref Mode}\n      ResourcesVpcConfig')],
    ["eksctl's default API_AND_CONFIG_MAP", eksctl('')],
  ])('passes %s', async (_name, text) => {
    expect(await messages(configMapAuthMode, { 'in.yaml': text })).toEqual([]);
  });
});

describe('IAM-12 k8s/default-service-account', () => {
  const deployment = (ns: string, name: string, spec = ''): string => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${spec}      containers: [{name: app, image: 'app:1'}]
`;

  it('flags workloads outside kube-system on the default ServiceAccount', async () => {
    const files = { 'apps.yaml': deployment('shop', 'web') + deployment('shop', 'api', '      serviceAccountName: default\n') };
    expect(await messages(defaultServiceAccount, files)).toEqual([
      'Deployment shop/web runs as the default ServiceAccount (serviceAccountName unset)',
      'Deployment shop/api runs as the default ServiceAccount (serviceAccountName: default)',
    ]);
  });

  it('reports an observed pod through its workload only', async () => {
    const dump = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop, uid: d1}
  spec:
    selector: {matchLabels: {app: web}}
    template: {metadata: {labels: {app: web}}, spec: {containers: [{name: app, image: 'app:1'}]}}
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: web-5d8f
    namespace: shop
    uid: r1
    ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
  spec:
    selector: {matchLabels: {app: web}}
    template: {metadata: {labels: {app: web}}, spec: {containers: [{name: app, image: 'app:1'}]}}
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-5d8f-abcde
    namespace: shop
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: r1, controller: true}]
  spec: {serviceAccountName: default, containers: [{name: app, image: 'app:1'}]}
  status: {phase: Running}
`;
    const f = await findings(defaultServiceAccount, { 'dump.yaml': dump });
    expect(f.map((x) => [x.entity, x.message])).toEqual([['Deployment:shop/web', 'Deployment shop/web runs as the default ServiceAccount (serviceAccountName unset)']]);
  });

  it('passes a dedicated ServiceAccount and kube-system workloads', async () => {
    const files = { 'apps.yaml': deployment('shop', 'web', '      serviceAccountName: web\n') + deployment('kube-system', 'coredns') };
    expect(await messages(defaultServiceAccount, files)).toEqual([]);
  });
});

describe('DAT-04 k8s/ebs-storage-class-unencrypted', () => {
  const sc = (name: string, provisioner: string, params = ''): string => `---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: ${name}}
provisioner: ${provisioner}
${params ? `parameters:\n${params}` : ''}`;

  it('flags EBS StorageClasses without encrypted: "true"', async () => {
    const files = { 'sc.yaml': sc('gp3', 'ebs.csi.aws.com', '  type: gp3\n') + sc('gp2', 'kubernetes.io/aws-ebs', '  type: gp2\n  encrypted: "false"\n') };
    const f = await findings(ebsStorageClassUnencrypted, files);
    expect(f.map((x) => x.message)).toEqual([
      'StorageClass gp3 (ebs.csi.aws.com): EBS volumes are not encrypted (parameters.encrypted is unset)',
      'StorageClass gp2 (kubernetes.io/aws-ebs): EBS volumes are not encrypted (parameters.encrypted is "false")',
    ]);
    expect(f[0]).toMatchObject({ entity: 'StorageClass:gp3', file: 'sc.yaml', line: 2 });
  });

  it('passes encrypted EBS classes and other provisioners', async () => {
    const files = { 'sc.yaml': sc('gp3', 'ebs.csi.aws.com', '  type: gp3\n  encrypted: "true"\n') + sc('efs', 'efs.csi.aws.com') };
    expect(await messages(ebsStorageClassUnencrypted, files)).toEqual([]);
  });
});

describe('DAT-05 eks/node-volume-unencrypted', () => {
  it('flags eksctl node groups without volumeEncrypted: true', async () => {
    const cluster = eksctl(`managedNodeGroups:
  - name: general
nodeGroups:
  - name: legacy
    volumeEncrypted: false
`);
    const f = await findings(nodeVolumeUnencrypted, { 'cluster.yaml': cluster });
    expect(f.map((x) => x.message)).toEqual([
      'node group general (cluster c1): volumeEncrypted is unset, so eksctl does not encrypt its root volumes',
      'node group legacy (cluster c1): volumeEncrypted is false, so eksctl does not encrypt its root volumes',
    ]);
    expect(f[0]).toMatchObject({ entity: 'NodeGroup:c1/general', file: 'cluster.yaml' });
  });

  it('passes encrypted eksctl node groups and does not judge CloudFormation node groups', async () => {
    const files = {
      'cluster.yaml': eksctl('managedNodeGroups:\n  - name: general\n    volumeEncrypted: true\n'),
      'eks.yaml': cfnCluster(`  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-1]
`),
    };
    expect(await messages(nodeVolumeUnencrypted, files)).toEqual([]);
  });

  it('does not judge a managed group with its own launch template (the volumes are in the template)', async () => {
    const cluster = eksctl('managedNodeGroups:\n  - name: templated\n    launchTemplate:\n      id: lt-1234\n      version: "3"\n');
    expect(await messages(nodeVolumeUnencrypted, { 'cluster.yaml': cluster })).toEqual([]);
  });
});

describe('DAT-06 k8s/dangling-reference', () => {
  const pod = (spec: string, status = ''): string => `---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
    - name: app
      image: app:1
${spec}${status}`;

  it('flags missing non-optional ConfigMap, Secret and PVC references', async () => {
    const spec = `      envFrom: [{configMapRef: {name: settings}}]
      env:
        - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
  volumes:
    - {name: data, persistentVolumeClaim: {claimName: data}}
`;
    const f = await findings(danglingReference, { 'pod.yaml': pod(spec) });
    expect(f.map((x) => x.message)).toEqual(['Pod shop/p references ConfigMap/settings, PersistentVolumeClaim/data, Secret/db, which no input defines']);
    expect(f[0]).toMatchObject({ entity: 'Pod:shop/p', file: 'pod.yaml', line: 2 });
  });

  it('passes defined, optional and always-present references, running pods and claim templates', async () => {
    const defined = `---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {a: b}
`;
    const optional = `      envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: extra, optional: true}}]
  volumes:
    - {name: ca, configMap: {name: kube-root-ca.crt}}
`;
    const sts = `---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      serviceAccountName: db
      containers: [{name: db, image: 'db:1', volumeMounts: [{name: data, mountPath: /data}]}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    const running = pod('      envFrom: [{configMapRef: {name: observed}}]\n', 'status: {phase: Running}\n').replace('name: p,', 'name: q,');
    expect(await messages(danglingReference, { 'a.yaml': defined + pod(optional), 'b.yaml': sts, 'c.yaml': running })).toEqual([]);
  });
});
