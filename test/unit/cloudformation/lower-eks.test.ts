/** EKS, IAM and load-balancer lowering: ids, props, defaults and edges. */
import { describe, expect, it } from 'vitest';
import { lower } from './helpers.js';

const EKS = `
Parameters:
  Name: {Type: String, Default: prod}
Resources:
  Net: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  S1: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: cp, VpcId: !Ref Net}}
  ClusterRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: [eks.amazonaws.com]}, Action: sts:AssumeRole}]}
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: !Ref Name
      Version: '1.30'
      RoleArn: !GetAtt ClusterRole.Arn
      ResourcesVpcConfig: {SubnetIds: [!Ref S1], SecurityGroupIds: [!Ref Sg], EndpointPrivateAccess: true}
      AccessConfig: {AuthenticationMode: API}
      Logging: {ClusterLogging: {EnabledTypes: [{Type: api}, {Type: audit}]}}
      EncryptionConfig: [{Provider: {KeyArn: arn:aws:kms:eu-west-1:1:key/k}, Resources: [secrets]}]
  NodeRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: prod-nodes
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy]
      Policies: [{PolicyName: extra, PolicyDocument: {}}]
  Managed:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodegroupName: general
      NodeRole: !GetAtt NodeRole.Arn
      Subnets: [!Ref S1]
      ScalingConfig: {MinSize: '1', MaxSize: 5, DesiredSize: 2}
      InstanceTypes: [m5.large, m5a.large]
      CapacityType: SPOT
      Labels: {team: a}
      Taints: [{Key: dedicated, Value: gpu, Effect: NO_SCHEDULE}]
  Fargate:
    Type: AWS::EKS::FargateProfile
    Properties:
      ClusterName: !Ref Cluster
      FargateProfileName: batch
      PodExecutionRoleArn: arn:aws:iam::111122223333:role/fargate-exec
      Selectors: [{Namespace: batch, Labels: [{Key: compute, Value: fargate}]}]
  Cni:
    Type: AWS::EKS::Addon
    Properties: {ClusterName: prod, AddonName: vpc-cni, AddonVersion: v1.18.0}
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Name: web, Scheme: internal, Subnets: [!Ref S1]}
  Nlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Type: network}
`;

describe('EKS resources', () => {
  const f = lower({ 'eks.yaml': EKS });

  it('the cluster has its natural id, declared settings and API defaults marked', () => {
    const c = f.byId('Cluster:prod');
    expect(c?.sources).toEqual([{ file: 'eks.yaml', line: 12, format: 'cloudformation' }]);
    expect(c?.props).toMatchObject({
      logicalId: 'Cluster', cfnType: 'AWS::EKS::Cluster', version: '1.30', endpointPublicAccess: true, endpointPrivateAccess: true,
      authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true, logging: ['api', 'audit'], secretsEncryption: true, secretsEncryptionKeyArn: 'arn:aws:kms:eu-west-1:1:key/k',
      subnets: ['Subnet:cfn:eks.yaml#S1'], roleArn: { unresolved: 'GetAtt(ClusterRole.Arn)' },
    });
    expect(c?.defaulted).toEqual(['bootstrapClusterCreatorAdminPermissions', 'endpointPublicAccess', 'ipFamily', 'publicAccessCidrs']);
    expect(f.relations).toContainEqual({ type: 'depends-on', from: 'Cluster:prod', to: 'Subnet:cfn:eks.yaml#S1', rule: 'cfn-ref', confidence: 'high' });
    expect(f.relations).toContainEqual({ type: 'depends-on', from: 'Cluster:prod', to: 'SecurityGroup:cfn:eks.yaml#Sg', rule: 'cfn-ref', confidence: 'high' });
  });

  it('the managed node group: sizes coerced, labels map, taints in Kubernetes form, node role edge', () => {
    const ng = f.byId('NodeGroup:prod/general');
    expect(ng?.props).toMatchObject({
      nodeGroupType: 'managed', cluster: 'Cluster:prod', minSize: 1, maxSize: 5, desiredCapacity: 2, instanceTypes: ['m5.large', 'm5a.large'],
      capacityType: 'SPOT', labels: { team: 'a' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      subnets: ['Subnet:cfn:eks.yaml#S1'], availabilityZones: ['eu-west-1a'],
    });
    expect(f.relations).toContainEqual({ type: 'member-of', from: 'NodeGroup:prod/general', to: 'Cluster:prod', rule: 'cfn-ref', confidence: 'high' });
    expect(f.relations).toContainEqual({ type: 'assumes', from: 'NodeGroup:prod/general', to: 'IamRole:prod-nodes', rule: 'cfn-ref', confidence: 'high' });
  });

  it('the Fargate profile turns {Key, Value} selector labels into a map; a literal role ARN becomes a role entity', () => {
    expect(f.byId('FargateProfile:prod/batch')?.props).toMatchObject({ selectors: [{ namespace: 'batch', labels: { compute: 'fargate' } }] });
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: 'FargateProfile:prod/batch', to: 'Cluster:prod' }));
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'assumes', from: 'FargateProfile:prod/batch', to: 'IamRole:fargate-exec' }));
    expect(f.byId('IamRole:fargate-exec')?.props).toEqual({ roleName: 'fargate-exec', arn: 'arn:aws:iam::111122223333:role/fargate-exec' });
  });

  it('the addon joins the cluster by its literal name', () => {
    expect(f.byId('Addon:prod/vpc-cni')?.props).toMatchObject({ cluster: 'Cluster:prod', version: 'v1.18.0' });
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: 'Addon:prod/vpc-cni', to: 'Cluster:prod' }));
  });

  it('IAM roles: RoleName gives the id, no RoleName a template-scoped id; principals, policies', () => {
    expect(f.byId('IamRole:prod-nodes')?.props).toMatchObject({
      roleName: 'prod-nodes', trustPrincipals: ['Service:ec2.amazonaws.com'], managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'], inlinePolicies: ['extra'],
      arn: { unresolved: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/prod-nodes' },
    });
    expect(f.byId('IamRole:cfn:eks.yaml#ClusterRole')?.props).toMatchObject({ trustPrincipals: ['Service:eks.amazonaws.com'], arn: { unresolved: 'GetAtt(ClusterRole.Arn)' } });
  });

  it('load balancers are declared, with the ELBv2 defaults marked', () => {
    expect(f.byId('LoadBalancer:cfn:eks.yaml#Alb')).toMatchObject({ name: 'web', props: { lbType: 'application', scheme: 'internal', basis: 'declared' }, defaulted: ['lbType'] });
    expect(f.byId('LoadBalancer:cfn:eks.yaml#Nlb')).toMatchObject({ props: { lbType: 'network', scheme: 'internet-facing' }, defaulted: ['scheme'] });
  });
});

describe('access entries and pod identity associations (J39/J40 inputs)', () => {
  const f = lower({
    'access.yaml': `
Resources:
  Api:
    Type: AWS::IAM::Role
    Properties: {AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: pods.eks.amazonaws.com}, Action: [sts:AssumeRole, sts:TagSession]}]}}
  Ops:
    Type: AWS::EKS::AccessEntry
    Properties:
      ClusterName: prod
      PrincipalArn: arn:aws:iam::111122223333:role/teams/ops-admin
      KubernetesGroups: [ops]
      AccessPolicies: [{PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy, AccessScope: {Type: namespace, Namespaces: [a, b]}}]
  Alice:
    Type: AWS::EKS::AccessEntry
    Properties: {ClusterName: prod, PrincipalArn: arn:aws:iam::111122223333:user/alice, Type: STANDARD, Username: alice}
  ApiIdentity:
    Type: AWS::EKS::PodIdentityAssociation
    Properties: {ClusterName: prod, Namespace: shop, ServiceAccount: api, RoleArn: !GetAtt Api.Arn, TargetRoleArn: arn:aws:iam::444455556666:role/remote}
`,
  });
  const id = (logicalId: string): string => `AwsResource:cfn:access.yaml#${logicalId}`;

  it('an access entry keeps its principal, groups, policies; a role principal names its IamRole entity', () => {
    expect(f.byId(id('Ops'))?.props).toMatchObject({
      cluster: 'Cluster:prod', principalArn: 'arn:aws:iam::111122223333:role/teams/ops-admin', type: 'STANDARD', kubernetesGroups: ['ops'],
      accessPolicies: ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy@namespace:a,b'], principalRole: 'IamRole:ops-admin',
    });
    expect(f.byId(id('Ops'))?.defaulted).toEqual(['type']);
    expect(f.byId('IamRole:ops-admin')?.props).toEqual({ roleName: 'ops-admin', arn: 'arn:aws:iam::111122223333:role/teams/ops-admin' });
    expect(f.byId(id('Alice'))?.props).toMatchObject({ principalArn: 'arn:aws:iam::111122223333:user/alice', username: 'alice' });
    expect(f.byId(id('Alice'))?.props['principalRole']).toBeUndefined();
    expect(f.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: id('Ops'), to: 'Cluster:prod' }));
  });

  it('a pod identity association keeps the service account and the roles it designates', () => {
    expect(f.byId(id('ApiIdentity'))?.props).toMatchObject({
      namespace: 'shop', serviceAccount: 'api', role: 'IamRole:cfn:access.yaml#Api', roleArn: { unresolved: 'GetAtt(Api.Arn)' },
      targetRoleArn: 'arn:aws:iam::444455556666:role/remote', targetRole: 'IamRole:remote',
    });
  });
});

describe('trust policies', () => {
  const role = (doc: string): string => `Parameters:\n  Oidc: {Type: String, Default: oidc.eks.eu-west-1.amazonaws.com/id/ABC}\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: r\n      AssumeRolePolicyDocument: ${doc}\n`;

  it('reads a JSON document written with !Sub, keeping unknown parts as placeholders', () => {
    const doc = `!Sub |\n        {"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::\${AWS::AccountId}:oidc-provider/\${Oidc}"}, "Action": "sts:AssumeRoleWithWebIdentity",\n          "Condition": {"StringEquals": {"\${Oidc}:sub": "system:serviceaccount:shop:orders", "\${Oidc}:aud": "sts.amazonaws.com"}}}]}`;
    const p = lower({ 'r.yaml': role(doc) }).byId('IamRole:r')?.props;
    expect(p?.['oidcSubjects']).toEqual(['system:serviceaccount:shop:orders']);
    expect(p?.['trustPrincipals']).toEqual(['Federated:arn:aws:iam::${AWS::AccountId}:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC']);
  });

  it('reads StringLike subject lists and skips Deny statements', () => {
    const doc = `{Statement: [{Effect: Allow, Principal: {Federated: x}, Condition: {StringLike: {"a:sub": ["system:serviceaccount:ns:*", "system:serviceaccount:b:c"]}}}, {Effect: Deny, Principal: {AWS: "*"}}]}`;
    const p = lower({ 'r.yaml': role(doc) }).byId('IamRole:r')?.props;
    expect(p?.['oidcSubjects']).toEqual(['system:serviceaccount:b:c', 'system:serviceaccount:ns:*']);
    expect(p?.['trustPrincipals']).toEqual(['Federated:x']);
  });
});
