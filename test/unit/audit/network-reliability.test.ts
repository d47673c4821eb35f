import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/audit/engine.js';
import type { AuditRule } from '../../../src/audit/rule.js';
import karpenterOnKarpenter from '../../../src/audit/rules/karpenter-on-karpenter.js';
import lbNotSourceRestricted from '../../../src/audit/rules/lb-not-source-restricted.js';
import lbWithoutTls from '../../../src/audit/rules/lb-without-tls.js';
import privateEndpointDisabled from '../../../src/audit/rules/private-endpoint-disabled.js';
import namespaceNetworkPolicy from '../../../src/audit/rules/namespace-network-policy.js';
import nodesPublicSubnets from '../../../src/audit/rules/nodes-public-subnets.js';
import serviceRoutingGaps from '../../../src/audit/rules/service-routing-gaps.js';
import sharedAlbGroup from '../../../src/audit/rules/shared-alb-group.js';
import singleAzCapacity from '../../../src/audit/rules/single-az-capacity.js';
import ebsVolumeZone from '../../../src/audit/rules/ebs-volume-zone.js';
import singleNatGateway from '../../../src/audit/rules/single-nat-gateway.js';
import singletonWorkload from '../../../src/audit/rules/singleton-workload.js';
import sshOpenToInternet from '../../../src/audit/rules/ssh-open-to-internet.js';
import workloadWithoutPdb from '../../../src/audit/rules/workload-without-pdb.js';
import { ModelGraph } from '../../../src/model/graph.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { tempFile } from '../kubernetes/helpers.js';

/** Imports the texts through the real pipeline, rebuilds the linked graph and runs one rule. */
async function messages(rule: AuditRule, ...texts: string[]): Promise<string[]> {
  const model = await importArchitecture(texts.map((t) => tempFile(t)));
  const graph = new ModelGraph();
  for (const e of model.entities) graph.addEntity(e);
  for (const r of model.relations) graph.addRelation(r);
  const findings = runAudit(graph, [rule]);
  for (const f of findings) expect(f).toMatchObject({ rule: rule.id, severity: rule.severity, file: expect.any(String), line: expect.any(Number) });
  return findings.map((f) => f.message).sort();
}

const eksctl = (body: string): string => `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: c1
  region: eu-west-1
availabilityZones: [eu-west-1a, eu-west-1b]
${body}`;

/** A managed node group ng-cfn of cluster c1 with `properties` (indented as its other properties), after `head`. */
const cfnNodegroup = (properties: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: c1
      NodegroupName: ng-cfn
      NodeRole: arn:aws:iam::111122223333:role/nodes
      ${properties}
`;

const cfnNetwork = (secondAz: string, natForB: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  PublicA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a }
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a }
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: ${secondAz} }
  NatA:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: !Ref PublicA, AllocationId: eipalloc-1 }
  NatB:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: !Ref PublicA, AllocationId: eipalloc-2 }
  TableA:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  TableB:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  RouteA:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref TableA, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatA }
  RouteB:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref TableB, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref ${natForB} }
  AssocA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PrivateA, RouteTableId: !Ref TableA }
  AssocB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PrivateB, RouteTableId: !Ref TableB }
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: c2
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: { SubnetIds: [!Ref PrivateA, !Ref PrivateB] }
  Workers:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodegroupName: workers
      NodeRole: arn:aws:iam::111122223333:role/node
      Subnets: [!Ref PrivateA, !Ref PrivateB]
`;

describe('NET-02 eks/private-endpoint-disabled', () => {
  it('reports a CloudFormation cluster (private access unset: false) whose node group is in NAT-routed subnets', async () => {
    expect(await messages(privateEndpointDisabled, cfnNetwork('eu-west-1b', 'NatB'))).toEqual([
      'cluster c2: private endpoint access is off (the default), but node group workers runs in private subnets PrivateA, PrivateB; their API traffic leaves the VPC through NAT to the public endpoint',
    ]);
  });

  it('reports eksctl groups and Fargate profiles in its private subnets, with a declared false', async () => {
    const body = 'vpc:\n  clusterEndpoints: { privateAccess: false, publicAccess: true }\nmanagedNodeGroups:\n  - name: ng-1\n    privateNetworking: true\n  - name: edge\nfargateProfiles:\n  - name: fp\n    selectors: [{ namespace: jobs }]\n';
    expect(await messages(privateEndpointDisabled, eksctl(body))).toEqual([
      'cluster c1: private endpoint access is off, but Fargate profile fp runs in private subnets private/eu-west-1a, private/eu-west-1b; node group ng-1 runs in private subnets private/eu-west-1a, private/eu-west-1b; their API traffic leaves the VPC through NAT to the public endpoint',
    ]);
  });

  it('passes private access on, groups in public subnets only, and an unresolved flag', async () => {
    const on = cfnNetwork('eu-west-1b', 'NatB').replace('SubnetIds: [!Ref PrivateA, !Ref PrivateB] }', 'SubnetIds: [!Ref PrivateA, !Ref PrivateB], EndpointPrivateAccess: true }');
    const unresolved = `Parameters:\n  Private: { Type: String }\n${cfnNetwork('eu-west-1b', 'NatB').replace('SubnetIds: [!Ref PrivateA, !Ref PrivateB] }', 'SubnetIds: [!Ref PrivateA, !Ref PrivateB], EndpointPrivateAccess: !Ref Private }')}`;
    expect(await messages(privateEndpointDisabled, on)).toEqual([]);
    expect(await messages(privateEndpointDisabled, unresolved)).toEqual([]);
    expect(await messages(privateEndpointDisabled, eksctl('managedNodeGroups:\n  - name: ng-1\n'))).toEqual([]);
    expect(await messages(privateEndpointDisabled, eksctl('privateCluster: { enabled: true }\nmanagedNodeGroups:\n  - name: ng-1\n'))).toEqual([]);
  });
});

describe('NET-03 net/nodes-public-subnets', () => {
  it('reports an eksctl node group in the public subnets (privateNetworking defaulted)', async () => {
    expect(await messages(nodesPublicSubnets, eksctl('managedNodeGroups:\n  - name: ng-1\n'))).toEqual([
      'NodeGroup c1/ng-1: nodes are placed in public subnet(s) public/eu-west-1a, public/eu-west-1b (privateNetworking: false, the eksctl default)',
    ]);
  });

  it('passes a group with privateNetworking: true', async () => {
    expect(await messages(nodesPublicSubnets, eksctl('managedNodeGroups:\n  - name: ng-1\n    privateNetworking: true\n'))).toEqual([]);
  });

  it('passes a CloudFormation group in NAT-routed subnets', async () => {
    expect(await messages(nodesPublicSubnets, cfnNetwork('eu-west-1b', 'NatB'))).toEqual([]);
  });

  /** An eksctl-style node group stack whose subnets are the cluster stack's export (not among the inputs). */
  const importing = (output: string): string => cfnNodegroup(`Subnets: !Split [',', !ImportValue eksctl-c1-cluster::${output}]`);

  it("reports a CloudFormation group whose subnets import an eksctl cluster's public subnets, bound or not", async () => {
    expect(await messages(nodesPublicSubnets, importing('SubnetsPublic'))).toEqual([
      "NodeGroup ng-cfn: its subnets are an import of eksctl cluster c1's public subnets (Fn::ImportValue eksctl-c1-cluster::SubnetsPublic)",
    ]);
    // With the cluster's ClusterConfig the import is bound to its public subnets (J6, B.9 step 9).
    expect(await messages(nodesPublicSubnets, importing('SubnetsPublic'), eksctl(''))).toEqual([
      'NodeGroup c1/ng-cfn: nodes are placed in public subnet(s) public/eu-west-1a, public/eu-west-1b',
    ]);
  });

  it("passes a CloudFormation group importing an eksctl cluster's private subnets", async () => {
    expect(await messages(nodesPublicSubnets, importing('SubnetsPrivate'))).toEqual([]);
    expect(await messages(nodesPublicSubnets, importing('SubnetsPrivate'), eksctl(''))).toEqual([]);
  });
});

describe('NET-04 net/ssh-open-to-internet', () => {
  it('reports eksctl groups with SSH on (allow, or a public key with allow unset) and no source security groups in public subnets', async () => {
    const body = `managedNodeGroups:
  - name: allowed
    ssh: { allow: true }
  - name: keyed
    ssh: { publicKeyName: ops }
  - name: keyed-closed
    ssh: { publicKeyName: ops, allow: false }
  - name: restricted
    ssh: { allow: true, sourceSecurityGroupIds: [sg-bastion] }
  - name: private
    privateNetworking: true
    ssh: { allow: true }
  - name: closed
`;
    expect(await messages(sshOpenToInternet, eksctl(body))).toEqual([
      'NodeGroup c1/allowed: SSH is allowed without ssh.sourceSecurityGroupIds and privateNetworking is false (the eksctl default), so eksctl opens port 22 to 0.0.0.0/0 and ::/0',
      'NodeGroup c1/keyed: SSH is allowed without ssh.sourceSecurityGroupIds and privateNetworking is false (the eksctl default), so eksctl opens port 22 to 0.0.0.0/0 and ::/0',
    ]);
  });

  const managed = (remoteAccess: string): string =>
    cfnNodegroup(`Subnets: [subnet-1]\n      ${remoteAccess}`, "Parameters:\n  Restrict: { Type: String, AllowedValues: ['yes', 'no'] }\nConditions:\n  Restricted: !Equals [!Ref Restrict, 'yes']\n");

  it('reports a CloudFormation managed group whose RemoteAccess has no SourceSecurityGroups', async () => {
    expect(await messages(sshOpenToInternet, managed('RemoteAccess: { Ec2SshKey: ops }'))).toEqual([
      'NodeGroup ng-cfn: RemoteAccess has no SourceSecurityGroups, so EKS opens port 22 of its nodes to 0.0.0.0/0',
    ]);
  });

  it('passes RemoteAccess with SourceSecurityGroups, no RemoteAccess, and RemoteAccess that a condition may drop', async () => {
    expect(await messages(sshOpenToInternet, managed('RemoteAccess: { Ec2SshKey: ops, SourceSecurityGroups: [sg-1] }'))).toEqual([]);
    expect(await messages(sshOpenToInternet, managed(''))).toEqual([]);
    expect(await messages(sshOpenToInternet, managed("RemoteAccess: !If [Restricted, { Ec2SshKey: ops }, !Ref 'AWS::NoValue']"))).toEqual([]);
  });
});

describe('NET-08 k8s/lb-without-tls', () => {
  const service = (name: string, annotations = '', scheme = 'internet-facing'): string =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\n  annotations: { service.beta.kubernetes.io/aws-load-balancer-type: external, service.beta.kubernetes.io/aws-load-balancer-scheme: ${scheme}${annotations} }\nspec:\n  type: LoadBalancer\n  ports: [{ port: 443 }]\n`;
  const ingress = (name: string, annotations = '', spec = ''): string =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: shop\n  annotations: { alb.ingress.kubernetes.io/scheme: internet-facing${annotations} }\nspec:\n  ingressClassName: alb\n  defaultBackend: { service: { name: web, port: { number: 80 } } }\n${spec}`;
  const CERT = ', alb.ingress.kubernetes.io/certificate-arn: "arn:aws:acm:eu-west-1:111122223333:certificate/abc"';

  it('reports NLBs without a certificate and ALBs without HTTPS', async () => {
    const texts = [service('plain'), ingress('open'), ingress('http-only', `${CERT}, alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}]'`)];
    expect(await messages(lbWithoutTls, texts.join('---\n'))).toEqual([
      'LoadBalancer k8s-shop-http-only (Ingress shop/http-only): internet-facing ALB without TLS (listen-ports [{"HTTP": 80}] name no HTTPS port)',
      'LoadBalancer k8s-shop-open (Ingress shop/open): internet-facing ALB without TLS (no alb.ingress.kubernetes.io/certificate-arn, no spec.tls: the controller listens on HTTP:80 only)',
      'LoadBalancer k8s-shop-plain (Service shop/plain): internet-facing load balancer without TLS (no service.beta.kubernetes.io/aws-load-balancer-ssl-cert)',
    ]);
  });

  it('passes certificates (annotation, spec.tls, one member of a group), HTTPS listen-ports and internal load balancers', async () => {
    const group = ', alb.ingress.kubernetes.io/group.name: public';
    const texts = [
      service('tls', ', service.beta.kubernetes.io/aws-load-balancer-ssl-cert: "arn:aws:acm:eu-west-1:111122223333:certificate/abc"'),
      service('inside', '', 'internal'),
      ingress('annotated', CERT),
      ingress('discovered', '', '  tls: [{ hosts: [shop.example.com] }]\n'),
      ingress('https', `${CERT}, alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'`),
      ingress('member-a', `${group}${CERT}`),
      ingress('member-b', group),
    ];
    expect(await messages(lbWithoutTls, texts.join('---\n'))).toEqual([]);
  });
});

describe('NET-09 k8s/lb-not-source-restricted', () => {
  const service = (name: string, extra: string, annotations = ''): string =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\n  annotations: { service.beta.kubernetes.io/aws-load-balancer-type: external, service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing${annotations} }\nspec:\n  type: LoadBalancer\n  ports: [{ port: 443 }]\n${extra}`;
  const ingress = (name: string, annotations: string): string =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: shop\n  annotations: { alb.ingress.kubernetes.io/scheme: ${annotations} }\nspec:\n  ingressClassName: alb\n  defaultBackend: { service: { name: open, port: { number: 443 } } }\n`;

  it('reports internet-facing load balancers without client ranges, or with ranges that include 0.0.0.0/0 or ::/0', async () => {
    const texts = [
      service('open', ''),
      service('world', '  loadBalancerSourceRanges: [0.0.0.0/0, ::/0]\n'),
      service('mixed', '', ', service.beta.kubernetes.io/load-balancer-source-ranges: "198.51.100.0/24, 0.0.0.0/0"'),
      ingress('api', 'internet-facing, alb.ingress.kubernetes.io/inbound-cidrs: 0.0.0.0/0'),
    ];
    expect(await messages(lbNotSourceRestricted, texts.join('---\n'))).toEqual([
      'Ingress shop/api: internet-facing load balancer k8s-shop-api accepts clients from any address (alb.ingress.kubernetes.io/inbound-cidrs 0.0.0.0/0)',
      'Service shop/mixed: internet-facing load balancer k8s-shop-mixed accepts clients from any address (service.beta.kubernetes.io/load-balancer-source-ranges 198.51.100.0/24, 0.0.0.0/0)',
      'Service shop/open: internet-facing load balancer k8s-shop-open accepts clients from any address (no loadBalancerSourceRanges)',
      'Service shop/world: internet-facing load balancer k8s-shop-world accepts clients from any address (loadBalancerSourceRanges 0.0.0.0/0, ::/0)',
    ]);
  });

  it('passes restricted ranges (spec, annotation, inbound-cidrs) and internal load balancers', async () => {
    const texts = [
      service('spec', '  loadBalancerSourceRanges: [203.0.113.0/24]\n'),
      service('annotated', '', ', service.beta.kubernetes.io/load-balancer-source-ranges: "198.51.100.0/24, 192.0.2.0/24"'),
      service('internal', '').replace('aws-load-balancer-scheme: internet-facing', 'aws-load-balancer-scheme: internal'),
      ingress('office', 'internet-facing, alb.ingress.kubernetes.io/inbound-cidrs: "10.0.0.0/8,192.0.2.0/24"'),
      ingress('private', 'internal'),
    ];
    expect(await messages(lbNotSourceRestricted, texts.join('---\n'))).toEqual([]);
  });
});

describe('NET-10 k8s/shared-alb-group', () => {
  const ingress = (ns: string, name: string, group: string): string =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  annotations: { alb.ingress.kubernetes.io/scheme: internet-facing${group ? `, alb.ingress.kubernetes.io/group.name: ${group}` : ''} }\nspec:\n  ingressClassName: alb\n  defaultBackend: { service: { name: web, port: { number: 80 } } }\n`;

  it('reports a group whose Ingresses are in several namespaces, once, at its load balancer', async () => {
    const texts = [ingress('shop', 'web', 'public'), ingress('shop', 'api', 'public'), ingress('billing', 'pay', 'public')];
    expect(await messages(sharedAlbGroup, texts.join('---\n'))).toEqual([
      'LoadBalancer k8s-public: IngressGroup public joins Ingresses of 2 namespaces (billing/pay, shop/api, shop/web); each of them can change the listeners and rules of all',
    ]);
  });

  it('passes a group within one namespace and Ingresses without a group', async () => {
    const texts = [ingress('shop', 'web', 'shop'), ingress('shop', 'api', 'shop'), ingress('billing', 'pay', ''), ingress('ops', 'grafana', '')];
    expect(await messages(sharedAlbGroup, texts.join('---\n'))).toEqual([]);
  });
});

describe('NET-06 net/single-nat-gateway', () => {
  it('reports eksctl\'s default single NAT gateway', async () => {
    expect(await messages(singleNatGateway, eksctl('managedNodeGroups:\n  - name: ng-1\n    privateNetworking: true\n'))).toEqual([
      'NatGateway NATGateway: one NAT gateway in eu-west-1a serves private subnets in 2 AZs (eu-west-1a, eu-west-1b)',
    ]);
  });

  it('passes eksctl HighlyAvailable NAT gateways', async () => {
    expect(await messages(singleNatGateway, eksctl('vpc:\n  nat:\n    gateway: HighlyAvailable\n'))).toEqual([]);
  });

  it('reports a CloudFormation NAT gateway that is the default route of two AZs', async () => {
    expect(await messages(singleNatGateway, cfnNetwork('eu-west-1b', 'NatA'))).toEqual([
      'NatGateway NatA: one NAT gateway in eu-west-1a serves private subnets in 2 AZs (eu-west-1a, eu-west-1b)',
    ]);
  });

  it('passes one NAT gateway per AZ, and counts no placeholder AZ', async () => {
    expect(await messages(singleNatGateway, cfnNetwork('eu-west-1b', 'NatB'))).toEqual([]);
    expect(await messages(singleNatGateway, cfnNetwork("!Select [1, !GetAZs '']", 'NatA'))).toEqual([]);
  });
});

describe('REL-07 rel/ebs-volume-zone-without-capacity', () => {
  const pv = (name: string, zone: string, driver = 'ebs.csi.aws.com'): string =>
    `---\napiVersion: v1\nkind: PersistentVolume\nmetadata: { name: ${name} }\nspec:\n  capacity: { storage: 10Gi }\n  accessModes: [ReadWriteOnce]\n  claimRef: { namespace: shop, name: data-${name} }\n  csi: { driver: ${driver}, volumeHandle: vol-${name} }\n  nodeAffinity:\n    required:\n      nodeSelectorTerms: [{ matchExpressions: [{ key: topology.ebs.csi.aws.com/zone, operator: In, values: [${zone}] }] }]\n`;

  it('reports an EBS volume in an AZ none of the node groups launches in', async () => {
    expect(await messages(ebsVolumeZone, eksctl('managedNodeGroups:\n  - name: ng-1\n'), `${pv('old', 'eu-west-1c')}${pv('ok', 'eu-west-1a')}`)).toEqual([
      'PersistentVolume old (EBS, bound to shop/data-old) is pinned to eu-west-1c, where no node group of cluster c1 can launch nodes (they launch in eu-west-1a, eu-west-1b)',
    ]);
  });

  it('passes other drivers, and clusters whose capacity zones are not all known or that have no node groups', async () => {
    expect(await messages(ebsVolumeZone, eksctl('managedNodeGroups:\n  - name: ng-1\n'), pv('efs', 'eu-west-1c', 'efs.csi.aws.com'))).toEqual([]);
    expect(await messages(ebsVolumeZone, eksctl(''), pv('old', 'eu-west-1c'))).toEqual([]);
    expect(await messages(ebsVolumeZone, pv('old', 'eu-west-1c'))).toEqual([]);
  });
});

describe('REL-05 rel/single-az-capacity', () => {
  it('reports node groups and a cluster confined to one AZ', async () => {
    const body = 'managedNodeGroups:\n  - name: a\n    availabilityZones: [eu-west-1a]\n  - name: b\n    availabilityZones: [eu-west-1a]\n';
    expect(await messages(singleAzCapacity, eksctl(body))).toEqual([
      'NodeGroup c1/a: all its subnets are in one AZ (eu-west-1a)',
      'NodeGroup c1/b: all its subnets are in one AZ (eu-west-1a)',
      'cluster c1: all 2 node groups / Fargate profiles are in one AZ (eu-west-1a)',
    ]);
  });

  it('passes groups spread over two AZs', async () => {
    expect(await messages(singleAzCapacity, eksctl('managedNodeGroups:\n  - name: a\n'))).toEqual([]);
    expect(await messages(singleAzCapacity, cfnNetwork('eu-west-1b', 'NatB'))).toEqual([]);
  });

  it('reports nothing when a subnet AZ is a placeholder', async () => {
    expect(await messages(singleAzCapacity, cfnNetwork("!Select [1, !GetAZs '']", 'NatB'))).toEqual([]);
  });
});

const deployment = (name: string, ns: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
${extra}  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: app, image: 'nginx:1.27' }] }
`;

describe('NET-07 net/namespace-without-network-policy', () => {
  it('reports a namespace with a workload and no NetworkPolicy', async () => {
    expect(await messages(namespaceNetworkPolicy, deployment('web', 'shop'))).toEqual(['Namespace shop: runs 1 workload(s) but has no NetworkPolicy']);
  });

  it('reports a namespace whose NetworkPolicies select none of its pods', async () => {
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: other, namespace: shop }\nspec: { podSelector: { matchLabels: { app: other } } }\n';
    expect(await messages(namespaceNetworkPolicy, `${deployment('web', 'shop')}---\n${np}`)).toEqual([
      'Namespace shop: runs 1 workload(s) but none of its 1 NetworkPolicy object(s) selects their pods',
    ]);
  });

  it('passes a default-deny policy, and does not judge kube-system', async () => {
    const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: shop }\nspec: { podSelector: {}, policyTypes: [Ingress] }\n';
    expect(await messages(namespaceNetworkPolicy, `${deployment('web', 'shop')}---\n${deny}---\n${deployment('dns', 'kube-system')}`)).toEqual([]);
  });
});

const service = (name: string, app: string, port = 80): string =>
  `apiVersion: v1\nkind: Service\nmetadata: { name: ${name}, namespace: shop }\nspec: { selector: { app: ${app} }, ports: [{ port: ${port} }] }\n`;
const ingress = (backends: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web, namespace: shop }\nspec:\n  rules:\n    - http:\n        paths:\n${backends}`;
const backend = (svc: string, port: number): string => `          - { path: /${svc}, pathType: Prefix, backend: { service: { name: ${svc}, port: { number: ${port} } } } }\n`;

describe('NET-11 net/dangling-service-route', () => {
  it('reports a selector matching nothing and Ingress backends to a missing Service or port', async () => {
    const text = [deployment('web', 'shop'), service('web', 'web'), service('ghost', 'ghost'), ingress(backend('web', 8080) + backend('nope', 80))].join('---\n');
    expect(await messages(serviceRoutingGaps, text)).toEqual([
      'Ingress shop/web: backend Service nope does not exist',
      'Ingress shop/web: backend Service web has no port 8080',
      'Service shop/ghost: selector app=ghost matches no pod or workload',
    ]);
  });

  it('passes a Service selecting a workload and an Ingress to its port', async () => {
    const text = [deployment('web', 'shop'), service('web', 'web'), ingress(backend('web', 80))].join('---\n');
    expect(await messages(serviceRoutingGaps, text)).toEqual([]);
  });

  it('does not judge namespaces whose workloads (or Services) are not in the inputs', async () => {
    expect(await messages(serviceRoutingGaps, [service('ghost', 'ghost'), ingress(backend('nope', 80)).replace('namespace: shop', 'namespace: edge')].join('---\n'))).toEqual([]);
  });
});

const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: web, namespace: shop }\nspec: { minAvailable: 1, selector: { matchLabels: { app: web } } }\n';

describe('REL-01 rel/no-pod-disruption-budget', () => {
  it('reports a multi-replica Deployment without a PDB', async () => {
    expect(await messages(workloadWithoutPdb, deployment('web', 'shop', '  replicas: 3\n'))).toEqual([
      'Deployment shop/web: 3 replicas and no PodDisruptionBudget selects its pods',
    ]);
  });

  it('passes a covered Deployment and a single-replica one', async () => {
    expect(await messages(workloadWithoutPdb, `${deployment('web', 'shop', '  replicas: 3\n')}---\n${pdb}---\n${deployment('one', 'shop', '  replicas: 1\n')}`)).toEqual([]);
  });
});

describe('REL-02 rel/singleton-workload', () => {
  it('reports single-replica user workloads and a running bare Pod', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: debug, namespace: shop }\nspec: { containers: [{ name: a, image: busybox:1.36 }] }\nstatus: { phase: Running }\n';
    expect(await messages(singletonWorkload, [deployment('one', 'shop', '  replicas: 1\n'), deployment('unset', 'shop'), pod].join('---\n'))).toEqual([
      'Deployment shop/one: runs a single replica (replicas: 1)',
      'Deployment shop/unset: runs a single replica (replicas not set, default 1)',
      'Pod shop/debug: bare Pod without a controller (not recreated if its node fails)',
    ]);
  });

  it('passes replicated, HPA-scaled, kube-system workloads and manifest Pods without a phase', async () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: scaled, namespace: shop }\nspec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: scaled }, minReplicas: 2, maxReplicas: 5 }\n';
    const hook = 'apiVersion: v1\nkind: Pod\nmetadata: { name: test, namespace: shop }\nspec: { restartPolicy: Never, containers: [{ name: a, image: busybox:1.36 }] }\n';
    const texts = [deployment('many', 'shop', '  replicas: 2\n'), deployment('scaled', 'shop'), hpa, deployment('dns', 'kube-system', '  replicas: 1\n'), hook];
    expect(await messages(singletonWorkload, texts.join('---\n'))).toEqual([]);
  });
});

const node = (name: string, labels: string): string => `apiVersion: v1\nkind: Node\nmetadata: { name: ${name}, labels: { ${labels} } }\n`;
const pod = (name: string, nodeName: string, owner: string, spec = "containers: [{ name: controller, image: 'public.ecr.aws/karpenter/controller:1.0.8@sha256:abc' }]"): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: kube-system\n  ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: ${owner}, uid: u-${owner}, controller: true }]\nspec: { nodeName: ${nodeName}, ${spec} }\nstatus: { phase: Running }\n`;

describe('REL-11 k8s/karpenter-on-karpenter-nodes', () => {
  const chart = `apiVersion: apps/v1
kind: Deployment
metadata: { name: karpenter, namespace: kube-system, uid: u-dep, labels: { app.kubernetes.io/name: karpenter } }
spec:
  replicas: 2
  selector: { matchLabels: { app.kubernetes.io/name: karpenter } }
  template:
    metadata: { labels: { app.kubernetes.io/name: karpenter } }
    spec: { containers: [{ name: controller, image: 'public.ecr.aws/karpenter/controller:1.0.8' }] }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: karpenter-7d9
  namespace: kube-system
  uid: u-karpenter-7d9
  ownerReferences: [{ apiVersion: apps/v1, kind: Deployment, name: karpenter, uid: u-dep, controller: true }]
spec: { selector: { matchLabels: { app.kubernetes.io/name: karpenter } } }
`;

  it('reports the Deployment whose pods run on nodes Karpenter launched, once, naming the nodes', async () => {
    const texts = [chart, node('ip-10-0-1-5', 'karpenter.sh/nodepool: default'), node('ip-10-0-2-6', 'karpenter.sh/nodepool: default'), pod('karpenter-7d9-a', 'ip-10-0-1-5', 'karpenter-7d9'), pod('karpenter-7d9-b', 'ip-10-0-2-6', 'karpenter-7d9')];
    expect(await messages(karpenterOnKarpenter, texts.join('---\n'))).toEqual([
      'Deployment kube-system/karpenter: the Karpenter controller runs on nodes Karpenter launched (ip-10-0-1-5 (NodePool default), ip-10-0-2-6 (NodePool default))',
    ]);
  });

  it('groups the pods of an owner missing from the inputs by the image, and reads v1alpha5 provisioner labels', async () => {
    const texts = [node('n1', 'karpenter.sh/provisioner-name: spot'), node('n2', 'eks.amazonaws.com/nodegroup: system'), pod('karpenter-5f-a', 'n1', 'karpenter-5f'), pod('karpenter-5f-b', 'n2', 'karpenter-5f')];
    const found = await messages(karpenterOnKarpenter, texts.join('---\n'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/: the Karpenter controller runs on node Karpenter launched \(n1 \(Provisioner spot\)\)$/);
  });

  it.each([
    ['on a managed node group', node('n1', 'eks.amazonaws.com/nodegroup: system')],
    ['on Fargate', node('fargate-ip-10-0-1-5', 'eks.amazonaws.com/compute-type: fargate')],
    ['on EKS Auto Mode nodes (J17: AWS runs their Karpenter)', node('n1', 'karpenter.sh/nodepool: system, eks.amazonaws.com/compute-type: auto')],
  ])('passes the controller %s', async (_name, text) => {
    expect(await messages(karpenterOnKarpenter, [chart, text, pod('karpenter-7d9-a', text.includes('fargate') ? 'fargate-ip-10-0-1-5' : 'n1', 'karpenter-7d9')].join('---\n'))).toEqual([]);
  });

  it('passes other pods on Karpenter nodes and a controller whose node is not in the inputs', async () => {
    const web = pod('web-1', 'n1', 'web-6c', "containers: [{ name: app, image: 'nginx:1.27' }]");
    expect(await messages(karpenterOnKarpenter, [node('n1', 'karpenter.sh/nodepool: default'), web, pod('karpenter-5f-a', 'elsewhere', 'karpenter-5f')].join('---\n'))).toEqual([]);
  });
});
