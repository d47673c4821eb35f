/**
 * POD-01, POD-02, POD-10, REL-08, REL-09, REL-10, REL-12, REL-13: each rule over models built from
 * small files through the real pipeline (front ends + link passes), then `runAudit` with that rule only.
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/audit/engine.js';
import type { AuditRule } from '../../../src/audit/rule.js';
import corednsReplicas from '../../../src/audit/rules/coredns-replicas.js';
import defaultNamespace from '../../../src/audit/rules/default-namespace.js';
import fargateIncompatiblePod from '../../../src/audit/rules/fargate-incompatible-pod.js';
import fargatePublicSubnet from '../../../src/audit/rules/fargate-public-subnet.js';
import hostNamespaces from '../../../src/audit/rules/host-namespaces.js';
import imageLatest from '../../../src/audit/rules/image-latest-tag.js';
import imageRegistry, { registryOf } from '../../../src/audit/rules/image-registry.js';
import kubeletVersionSkew, { parseMinor } from '../../../src/audit/rules/kubelet-version-skew.js';
import privilegedContainer from '../../../src/audit/rules/privileged-container.js';
import secretInEnv from '../../../src/audit/rules/secret-in-env.js';
import secretLikeEnv from '../../../src/audit/rules/secret-like-env.js';
import spotOnlyWorkload from '../../../src/audit/rules/spot-only-workload.js';
import type { Finding } from '../../../src/model/architecture.js';
import { ModelGraph } from '../../../src/model/graph.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { tempFile } from '../kubernetes/helpers.js';

/** Imports the files (YAML unless named `*.json`) and runs one rule over the linked model. */
async function audit(rule: AuditRule, ...files: string[]): Promise<Finding[]> {
  const paths = files.map((text) => tempFile(text, text.trimStart().startsWith('{') ? 'json' : 'yaml'));
  const model = await importArchitecture(paths, { cwd: dirname(paths[0] ?? '.') });
  const graph = new ModelGraph();
  for (const e of model.entities) graph.addEntity(e);
  for (const r of model.relations) graph.addRelation(r);
  const findings = runAudit(graph, [rule]);
  for (const f of findings) expect(f).toMatchObject({ rule: rule.id, severity: rule.severity, file: expect.any(String), line: expect.any(Number) });
  return findings;
}

const messages = (findings: readonly Finding[]): string[] => findings.map((f) => f.message);

const deployment = (ns: string | undefined, name: string, podSpec: string, extra = ''): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${ns === undefined ? '' : `  namespace: ${ns}\n`}spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${podSpec}
${extra}`;

const daemonSet = (ns: string, name: string, podSpec: string): string => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${podSpec}
`;

const plain = `      containers:
      - {name: app, image: "app:1.0"}`;
const privileged = `      containers:
      - {name: app, image: "app:1.0"}
      - name: agent
        image: "agent:1.0"
        securityContext: {privileged: true}`;
const hostNet = `      hostNetwork: true
      containers:
      - {name: app, image: "app:1.0"}`;

/** A dump (kind: List) with a Deployment, its ReplicaSet and pods, as kubectl writes them. */
function ownedDump(opts: { ns: string; name: string; replicas: number; nodes: string[]; container?: string; nodeSelector?: string }): string {
  const container = opts.container ?? '{"name": "app", "image": "app:1.0"}';
  const nodeSelector = opts.nodeSelector ? `, "nodeSelector": ${opts.nodeSelector}` : '';
  const podSpec = (node?: string): string => `{"containers": [${container}]${nodeSelector}${node ? `, "nodeName": "${node}"` : ''}}`;
  const rs = `${opts.name}-5d8f7c9b6`;
  const items = [
    `{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "${opts.name}", "namespace": "${opts.ns}", "uid": "d-1"},
      "spec": {"replicas": ${opts.replicas}, "selector": {"matchLabels": {"app": "${opts.name}"}}, "template": {"metadata": {"labels": {"app": "${opts.name}"}}, "spec": ${podSpec()}}}}`,
    `{"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "${rs}", "namespace": "${opts.ns}", "uid": "rs-1",
      "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "${opts.name}", "uid": "d-1", "controller": true}]},
      "spec": {"replicas": ${opts.replicas}, "selector": {"matchLabels": {"app": "${opts.name}"}}, "template": {"metadata": {"labels": {"app": "${opts.name}"}}, "spec": ${podSpec()}}}}`,
    ...opts.nodes.map(
      (node, i) => `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "${rs}-p${i}", "namespace": "${opts.ns}", "uid": "p-${i}",
      "labels": {"app": "${opts.name}", "pod-template-hash": "5d8f7c9b6"},
      "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "${rs}", "uid": "rs-1", "controller": true}]},
      "spec": ${podSpec(node)}, "status": {"phase": "Running"}}`,
    ),
  ];
  return `{"apiVersion": "v1", "kind": "List", "items": [${items.join(',\n')}]}`;
}

/** A pod of DaemonSet logging/fluentd, which is not in the inputs, with one container (flow YAML). */
function fluentdPod(name: string, container: string): string {
  return `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: logging
  ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: fluentd, uid: ds-1, controller: true}]
spec:
  containers:
  - ${container}
`;
}

function nodesDump(nodes: { name: string; labels: Record<string, string>; kubelet?: string }[]): string {
  const items = nodes.map((n) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, labels: n.labels },
      spec: { providerID: `aws:///us-west-2a/i-0${n.name.length}abc` },
      status: { nodeInfo: { kubeletVersion: n.kubelet ?? 'v1.30.2-eks-1234567' } },
    }),
  );
  return `{"apiVersion": "v1", "kind": "List", "items": [${items.join(',\n')}]}`;
}

describe('POD-01 k8s/privileged-container', () => {
  it('reports a privileged container of a workload', async () => {
    expect(messages(await audit(privilegedContainer, deployment('shop', 'web', privileged)))).toEqual(['Deployment shop/web: container agent is privileged']);
  });

  it('reports the pods of a workload once, through the Deployment', async () => {
    const container = '{"name": "agent", "image": "agent:1.0", "securityContext": {"privileged": true}}';
    const findings = await audit(privilegedContainer, ownedDump({ ns: 'shop', name: 'web', replicas: 2, nodes: ['n1', 'n2'], container }));
    expect(findings.map((f) => [f.entity, f.message])).toEqual([['Deployment:shop/web', 'Deployment shop/web: container agent is privileged']]);
  });

  it('groups pods whose owner is not in the inputs under that owner', async () => {
    const pod = (name: string): string => fluentdPod(name, '{name: fluentd, image: "fluentd:1.16", securityContext: {privileged: true}}');
    expect(messages(await audit(privilegedContainer, `${pod('fluentd-a')}---${pod('fluentd-b')}`))).toEqual([
      'DaemonSet logging/fluentd (seen as Pod logging/fluentd-a): container fluentd is privileged',
    ]);
  });

  it('passes unprivileged containers and the kube-system system DaemonSets', async () => {
    const files = [deployment('shop', 'web', plain), daemonSet('kube-system', 'aws-node', privileged), daemonSet('kube-system', 'kube-proxy', privileged)];
    expect(await audit(privilegedContainer, ...files)).toEqual([]);
  });
});

describe('POD-08 k8s/image-latest and DAT-03 k8s/secret-literal-env', () => {
  const pod = (name: string, image: string): string => fluentdPod(name, `{name: fluentd, image: ${image}, env: [{name: DB_PASSWORD, value: hunter2}]}`);

  it('reports the pods of a workload once, through the Deployment', async () => {
    const container = '{"name": "app", "image": "nginx", "env": [{"name": "API_TOKEN", "value": "abc"}]}';
    const dump = ownedDump({ ns: 'shop', name: 'web', replicas: 3, nodes: ['n1', 'n2', 'n3'], container });
    expect((await audit(imageLatest, dump)).map((f) => [f.entity, f.message])).toEqual([['Deployment:shop/web', 'Deployment shop/web: image nginx is not pinned (latest or no tag)']]);
    expect((await audit(secretLikeEnv, dump)).map((f) => [f.entity, f.message])).toEqual([['Deployment:shop/web', 'Deployment shop/web: literal value for API_TOKEN (use a Secret)']]);
  });

  it('groups pods whose owner is not in the inputs under that owner, once per image', async () => {
    const pods = [pod('fluentd-a', 'fluentd:latest'), pod('fluentd-b', 'fluentd:latest'), pod('fluentd-c', 'fluent-bit')].join('---');
    expect(messages(await audit(imageLatest, pods))).toEqual([
      'DaemonSet logging/fluentd (seen as Pod logging/fluentd-a): image fluentd:latest is not pinned (latest or no tag)',
      'DaemonSet logging/fluentd (seen as Pod logging/fluentd-c): image fluent-bit is not pinned (latest or no tag)',
    ]);
    expect(messages(await audit(secretLikeEnv, pods))).toEqual(['DaemonSet logging/fluentd (seen as Pod logging/fluentd-a): literal value for DB_PASSWORD (use a Secret)']);
  });

  it('passes pinned images and env from Secrets', async () => {
    const spec = `      containers:
      - name: app
        image: app@sha256:0123
        env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]`;
    expect(await audit(imageLatest, deployment('shop', 'web', spec))).toEqual([]);
    expect(await audit(secretLikeEnv, deployment('shop', 'web', spec))).toEqual([]);
  });
});

describe('DAT-02 k8s/secret-in-env', () => {
  it('reports Secrets read into env vars (secretKeyRef, envFrom), once per owner, not mounted ones', async () => {
    const spec = `      containers:
      - name: app
        image: app:1
        env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
        envFrom: [{secretRef: {name: api-keys}}, {configMapRef: {name: settings}}]
      volumes: [{name: tls, secret: {secretName: tls}}]`;
    const mounted = `      containers:
      - {name: app, image: 'app:1'}
      volumes: [{name: creds, secret: {secretName: db}}, {name: all, projected: {sources: [{secret: {name: api-keys}}]}}]`;
    expect(messages(await audit(secretInEnv, deployment('shop', 'web', spec), deployment('shop', 'mounted', mounted)))).toEqual([
      'Deployment shop/web: Secrets api-keys, db are read into environment variables (mount them as a volume)',
    ]);
  });
});

describe('POD-09 k8s/image-registry-not-allowed', () => {
  it.each([
    ['nginx:1.25', 'docker.io'],
    ['bitnami/redis:7', 'docker.io'],
    ['Quay.io/prometheus/node-exporter:v1.8.0', 'quay.io'],
    ['localhost/app', 'localhost'],
    ['registry:5000/app:1', 'registry:5000'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
  ])('reads the registry of %s', (image, registry) => {
    expect(registryOf(image)).toBe(registry);
  });

  it('reports a workload with images outside Amazon ECR once, listing them by registry', async () => {
    const spec = `      containers:
      - {name: app, image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2'}
      - {name: proxy, image: 'envoyproxy/envoy:v1.30.1'}
      - {name: exporter, image: 'quay.io/prometheus/statsd-exporter:v0.26.0'}
      initContainers:
      - {name: init, image: 'public.ecr.aws/docker/library/busybox:1.36'}`;
    expect(messages(await audit(imageRegistry, deployment('shop', 'web', spec)))).toEqual([
      'Deployment shop/web: images envoyproxy/envoy:v1.30.1, quay.io/prometheus/statsd-exporter:v0.26.0 from docker.io, quay.io, outside Amazon ECR',
    ]);
  });

  it('passes images from private ECR (China regions too) and ECR Public', async () => {
    const spec = `      containers:
      - {name: app, image: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1.2'}
      - {name: cni, image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.0'}
      - {name: tools, image: 'public.ecr.aws/aws-cli/aws-cli:2.15.0'}`;
    expect(await audit(imageRegistry, deployment('shop', 'web', spec))).toEqual([]);
  });
});

describe('POD-02 k8s/host-namespaces', () => {
  it('reports hostNetwork outside the allow-list', async () => {
    const files = [daemonSet('monitoring', 'node-exporter', hostNet), daemonSet('kube-system', 'custom-agent', hostNet)];
    expect(messages(await audit(hostNamespaces, ...files)).sort()).toEqual([
      'DaemonSet kube-system/custom-agent: uses the host network (hostNetwork: true)',
      'DaemonSet monitoring/node-exporter: uses the host network (hostNetwork: true)',
    ]);
  });

  it('passes pods without hostNetwork and the kube-system system DaemonSets', async () => {
    const files = [deployment('shop', 'web', plain), daemonSet('kube-system', 'kube-proxy', hostNet), daemonSet('kube-system', 'aws-node', hostNet), daemonSet('kube-system', 'ebs-csi-node', hostNet)];
    expect(await audit(hostNamespaces, ...files)).toEqual([]);
  });

  it('passes kube-system static pods (owned by their Node)', async () => {
    const staticPod = `
apiVersion: v1
kind: Pod
metadata:
  name: etcd-node-1
  namespace: kube-system
  ownerReferences: [{apiVersion: v1, kind: Node, name: node-1, uid: n-1, controller: true}]
spec:
  hostNetwork: true
  containers: [{name: etcd, image: "etcd:3.5"}]
`;
    expect(await audit(hostNamespaces, staticPod)).toEqual([]);
    expect(messages(await audit(hostNamespaces, staticPod.replace('kube-system', 'tools')))).toEqual(['Pod tools/etcd-node-1: uses the host network (hostNetwork: true)']);
  });

  it('passes a system DaemonSet name outside kube-system only as itself', async () => {
    expect(messages(await audit(hostNamespaces, daemonSet('tools', 'aws-node', hostNet)))).toEqual(['DaemonSet tools/aws-node: uses the host network (hostNetwork: true)']);
  });
});

describe('POD-10 k8s/default-namespace', () => {
  it('reports a workload in default (written, or no namespace at all), once per top owner', async () => {
    const service = `
apiVersion: v1
kind: Service
metadata: {name: kubernetes, namespace: default}
spec: {ports: [{port: 443}]}
`;
    const findings = await audit(defaultNamespace, deployment(undefined, 'web', plain), ownedDump({ ns: 'default', name: 'api', replicas: 2, nodes: ['n1', 'n2'] }), service);
    expect(messages(findings).sort()).toEqual(['Deployment default/api runs in the default namespace', 'Deployment default/web runs in the default namespace']);
  });

  it('passes workloads in other namespaces and non-workload objects in default', async () => {
    const sa = `
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`;
    expect(await audit(defaultNamespace, deployment('shop', 'web', plain), sa)).toEqual([]);
  });
});

const fargateCluster = `
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2, version: "1.30"}
fargateProfiles:
  - name: fp-serverless
    selectors:
      - namespace: serverless
`;

describe('REL-08 eks/fargate-incompatible-pod', () => {
  it('reports privileged, hostNetwork, EBS-claim, instance-target and DaemonSet workloads a profile selects', async () => {
    const ebs = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: gp3}
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: serverless}
spec: {storageClassName: gp3, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    const withClaim = `${plain}
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: data}`;
    const lbService = `
apiVersion: v1
kind: Service
metadata: {name: front, namespace: serverless}
spec:
  type: LoadBalancer
  selector: {app: front}
  ports: [{port: 80}]
`;
    const files = [
      fargateCluster,
      deployment('serverless', 'priv', privileged),
      deployment('serverless', 'hostnet', hostNet),
      deployment('serverless', 'db', withClaim),
      ebs,
      deployment('serverless', 'front', plain),
      lbService,
      daemonSet('serverless', 'log-agent', plain),
    ];
    const findings = await audit(fargateIncompatiblePod, ...files);
    expect(messages(findings).sort()).toEqual([
      'DaemonSet serverless/log-agent is selected by Fargate profile fp-serverless but is a DaemonSet (Fargate runs no DaemonSets)',
      'Deployment serverless/db is selected by Fargate profile fp-serverless but mounts EBS volume claim data',
      expect.stringMatching(/^Deployment serverless\/front is selected by Fargate profile fp-serverless but is behind load balancer \S+ with instance targets$/),
      'Deployment serverless/hostnet is selected by Fargate profile fp-serverless but uses hostNetwork',
      'Deployment serverless/priv is selected by Fargate profile fp-serverless but has privileged container agent',
    ]);
  });

  it('passes compatible workloads, workloads no profile selects and the system DaemonSets', async () => {
    const kubeSystem = fargateCluster.replace('- namespace: serverless', '- namespace: serverless\n      - namespace: kube-system');
    const files = [kubeSystem, deployment('serverless', 'ok', plain), deployment('other', 'priv', privileged), daemonSet('kube-system', 'aws-node', privileged)];
    expect(await audit(fargateIncompatiblePod, ...files)).toEqual([]);
  });
});

describe('REL-09 eks/fargate-public-subnet', () => {
  const cluster = (subnet: string): string => `
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
vpc:
  subnets:
    public:
      us-west-2a: {id: subnet-0pub}
    private:
      us-west-2a: {id: subnet-0priv}
fargateProfiles:
  - name: fp-web
    subnets: [${subnet}]
    selectors: [{namespace: web}]
`;

  it('reports a profile with a public subnet', async () => {
    expect(messages(await audit(fargatePublicSubnet, cluster('subnet-0pub')))).toEqual([
      'FargateProfile fp-web: subnet subnet-0pub is public (route to an internet gateway); Fargate needs private subnets',
    ]);
  });

  it('passes private subnets, subnets the model does not know and default subnets', async () => {
    expect(await audit(fargatePublicSubnet, cluster('subnet-0priv'))).toEqual([]);
    expect(await audit(fargatePublicSubnet, cluster('subnet-0unknown'))).toEqual([]);
    expect(await audit(fargatePublicSubnet, fargateCluster)).toEqual([]);
  });

  it('reports a CloudFormation profile whose subnet routes to an internet gateway, not an unresolved one', async () => {
    const template = (subnets: string): string => `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExtraSubnet: {Type: String}
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  DefaultRoute: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  PublicSubnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-west-2a}}
  Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicRt}}
  Profile:
    Type: AWS::EKS::FargateProfile
    Properties:
      ClusterName: prod
      FargateProfileName: fp-cfn
      PodExecutionRoleArn: arn:aws:iam::111122223333:role/fargate
      Subnets: ${subnets}
      Selectors: [{Namespace: web}]
`;
    expect(messages(await audit(fargatePublicSubnet, template('[!Ref PublicSubnet]')))).toEqual([
      'FargateProfile fp-cfn: subnet PublicSubnet is public (route to an internet gateway); Fargate needs private subnets',
    ]);
    expect(await audit(fargatePublicSubnet, template('[!Ref ExtraSubnet]'))).toEqual([]);
  });
});

describe('REL-10 k8s/coredns-replicas', () => {
  it('reports a single CoreDNS replica', async () => {
    const dump = ownedDump({ ns: 'kube-system', name: 'coredns', replicas: 1, nodes: ['ip-10-0-1-1.ec2.internal'] });
    expect(messages(await audit(corednsReplicas, dump))).toEqual(['Deployment kube-system/coredns: 1 replica; CoreDNS needs at least 2']);
  });

  it('reports CoreDNS replicas that all run on one node', async () => {
    const dump = ownedDump({ ns: 'kube-system', name: 'coredns', replicas: 2, nodes: ['ip-10-0-1-1.ec2.internal', 'ip-10-0-1-1.ec2.internal'] });
    expect(messages(await audit(corednsReplicas, dump))).toEqual(['Deployment kube-system/coredns: all 2 pods run on node ip-10-0-1-1.ec2.internal']);
  });

  it('passes two replicas on two nodes, unplaced replicas, and other Deployments', async () => {
    expect(await audit(corednsReplicas, ownedDump({ ns: 'kube-system', name: 'coredns', replicas: 2, nodes: ['n1', 'n2'] }))).toEqual([]);
    expect(await audit(corednsReplicas, deployment('kube-system', 'coredns', plain))).toEqual([]);
    expect(await audit(corednsReplicas, ownedDump({ ns: 'shop', name: 'web', replicas: 1, nodes: ['n1'] }))).toEqual([]);
  });
});

describe('REL-12 k8s/spot-only-without-pdb', () => {
  const spotSelector = `${plain}
      nodeSelector: {karpenter.sh/capacity-type: spot}`;
  const pdb = `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
`;
  const nodes = nodesDump([
    { name: 'spot-1', labels: { 'eks.amazonaws.com/capacityType': 'SPOT' } },
    { name: 'spot-2', labels: { 'eks.amazonaws.com/capacityType': 'SPOT' } },
    { name: 'od-1', labels: { 'eks.amazonaws.com/capacityType': 'ON_DEMAND' } },
  ]);

  it('reports a replicated workload pinned to Spot without a PDB', async () => {
    expect(messages(await audit(spotOnlyWorkload, deployment('shop', 'web', spotSelector)))).toEqual([
      'Deployment shop/web: 2 replicas run only on Spot capacity (nodeSelector karpenter.sh/capacity-type=spot) and no PodDisruptionBudget covers them',
    ]);
  });

  it('reports a replicated workload whose pods are all observed on Spot nodes (owners by uid or by name)', async () => {
    const dump = ownedDump({ ns: 'shop', name: 'web', replicas: 2, nodes: ['spot-1', 'spot-2'] });
    const expected = ['Deployment shop/web: 2 replicas run only on Spot capacity (all 2 placed pods on Spot nodes) and no PodDisruptionBudget covers them'];
    expect(messages(await audit(spotOnlyWorkload, nodes, dump))).toEqual(expected);
    expect(messages(await audit(spotOnlyWorkload, nodes, dump.replace(/"uid": "[^"]*"/g, '"generation": 1')))).toEqual(expected);
  });

  it('passes with a PDB, with a pod on on-demand capacity, or on a node of unknown capacity', async () => {
    expect(await audit(spotOnlyWorkload, deployment('shop', 'web', spotSelector), pdb)).toEqual([]);
    expect(await audit(spotOnlyWorkload, nodes, ownedDump({ ns: 'shop', name: 'web', replicas: 2, nodes: ['spot-1', 'od-1'] }))).toEqual([]);
    expect(await audit(spotOnlyWorkload, nodes, ownedDump({ ns: 'shop', name: 'web', replicas: 2, nodes: ['spot-1', 'missing-node'] }))).toEqual([]);
  });
});

describe('REL-13 eks/kubelet-version-skew', () => {
  const cluster = (version: string): string => `
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2${version ? `, version: "${version}"` : ''}}
managedNodeGroups:
  - name: general
    instanceType: m5.large
`;
  const nodes = (kubelet: string): string =>
    nodesDump(['a', 'b'].map((n) => ({ name: `ip-${n}.us-west-2.compute.internal`, kubelet, labels: { 'eks.amazonaws.com/nodegroup': 'general', 'alpha.eksctl.io/cluster-name': 'prod' } })));

  it('reports nodes whose kubelet minor is behind the control plane', async () => {
    expect(messages(await audit(kubeletVersionSkew, cluster('1.30'), nodes('v1.29.3-eks-4f4795d')))).toEqual([
      "NodeGroup general: 2 nodes run kubelet 1.29, behind the control plane's 1.30 (cluster prod)",
    ]);
  });

  it('passes same-minor nodes, newer nodes and a defaulted cluster version', async () => {
    expect(await audit(kubeletVersionSkew, cluster('1.30'), nodes('v1.30.9-eks-abcdef0'))).toEqual([]);
    expect(await audit(kubeletVersionSkew, cluster('1.29'), nodes('v1.30.9-eks-abcdef0'))).toEqual([]);
    expect(await audit(kubeletVersionSkew, cluster(''), nodes('v1.20.0'))).toEqual([]);
  });

  it.each([
    ['v1.29.3-eks-4f4795d', { major: 1, minor: 29 }],
    ['1.30', { major: 1, minor: 30 }],
    ['v1.9.0', { major: 1, minor: 9 }],
    ['1.100', { major: 1, minor: 100 }],
    ['latest', undefined],
  ])('parseMinor(%s)', (text, expected) => {
    expect(parseMinor(text)).toEqual(expected);
  });
});
