/**
 * The identity joins end to end: a small project of a CloudFormation template (roles, a pod identity
 * association, an access entry), an eksctl ClusterConfig (node groups, an addon role, access entries)
 * and a kubectl dump (nodes, aws-auth, annotated service accounts) imported through
 * `importArchitecture`; the identity chain Node → NodeGroup → IamRole, ServiceAccount → IamRole
 * (IRSA, Pod Identity, addon) and the cluster access bindings are asserted.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import { cfnId, eksctlId, iamRoleId } from '../../src/model/ids.js';
import { importArchitecture } from '../../src/pipeline.js';
import { renderMermaid } from '../../src/render/mermaid/render-mermaid.js';

const ACCOUNT = '111122223333';
const ARN = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const NODE_ROLE_NAME = 'eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  CniRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: prod-cni
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Federated: oidc}, Action: sts:AssumeRoleWithWebIdentity}]}
  OpsRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ops-admin
      Path: /teams/
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::${ACCOUNT}:root}, Action: sts:AssumeRole}]}
  ApiRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: pods.eks.amazonaws.com}, Action: [sts:AssumeRole, sts:TagSession]}]}
  ApiIdentity:
    Type: AWS::EKS::PodIdentityAssociation
    Properties: {ClusterName: prod, Namespace: shop, ServiceAccount: api, RoleArn: !GetAtt ApiRole.Arn}
  OpsAccess:
    Type: AWS::EKS::AccessEntry
    Properties: {ClusterName: prod, PrincipalArn: !GetAtt OpsRole.Arn, KubernetesGroups: [ops]}
`;

const CLUSTER_CONFIG = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: eu-west-1}
iam: {withOIDC: true}
accessConfig:
  authenticationMode: API_AND_CONFIG_MAP
  accessEntries:
    - principalARN: ${ARN('viewer')}
      kubernetesGroups: [view]
addons:
  - name: vpc-cni
    serviceAccountRoleARN: ${ARN('prod-cni')}
nodeGroups:
  - name: ng-1
    instanceType: m5.large
`;

const DUMP = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-1-10.eu-west-1.compute.internal
    labels: {alpha.eksctl.io/cluster-name: prod, alpha.eksctl.io/nodegroup-name: ng-1, topology.kubernetes.io/zone: eu-west-1a}
- apiVersion: v1
  kind: Node
  metadata:
    name: ip-10-0-2-20.eu-west-1.compute.internal
    labels: {alpha.eksctl.io/cluster-name: prod, alpha.eksctl.io/nodegroup-name: legacy, topology.kubernetes.io/zone: eu-west-1b}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: aws-auth, namespace: kube-system}
  data:
    mapRoles: |
      - rolearn: ${ARN(NODE_ROLE_NAME)}
        username: system:node:{{EC2PrivateDNSName}}
        groups: [system:bootstrappers, system:nodes]
      - rolearn: ${ARN('eksctl-prod-nodegroup-legacy-NodeInstanceRole-LEG4CY1')}
        username: system:node:{{EC2PrivateDNSName}}
        groups: [system:bootstrappers, system:nodes]
      - rolearn: ${ARN('ops-admin')}
        username: ops
        groups: [system:masters]
- apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: aws-node
    namespace: kube-system
    annotations: {eks.amazonaws.com/role-arn: ${ARN('prod-cni')}}
- apiVersion: v1
  kind: ServiceAccount
  metadata: {name: api, namespace: shop}
`;

describe('identity joins across CloudFormation, eksctl and a kubectl dump', () => {
  let model: ArchitectureModel;
  const rel = (type: string, from: string, to: string): string | undefined => {
    const r = model.relations.find((x) => x.type === type && x.from === from && x.to === to);
    return r && `${r.confidence} ${r.rule}`;
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archmap-identity-'));
    for (const sub of ['cfn', 'eksctl', 'kubectl']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'cfn/identity.yaml'), TEMPLATE);
    writeFileSync(join(dir, 'eksctl/cluster.yaml'), CLUSTER_CONFIG);
    writeFileSync(join(dir, 'kubectl/dump.yaml'), DUMP);
    model = await importArchitecture(['cfn', 'eksctl', 'kubectl'], { cwd: dir });
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('J21: Node → NodeGroup → node role; the declared group by eksctl, the observed-only group from aws-auth', () => {
    const eksctlRole = eksctlId('IamRole', 'prod', 'nodegroup/ng-1');
    expect(rel('member-of', 'Node:ip-10-0-1-10.eu-west-1.compute.internal', 'NodeGroup:prod/ng-1')).toBe('high J11');
    expect(rel('assumes', 'NodeGroup:prod/ng-1', eksctlRole)).toBe('high eksctl-node-role');
    expect(model.entities.find((e) => e.id === eksctlRole)?.props).toMatchObject({ arn: ARN(NODE_ROLE_NAME), roleName: NODE_ROLE_NAME });
    expect(rel('member-of', 'Node:ip-10-0-2-20.eu-west-1.compute.internal', 'NodeGroup:prod/legacy')).toBe('high J11');
    expect(rel('assumes', 'NodeGroup:prod/legacy', iamRoleId('eksctl-prod-nodegroup-legacy-NodeInstanceRole-LEG4CY1'))).toBe('medium J21');
  });

  it('J40: aws-auth and access entries are bound to their roles', () => {
    const awsAuth = 'ConfigMap:kube-system/aws-auth';
    expect(rel('bound-to', awsAuth, eksctlId('IamRole', 'prod', 'nodegroup/ng-1'))).toBe('medium J40');
    expect(rel('bound-to', awsAuth, iamRoleId('ops-admin'))).toBe('high J40');
    expect(rel('bound-to', cfnId('AwsResource', 'cfn/identity.yaml', 'OpsAccess'), iamRoleId('ops-admin'))).toBe('high J40');
    expect(rel('bound-to', 'Cluster:prod', iamRoleId('viewer'))).toBe('high J40');
    // The aws-auth ARN drops the path: the role keeps its own.
    expect(model.entities.find((e) => e.id === iamRoleId('ops-admin'))?.props['path']).toBe('/teams/');
  });

  it('J39 and J41: Pod Identity and the addon role reach the service accounts of the dump', () => {
    expect(rel('assumes', 'ServiceAccount:shop/api', cfnId('IamRole', 'cfn/identity.yaml', 'ApiRole'))).toBe('high J39');
    expect(model.entities.find((e) => e.id === 'ServiceAccount:shop/api')?.sources.map((s) => s.format)).toEqual(['kubernetes']);
    expect(rel('uses', 'Addon:prod/vpc-cni', 'ServiceAccount:kube-system/aws-node')).toBe('high J41');
    expect(rel('assumes', 'ServiceAccount:kube-system/aws-node', iamRoleId('prod-cni'))).toBe('high J38');
  });

  it('the identity diagram draws the access bindings', () => {
    const identity = renderMermaid(model).split('%% diagram: ').find((c) => c.startsWith('identity'));
    expect(identity).toContain('aws-auth');
    expect(identity).toContain('Cluster access');
  });
});
