import { describe, expect, it } from 'vitest';
import { HEADER, lowerText } from './helpers.js';

describe('IRSA service accounts (rule eksctl-irsa)', () => {
  const l = lowerText(`${HEADER}iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {name: created, namespace: apps}
      attachPolicyARNs: [arn:aws:iam::111122223333:policy/p1]
      wellKnownPolicies: {ebsCSIController: true, autoScaler: false}
    - metadata: {name: named, namespace: apps}
      roleName: apps-named-role
    - metadata: {name: attached, namespace: apps}
      attachRoleARN: arn:aws:iam::111122223333:role/team/existing
    - metadata: {name: only-role, namespace: apps}
      roleOnly: true
`);
  it.each([
    ['created', 'IamRole:eksctl:c1/irsa/apps/created'],
    ['named', 'IamRole:apps-named-role'],
    ['attached', 'IamRole:existing'],
  ])('ServiceAccount apps/%s assumes %s', (sa, role) => {
    expect(l.relation('assumes', `ServiceAccount:apps/${sa}`, role)).toMatchObject({ rule: 'eksctl-irsa', confidence: 'high' });
    expect(l.entity(role).props['oidcSubjects']).toEqual([`system:serviceaccount:apps:${sa}`]);
  });
  it('keeps the policies of a role eksctl creates', () => {
    expect(l.entity('IamRole:eksctl:c1/irsa/apps/created').props).toMatchObject({
      managedPolicyArns: ['arn:aws:iam::111122223333:policy/p1'],
      wellKnownPolicies: ['ebsCSIController'],
      stackName: 'eksctl-c1-addon-iamserviceaccount-apps-created',
    });
    expect(l.entity('IamRole:existing').props['arn']).toBe('arn:aws:iam::111122223333:role/team/existing');
  });
  it('roleOnly: the role, but no service account', () => {
    expect(l.ids('ServiceAccount')).toEqual(['ServiceAccount:apps/attached', 'ServiceAccount:apps/created', 'ServiceAccount:apps/named']);
    expect(l.ids('IamRole')).toContain('IamRole:eksctl:c1/irsa/apps/only-role');
  });
  it('warns when withOIDC is off', () => {
    const w = lowerText(`${HEADER}iam:\n  serviceAccounts: [{metadata: {name: a}}]\n`);
    expect(w.diagnostics.map((d) => d.code)).toEqual(['eksctl/irsa-without-oidc']);
  });
});

describe('pod identity associations (rule eksctl-pod-identity)', () => {
  it('cluster-level and addon-level associations', () => {
    const l = lowerText(`${HEADER}iam:
  podIdentityAssociations:
    - {namespace: dev, serviceAccountName: app, roleARN: "arn:aws:iam::111122223333:role/app-role"}
    - {namespace: dev, serviceAccountName: made, createServiceAccount: true, permissionPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]}
addons:
  - name: aws-ebs-csi-driver
    podIdentityAssociations: [{serviceAccountName: ebs-csi-controller-sa, roleARN: "arn:aws:iam::111122223333:role/ebs"}]
`);
    expect(l.relation('assumes', 'ServiceAccount:dev/app', 'IamRole:app-role')?.rule).toBe('eksctl-pod-identity');
    expect(l.relation('assumes', 'ServiceAccount:dev/made', 'IamRole:eksctl:c1/pod-identity/dev/made')?.rule).toBe('eksctl-pod-identity');
    expect(l.entity('ServiceAccount:dev/made').props['managedBy']).toBe('eksctl');
    expect(l.entity('IamRole:eksctl:c1/pod-identity/dev/made').props).toMatchObject({
      trustPrincipals: ['Service:pods.eks.amazonaws.com'], managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    expect(l.relation('assumes', 'ServiceAccount:kube-system/ebs-csi-controller-sa', 'IamRole:ebs')).toBeDefined();
    expect(l.relation('member-of', 'Addon:c1/aws-ebs-csi-driver', 'Cluster:c1')).toBeDefined();
  });
});

describe('access entries and aws-auth mappings', () => {
  const l = lowerText(`${HEADER}accessConfig:
  authenticationMode: API_AND_CONFIG_MAP
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/admins
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
          accessScope: {type: cluster}
    - principalARN: arn:aws:iam::111122223333:user/alice
      kubernetesGroups: [devs]
iamIdentityMappings:
  - {arn: "arn:aws:iam::111122223333:role/ops", groups: [system:masters], username: ops}
  - {account: "111122223333"}
`);
  it('role principals become IamRole entities; users and accounts stay props on the cluster', () => {
    expect(l.ids('IamRole')).toEqual(expect.arrayContaining(['IamRole:admins', 'IamRole:ops']));
    expect(l.ids('IamRole').some((id) => id.includes('alice'))).toBe(false);
    const cluster = l.entity('Cluster:c1');
    expect(cluster.props['accessEntries']).toEqual([
      { principalArn: 'arn:aws:iam::111122223333:role/admins', type: 'STANDARD', accessPolicies: ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy@cluster'] },
      { principalArn: 'arn:aws:iam::111122223333:user/alice', type: 'STANDARD', kubernetesGroups: ['devs'] },
    ]);
    expect(cluster.props['iamIdentityMappings']).toEqual([
      { arn: 'arn:aws:iam::111122223333:role/ops', username: 'ops', groups: ['system:masters'] },
      { account: '111122223333' },
    ]);
  });
});

describe('node and Karpenter roles', () => {
  it('instanceRoleARN: NodeGroup assumes the named role; otherwise eksctl creates NodeInstanceRole', () => {
    const l = lowerText(`${HEADER}managedNodeGroups:
  - {name: a, iam: {instanceRoleARN: "arn:aws:iam::111122223333:role/nodes"}}
  - {name: b}
`);
    expect(l.relation('assumes', 'NodeGroup:c1/a', 'IamRole:nodes')?.rule).toBe('eksctl-node-role');
    expect(l.relation('assumes', 'NodeGroup:c1/b', 'IamRole:eksctl:c1/nodegroup/b')).toBeDefined();
    expect(l.entity('IamRole:eksctl:c1/nodegroup/b')).toMatchObject({ props: { logicalId: 'NodeInstanceRole' }, defaulted: ['@entity', 'managedPolicyArns'] });
  });
  it('karpenter: settings on the cluster and the karpenter/karpenter service account', () => {
    const l = lowerText(`${HEADER}iam: {withOIDC: true}\nkarpenter: {version: "1.0.0", withSpotInterruptionQueue: true}\n`);
    expect(l.entity('Cluster:c1').props['karpenter']).toEqual({ version: '1.0.0', createServiceAccount: false, withSpotInterruptionQueue: true });
    expect(l.relation('assumes', 'ServiceAccount:karpenter/karpenter', 'IamRole:eksctl:c1/irsa/karpenter/karpenter')?.rule).toBe('eksctl-irsa');
  });
});
