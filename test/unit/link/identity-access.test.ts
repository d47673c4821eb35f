/** Identity joins on hand-built graphs: J39 Pod Identity, J40 cluster access, J41 addon accounts, J21 node roles. */
import { describe, expect, it } from 'vitest';
import { addonId, cfnId, clusterId, eksctlId, iamRoleId, k8sId, k8sObjectId, nodeGroupId } from '../../../src/model/ids.js';
import { addonRolesPass } from '../../../src/passes/link/cross/addon-roles.js';
import { clusterAccessPass } from '../../../src/passes/link/cross/cluster-access.js';
import { irsaPass } from '../../../src/passes/link/cross/irsa.js';
import { nodeRolesPass } from '../../../src/passes/link/cross/node-roles.js';
import { podIdentityPass } from '../../../src/passes/link/cross/pod-identity.js';
import { ent, graphOf, rels, run } from './helpers.js';

const ARN = (name: string, account = '111122223333') => `arn:aws:iam::${account}:role/${name}`;
const AWS_AUTH = k8sId('ConfigMap', 'kube-system', 'aws-auth');
const awsAuth = (mapRoles: { rolearn: string; groups?: string[]; username?: string }[], mapUsers: { userarn: string }[] = []) =>
  ent('kubernetes', 'ConfigMap', AWS_AUTH, { keys: ['mapRoles'], mapRoles, ...(mapUsers.length ? { mapUsers } : {}) }, { namespace: 'kube-system', name: 'aws-auth', line: 30 });
const NODES = ['system:bootstrappers', 'system:nodes'];
const eksctlNodeRole = (cluster: string, group: string) =>
  ent('eksctl', 'IamRole', eksctlId('IamRole', cluster, `nodegroup/${group}`), { stackName: `eksctl-${cluster}-nodegroup-${group}`, logicalId: 'NodeInstanceRole' }, { name: `${group} node role` });

describe('J40 aws-auth / access entries → IAM roles', () => {
  it('aws-auth rolearn: literal RoleName high (path ignored, ARN not taken); eksctl auto-name medium, taking the ARN; unmatched external + info', () => {
    const opsRole = ent('cloudformation', 'IamRole', iamRoleId('ops-admin'), { roleName: 'ops-admin', path: '/teams/', logicalId: 'OpsRole' });
    const nodeRole = eksctlNodeRole('prod', 'ng-1');
    const nodeArn = ARN('eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123');
    const g = graphOf([opsRole, nodeRole, awsAuth([{ rolearn: ARN('ops-admin'), groups: ['system:masters'] }, { rolearn: nodeArn, groups: NODES }, { rolearn: ARN('gone') }], [{ userarn: 'arn:aws:iam::111122223333:user/alice' }])]);
    const sink = run(g, clusterAccessPass);
    expect(rels(g)).toEqual([
      `${AWS_AUTH} bound-to ${nodeRole.id} (medium J40)`,
      `${AWS_AUTH} bound-to ${iamRoleId('gone')} (high J40)`,
      `${AWS_AUTH} bound-to ${iamRoleId('ops-admin')} (high J40)`,
    ]);
    expect(g.get(iamRoleId('ops-admin'))?.props['arn']).toBeUndefined();
    expect(g.get(nodeRole.id)?.props).toMatchObject({ arn: nodeArn, roleName: 'eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123' });
    expect(g.get(iamRoleId('gone'))?.props).toEqual({ roleName: 'gone', arn: ARN('gone'), external: true });
    expect(g.get(iamRoleId('gone'))?.sources).toEqual([{ file: 'kubectl/dump.yaml', line: 30, format: 'kubernetes' }]);
    expect(sink.items.map((d) => [d.code, d.severity, d.line])).toEqual([['link/external-role', 'info', 30]]);
  });

  it('an aws-auth role ARN with a path is a warning (EKS matches none); the role is still named', () => {
    const g = graphOf([ent('cloudformation', 'IamRole', iamRoleId('ops'), { roleName: 'ops', logicalId: 'Ops' }), awsAuth([{ rolearn: 'arn:aws:iam::111122223333:role/teams/ops' }])]);
    const sink = run(g, clusterAccessPass);
    expect(rels(g)).toEqual([`${AWS_AUTH} bound-to ${iamRoleId('ops')} (high J40)`]);
    expect(sink.items.map((d) => d.code)).toEqual(['link/aws-auth-role-path']);
  });

  it('eksctl access entries / identity mappings: the stand-in role of an ARN merges into the auto-named CloudFormation role', () => {
    const cfnRole = cfnId('IamRole', 'cfn/p.yaml', 'AdminRole');
    const name = 'platform-AdminRole-1XLS7754U3ZPA';
    const g = graphOf([
      ent('cloudformation', 'IamRole', cfnRole, { logicalId: 'AdminRole', stackName: 'platform' }),
      ent('eksctl', 'IamRole', iamRoleId(name), { roleName: name, arn: ARN(name) }),
      ent('eksctl', 'IamRole', iamRoleId('viewer'), { roleName: 'viewer', arn: ARN('viewer') }),
      ent('eksctl', 'Cluster', clusterId('prod'), {
        accessEntries: [{ principalArn: ARN(name), type: 'STANDARD' }, { principalArn: 'arn:aws:iam::111122223333:user/bob', type: 'STANDARD' }],
        iamIdentityMappings: [{ arn: ARN('viewer'), groups: ['view'] }, { account: '111122223333' }],
      }),
    ]);
    run(g, clusterAccessPass);
    expect(rels(g)).toEqual([`Cluster:prod bound-to ${cfnRole} (medium J40)`, `Cluster:prod bound-to ${iamRoleId('viewer')} (high J40)`]);
    expect(g.has(iamRoleId(name)) && g.get(iamRoleId(name))?.id).toBe(cfnRole);
    expect(g.get(cfnRole)?.props).toMatchObject({ arn: ARN(name), roleName: name });
  });

  it('CloudFormation AccessEntry: the referenced template role, high, even when its ARN is a placeholder', () => {
    const role = cfnId('IamRole', 'cfn/p.yaml', 'NodeRole');
    const entry = ent('cloudformation', 'AwsResource', cfnId('AwsResource', 'cfn/p.yaml', 'Nodes'), {
      cfnType: 'AWS::EKS::AccessEntry', principalArn: { unresolved: 'GetAtt(NodeRole.Arn)' }, type: 'EC2_LINUX', principalRole: role,
    });
    const g = graphOf([ent('cloudformation', 'IamRole', role, { logicalId: 'NodeRole' }), entry]);
    run(g, clusterAccessPass);
    expect(rels(g)).toEqual([`${entry.id} bound-to ${role} (high J40)`]);
  });
});

describe('J39 Pod Identity (CloudFormation)', () => {
  const pia = (props: Record<string, string>) =>
    ent('cloudformation', 'AwsResource', cfnId('AwsResource', 'cfn/p.yaml', 'Api'), { cfnType: 'AWS::EKS::PodIdentityAssociation', ...props }, { name: 'Api', line: 40 });

  it('the referenced role, high; the service account of the dump is the one linked; cross-account target role', () => {
    const role = cfnId('IamRole', 'cfn/p.yaml', 'ApiRole');
    const sa = ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', 'shop', 'api'), {}, { namespace: 'shop', name: 'api' });
    const g = graphOf([
      ent('cloudformation', 'IamRole', role, { logicalId: 'ApiRole' }),
      ent('cloudformation', 'IamRole', iamRoleId('remote'), { roleName: 'remote', arn: ARN('remote', '444455556666') }),
      sa,
      pia({ namespace: 'shop', serviceAccount: 'api', role, targetRole: iamRoleId('remote'), targetRoleArn: ARN('remote', '444455556666') }),
    ]);
    run(g, podIdentityPass);
    expect(rels(g)).toEqual([`${role} assumes ${iamRoleId('remote')} (high J39)`, `ServiceAccount:shop/api assumes ${role} (high J39)`]);
    expect(g.get(sa.id)?.sources.map((s) => s.format)).toEqual(['kubernetes']);
  });

  it('a literal ARN of an auto-named role: medium, the stand-in merged; an SA no input shows is created at the association', () => {
    const role = cfnId('IamRole', 'cfn/p.yaml', 'ApiRole');
    const name = 'shop-ApiRole-7QK2ZLABCD';
    const g = graphOf([
      ent('cloudformation', 'IamRole', role, { logicalId: 'ApiRole', stackName: 'shop' }),
      ent('cloudformation', 'IamRole', iamRoleId(name), { roleName: name, arn: ARN(name) }),
      pia({ namespace: 'shop', serviceAccount: 'api', role: iamRoleId(name), roleArn: ARN(name) }),
    ]);
    run(g, podIdentityPass);
    expect(rels(g)).toEqual([`ServiceAccount:shop/api assumes ${role} (medium J39)`]);
    expect(g.ofKind('IamRole').map((r) => r.id)).toEqual([role]);
    expect(g.get('ServiceAccount:shop/api')?.sources).toEqual([{ file: 'cfn/net.yaml', line: 40, format: 'cloudformation' }]);
  });

  it('an unresolved namespace or role: no link, an info diagnostic', () => {
    const g = graphOf([pia({ serviceAccount: 'api' })]);
    const sink = run(g, podIdentityPass);
    expect(rels(g)).toEqual([]);
    expect(sink.items.map((d) => d.code)).toEqual(['link/pod-identity-unresolved']);
  });
});

describe('J41 addon → service account → role', () => {
  const roleId = iamRoleId('cni-role');
  const base = () => [
    ent('cloudformation', 'IamRole', roleId, { roleName: 'cni-role', logicalId: 'CniRole', arn: ARN('cni-role') }),
    ent('cloudformation', 'Addon', addonId('prod', 'vpc-cni'), { serviceAccountRoleArn: ARN('cni-role') }, { name: 'vpc-cni', line: 12 }),
  ];
  const withRole = (g: ReturnType<typeof graphOf>) => {
    g.addRelation({ type: 'assumes', from: addonId('prod', 'vpc-cni'), to: roleId, confidence: 'high', rule: 'cfn-ref' });
    return g;
  };

  it('the annotation names the same role: high (the J38 edge stays; the addon uses the account)', () => {
    const g = withRole(graphOf([...base(), ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', 'kube-system', 'aws-node'), { roleArn: ARN('cni-role') }, { namespace: 'kube-system', name: 'aws-node' })]));
    run(g, irsaPass, addonRolesPass);
    expect(rels(g).filter((r) => !r.includes('cfn-ref'))).toEqual([
      'Addon:prod/vpc-cni uses ServiceAccount:kube-system/aws-node (high J41)',
      `ServiceAccount:kube-system/aws-node assumes ${roleId} (high J38)`,
    ]);
  });

  it('by convention only: medium; the account is created (@entity) when no input shows it', () => {
    const g = withRole(graphOf(base()));
    run(g, addonRolesPass);
    expect(rels(g, 'J41')).toEqual([
      'Addon:prod/vpc-cni uses ServiceAccount:kube-system/aws-node (medium J41)',
      `ServiceAccount:kube-system/aws-node assumes ${roleId} (medium J41)`,
    ]);
    expect(g.get('ServiceAccount:kube-system/aws-node')).toMatchObject({ namespace: 'kube-system', defaulted: ['@entity'] });
  });

  it('an annotation naming another role: warning, no link; addons without a role or a known account: nothing', () => {
    const g = withRole(graphOf([
      ...base(),
      ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', 'kube-system', 'aws-node'), { roleArn: ARN('other') }, { namespace: 'kube-system', name: 'aws-node' }),
      ent('eksctl', 'Addon', addonId('prod', 'coredns'), {}, { name: 'coredns' }),
      ent('eksctl', 'Addon', addonId('prod', 'aws-ebs-csi-driver'), {}, { name: 'aws-ebs-csi-driver' }),
    ]));
    const sink = run(g, addonRolesPass);
    expect(rels(g, 'J41')).toEqual([]);
    expect(sink.items.map((d) => d.code)).toEqual(['link/addon-role-mismatch']);
  });
});

describe('J21 node group → node role', () => {
  it('Karpenter: NodePool → EC2NodeClass.spec.role → the role of that name (high), else external', () => {
    const pool = (name: string, nodeClassRef: string) => ent('kubernetes', 'KubernetesObject', k8sObjectId('karpenter.sh', 'NodePool', undefined, name), { nodeClassRef });
    const nodeClass = (name: string, role: string) => ent('kubernetes', 'KubernetesObject', k8sObjectId('karpenter.k8s.aws', 'EC2NodeClass', undefined, name), { role }, { line: 70 });
    const group = (name: string) => ent('kubernetes', 'NodeGroup', nodeGroupId('prod', name), { nodeGroupType: 'karpenter', cluster: clusterId('prod') }, { name });
    const g = graphOf([
      ent('cloudformation', 'IamRole', iamRoleId('KarpenterNodeRole-prod'), { roleName: 'KarpenterNodeRole-prod', logicalId: 'KarpenterNodeRole' }),
      pool('default', 'default'), nodeClass('default', 'KarpenterNodeRole-prod'), group('default'),
      pool('gpu', 'gpu'), nodeClass('gpu', 'gpu-nodes'), group('gpu'),
    ]);
    const sink = run(g, nodeRolesPass);
    expect(rels(g)).toEqual([
      `NodeGroup:prod/default assumes ${iamRoleId('KarpenterNodeRole-prod')} (high J21)`,
      `NodeGroup:prod/gpu assumes ${iamRoleId('gpu-nodes')} (high J21)`,
    ]);
    expect(g.get(iamRoleId('gpu-nodes'))?.props).toEqual({ roleName: 'gpu-nodes', external: true });
    expect(sink.items.map((d) => [d.code, d.line])).toEqual([['link/external-role', 70]]);
  });

  it('aws-auth system:nodes roles with eksctl node-role names give observed-only groups their role; ng-1 is not ng-10', () => {
    const group = (name: string) => ent('kubernetes', 'NodeGroup', nodeGroupId('prod', name), { nodeGroupType: 'self-managed', cluster: clusterId('prod'), observedOnly: true }, { name });
    const n1 = 'eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123';
    const n10 = 'eksctl-prod-nodegroup-ng-10-NodeInstanceRole-DEF456';
    const admin = 'eksctl-prod-nodegroup-ng-2-NodeInstanceRole-GHI789';
    const g = graphOf([
      ent('kubernetes', 'Cluster', clusterId('prod')), group('ng-1'), group('ng-10'), group('ng-2'), group('other'),
      awsAuth([{ rolearn: ARN(n1), groups: NODES }, { rolearn: ARN(n10), groups: NODES }, { rolearn: ARN(admin), groups: ['system:masters'] }]),
    ]);
    run(g, clusterAccessPass, nodeRolesPass);
    expect(rels(g, 'J21')).toEqual([`NodeGroup:prod/ng-1 assumes ${iamRoleId(n1)} (medium J21)`, `NodeGroup:prod/ng-10 assumes ${iamRoleId(n10)} (medium J21)`]);
  });

  it('a truncated stack name: low, only for the one group it starts (groups with a role count as candidates, and keep theirs)', () => {
    const truncated = 'eksctl-prod-nodegroup-workers-NodeInstanceRole-XYZ7890';
    const ambiguous = 'eksctl-prod-nodegroup-batch-NodeInstanceRole-QRS4567';
    const group = (format: 'kubernetes' | 'eksctl', name: string) => ent(format, 'NodeGroup', nodeGroupId('prod', name), { cluster: clusterId('prod') }, { name });
    const g = graphOf([
      ent('kubernetes', 'Cluster', clusterId('prod')),
      group('kubernetes', 'workers-a-very-long-name'),
      group('kubernetes', 'batch-a-long-name'),
      group('eksctl', 'batch-b-long-name'),
      group('eksctl', 'declared'),
      ent('eksctl', 'IamRole', iamRoleId('declared-role'), { roleName: 'declared-role' }),
      awsAuth([{ rolearn: ARN(truncated), groups: NODES }, { rolearn: ARN(ambiguous), groups: NODES }, { rolearn: ARN('eksctl-prod-nodegroup-declared-NodeInstanceRole-TUV1234'), groups: NODES }]),
    ]);
    g.addRelation({ type: 'assumes', from: nodeGroupId('prod', 'batch-b-long-name'), to: iamRoleId('declared-role'), confidence: 'high', rule: 'eksctl-node-role' });
    g.addRelation({ type: 'assumes', from: nodeGroupId('prod', 'declared'), to: iamRoleId('declared-role'), confidence: 'high', rule: 'eksctl-node-role' });
    run(g, clusterAccessPass, nodeRolesPass);
    expect(rels(g, 'J21')).toEqual([`NodeGroup:prod/workers-a-very-long-name assumes ${iamRoleId(truncated)} (low J21)`]);
  });
});
