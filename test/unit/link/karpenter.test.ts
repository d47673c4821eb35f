/**
 * J16 Karpenter capacity through the whole pipeline: NodePool + EC2NodeClass manifests, a
 * CloudFormation network with tagged subnets, with and without nodes; and what the audit makes of it.
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../../src/model/architecture.js';
import { nodeGroupId } from '../../../src/model/ids.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { tempFile } from '../kubernetes/helpers.js';

const NETWORK = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PublicRoute: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a, Tags: [{Key: karpenter.sh/discovery, Value: prod}]}
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b, Tags: [{Key: karpenter.sh/discovery, Value: prod}]}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24, AvailabilityZone: eu-west-1a, Tags: [{Key: tier, Value: edge}]}
  PublicAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {SubnetIds: [!Ref PrivateA, !Ref PrivateB]}
`;

const pool = (name: string, nodeClass: string, requirements = '', group = 'karpenter.k8s.aws'): string => `
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: ${name}}
spec:
  template:
    spec:
      nodeClassRef: {group: ${group}, kind: EC2NodeClass, name: ${nodeClass}}
      requirements:
      - {key: node.kubernetes.io/instance-type, operator: NotIn, values: [t3.nano]}
${requirements}`;

const nodeClass = (name: string, terms: string, status = '', role = 'KarpenterNodeRole-prod'): string => `
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: ${name}}
spec:
  role: ${role}
  subnetSelectorTerms:
${terms}
${status}`;

async function model(...files: string[]): Promise<ArchitectureModel> {
  const paths = files.map((text) => tempFile(text));
  return importArchitecture(paths, { cwd: dirname(paths[0] ?? '.') });
}

const group = (m: ArchitectureModel, name: string) => m.entities.find((e) => e.id === nodeGroupId('prod', name));
const subnetIds = (...logicalIds: string[]): string[] => logicalIds.map((l) => expect.stringMatching(new RegExp(`^Subnet:cfn:.*#${l}$`)) as unknown as string);

describe('J16 Karpenter NodePools', () => {
  it('makes a pool without nodes a node group of the only cluster, with what it may launch and the subnets its tags select', async () => {
    const requirements = '      - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}\n      - {key: node.kubernetes.io/instance-type, operator: In, values: [m7g.large, c7g.large]}\n';
    const m = await model(NETWORK, `${pool('default', 'default', requirements)}---${nodeClass('default', '  - tags: {karpenter.sh/discovery: prod}')}`);
    const g = group(m, 'default');
    expect(g?.props).toMatchObject({ nodeGroupType: 'karpenter', capacityType: 'SPOT', instanceTypes: ['c7g.large', 'm7g.large'], subnets: subnetIds('PrivateA', 'PrivateB') });
    // NotIn narrows nothing that is drawn: not read as the instance types.
    expect(m.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: g?.id, to: 'Cluster:prod', rule: 'J16', confidence: 'medium' }));
    expect(m.findings.filter((f) => f.entity === g?.id)).toEqual([]);
    // A node role no input defines is a stand-in the group assumes.
    expect(m.entities.find((e) => e.id === 'IamRole:KarpenterNodeRole-prod')?.props).toEqual({ roleName: 'KarpenterNodeRole-prod', external: true });
    expect(m.relations).toContainEqual(expect.objectContaining({ type: 'assumes', from: g?.id, to: 'IamRole:KarpenterNodeRole-prod', rule: 'J16' }));
  });

  it('selects by id (status and id terms): the eksctl subnets with those ids', async () => {
    const eksctl = `
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: eu-west-1}
vpc:
  id: vpc-0abc
  subnets:
    private:
      eu-west-1a: {id: subnet-0aaa}
      eu-west-1b: {id: subnet-0bbb}
      eu-west-1c: {id: subnet-0ccc}
`;
    const status = 'status:\n  subnets:\n  - {id: subnet-0aaa, zone: eu-west-1a}\n';
    const m = await model(eksctl, `${pool('ids', 'ids')}---${nodeClass('ids', '  - {id: subnet-0bbb}', status)}`);
    const subnets = group(m, 'ids')?.props['subnets'];
    expect(Array.isArray(subnets) ? subnets.map((id) => m.entities.find((e) => e.id === id)?.props['subnetId']) : subnets).toEqual(['subnet-0aaa', 'subnet-0bbb']);
  });

  it('selects the subnets eksctl creates by the discovery tag of metadata.tags (the eksctl getting-started setup)', async () => {
    const eksctl = `
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: eu-west-1, tags: {karpenter.sh/discovery: prod}}
availabilityZones: [eu-west-1a, eu-west-1b]
karpenter: {version: '1.0.0'}
`;
    const m = await model(eksctl, `${pool('default', 'default')}---${nodeClass('default', '  - tags: {karpenter.sh/discovery: prod}', '', 'eksctl-KarpenterNodeRole-prod')}`);
    const subnets = group(m, 'default')?.props['subnets'];
    // The node role eksctl creates for Karpenter, which the EC2NodeClass names.
    const role = m.entities.find((e) => e.id === 'IamRole:eksctl-KarpenterNodeRole-prod');
    expect(role?.props).toMatchObject({ stackName: 'eksctl-prod-karpenter', trustPrincipals: ['Service:ec2.amazonaws.com'] });
    expect(role?.props['managedPolicyArns']).toContain('arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy');
    expect(m.relations).toContainEqual(expect.objectContaining({ type: 'assumes', from: 'NodeGroup:prod/default', to: role?.id, rule: 'J16', confidence: 'high' }));
    // eksctl's stack tags reach every subnet it creates, public and private alike (as in AWS).
    expect(subnets).toEqual(['Subnet:eksctl:prod/private/eu-west-1a', 'Subnet:eksctl:prod/private/eu-west-1b', 'Subnet:eksctl:prod/public/eu-west-1a', 'Subnet:eksctl:prod/public/eu-west-1b']);
    expect(m.diagnostics.filter((d) => d.code === 'link/karpenter-subnets-unmatched')).toEqual([]);
  });

  it('a * tag value matches any value; tags within a term are ANDed; a term that matches nothing is told', async () => {
    const any = await model(NETWORK, `${pool('any', 'any')}---${nodeClass('any', '  - tags: {karpenter.sh/discovery: "*"}')}`);
    expect(group(any, 'any')?.props['subnets']).toEqual(subnetIds('PrivateA', 'PrivateB'));
    const none = await model(NETWORK, `${pool('none', 'none')}---${nodeClass('none', '  - tags: {karpenter.sh/discovery: "*", tier: edge}')}`);
    expect(group(none, 'none')?.props['subnets']).toBeUndefined();
    expect(none.diagnostics.filter((d) => d.code === 'link/karpenter-subnets-unmatched').map((d) => d.message)).toEqual([
      'EC2NodeClass none: no subnet of the inputs matches its subnetSelectorTerms (J16 unresolved)',
    ]);
  });

  it('places the pool of observed nodes (J10 made the group) and reports public subnets (NET-03) and one AZ (REL-05)', async () => {
    const nodes = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'ip-10-0-3-9', labels: { 'karpenter.sh/nodepool': 'edge', 'alpha.eksctl.io/cluster-name': 'prod' } }, spec: { providerID: 'aws:///eu-west-1a/i-0abc' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.3.9' }] } }],
    });
    const zone = '      - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a]}\n';
    const m = await model(NETWORK, nodes, `${pool('edge', 'edge', zone)}---${nodeClass('edge', '  - tags: {tier: edge}')}`);
    const g = group(m, 'edge');
    expect(g?.props).toMatchObject({ nodeGroupType: 'karpenter', availabilityZones: ['eu-west-1a'], subnets: subnetIds('Public') });
    expect(m.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: 'Node:ip-10-0-3-9', to: g?.id, rule: 'J16' }));
    expect(m.findings.filter((f) => f.entity === g?.id).map((f) => f.message)).toEqual([
      'NodeGroup prod/edge: nodes are placed in public subnet(s) Public',
      'NodeGroup prod/edge: its NodePool can only launch nodes in one AZ (eu-west-1a)',
    ]);
  });

  it('an Auto Mode pool (EKS NodeClass) is an auto-mode group and reads no EC2NodeClass', async () => {
    const m = await model(NETWORK, `${pool('system', 'default', '', 'eks.amazonaws.com')}---${nodeClass('default', '  - tags: {karpenter.sh/discovery: prod}')}`);
    expect(group(m, 'system')?.props).toMatchObject({ nodeGroupType: 'auto-mode' });
    expect(group(m, 'system')?.props['subnets']).toBeUndefined();
  });
});
