/** Object → entity: ids, namespaces, kinds by API group, and the props each kind contributes. */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/model/entity.js';
import { lowerGeneral } from './helpers.js';

function one(yaml: string): Entity {
  const { entities } = lowerGeneral(yaml);
  expect(entities).toHaveLength(1);
  const e = entities[0];
  if (!e) throw new Error('no entity');
  return e;
}

describe('identity', () => {
  it.each([
    ['apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n', 'Pod:default/p'],
    ['apiVersion: v1\nkind: Node\nmetadata: {name: n, namespace: ignored}\n', 'Node:n'],
    ['apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: shop}\n', 'Deployment:shop/d'],
    ['apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: s, namespace: shop}\n', 'KubernetesObject:serving.knative.dev/Service:shop/s'],
    ['apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: default}\n', 'KubernetesObject:karpenter.sh/NodePool:default'],
    ['apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\n', 'Pod:default/web-*'],
  ])('%j → %s', (yaml, id) => {
    expect(one(yaml).id).toBe(id);
  });

  it('warns about an object without a name and keeps going', () => {
    const { entities, sink } = lowerGeneral('- apiVersion: v1\n  kind: Pod\n  metadata: {}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: ok}\n');
    expect(entities.map((e) => e.id)).toEqual(['Pod:default/ok']);
    expect(sink.items).toEqual([expect.objectContaining({ code: 'k8s/unnamed-object', line: 1 })]);
  });

  it('skips names and namespaces that are no API path segment: they would collide in ids', () => {
    // `a` + `b/c` and `a/b` + `c` would both be Deployment:a/b/c; `..` is refused by every API server.
    const yaml = [
      '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: b/c, namespace: a}}',
      '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: c, namespace: a/b}}',
      '- {apiVersion: v1, kind: ConfigMap, metadata: {name: .., namespace: a}}',
      '- {apiVersion: v1, kind: Pod, metadata: {generateName: x/, namespace: a}}',
      '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: b.c, namespace: a}}',
      '',
    ].join('\n');
    const { entities, sink } = lowerGeneral(yaml);
    expect(entities.map((e) => e.id)).toEqual(['Deployment:a/b.c']);
    expect(sink.items.map((d) => [d.code, d.line, d.message])).toEqual([
      ['k8s/invalid-name', 1, "Deployment whose metadata.name contains '/' or is '.' or '..', which no API server accepts; skipped"],
      ['k8s/invalid-name', 2, "Deployment whose metadata.namespace contains '/' or is '.' or '..', which no API server accepts; skipped"],
      ['k8s/invalid-name', 3, "ConfigMap whose metadata.name contains '/' or is '.' or '..', which no API server accepts; skipped"],
      ['k8s/invalid-name', 4, "Pod whose metadata.generateName contains '/' or is '.' or '..', which no API server accepts; skipped"],
    ]);
  });
});

describe('props', () => {
  it('Node: zone, instance, compute type, capacity type, taints', () => {
    const e = one(`apiVersion: v1
kind: Node
metadata:
  name: ip-10-0-1-2.ec2.internal
  labels: {topology.kubernetes.io/zone: us-east-1a, node.kubernetes.io/instance-type: m5.large, eks.amazonaws.com/capacityType: SPOT}
spec:
  providerID: aws:///us-east-1a/i-0abc123
  taints: [{key: spot, value: "true", effect: NoSchedule}]
status:
  addresses: [{type: InternalIP, address: 10.0.1.2}]
  nodeInfo: {kubeletVersion: v1.29.0}
`);
    expect(e.props).toMatchObject({ zone: 'us-east-1a', instanceType: 'm5.large', instanceId: 'i-0abc123', computeType: 'ec2', capacityType: 'SPOT', internalIp: '10.0.1.2', kubeletVersion: 'v1.29.0', taints: [{ key: 'spot', value: 'true', effect: 'NoSchedule' }] });
  });

  it.each([
    ['an aws:// provider id', 'spec: {providerID: "aws:///eu-west-1a/i-0abc"}', 'ec2'],
    ['an eksctl label', 'metadata: {name: n, labels: {alpha.eksctl.io/nodegroup-name: ng}}', 'ec2'],
    ['an AWS zone', 'metadata: {name: n, labels: {topology.kubernetes.io/zone: us-gov-west-1b}}', 'ec2'],
    ['the compute-type label', 'metadata: {name: n, labels: {eks.amazonaws.com/compute-type: fargate}}', 'fargate'],
    ['nothing of AWS (minikube)', 'metadata: {name: minikube, labels: {kubernetes.io/hostname: minikube}}\nspec: {providerID: "kind://docker/x"}', undefined],
    ['a zone of another cloud', 'metadata: {name: n, labels: {topology.kubernetes.io/zone: europe-west1-b}}', undefined],
  ])('Node compute type from %s', (_what, body, expected) => {
    const yaml = `apiVersion: v1\nkind: Node\n${body.startsWith('metadata') ? '' : 'metadata: {name: n}\n'}${body}\n`;
    expect(one(yaml).props['computeType']).toBe(expected);
  });

  it('Service: type, selector, ports, LB annotations only, hostnames', () => {
    const e = one(`apiVersion: v1
kind: Service
metadata:
  name: s
  annotations: {service.beta.kubernetes.io/aws-load-balancer-type: external, unrelated: x}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http, protocol: TCP}]
status:
  loadBalancer: {ingress: [{hostname: k8s-a-b-123.elb.us-east-1.amazonaws.com}]}
`);
    expect(e.props).toMatchObject({ serviceType: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http', name: 'http', protocol: 'TCP' }], lbAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' }, lbHostnames: ['k8s-a-b-123.elb.us-east-1.amazonaws.com'] });
  });

  it('Ingress: class, backends with default backend, TLS secrets; v1beta1 backends too', () => {
    const e = one(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i, annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}}
spec:
  ingressClassName: alb
  defaultBackend: {service: {name: fallback, port: {number: 80}}}
  tls: [{secretName: tls}]
  rules: [{host: a.example.com, http: {paths: [{path: /, backend: {service: {name: web, port: {name: http}}}}]}}]
`);
    expect(e.props).toMatchObject({ ingressClassName: 'alb', defaultBackend: 'fallback', tlsSecrets: ['tls'], backends: [{ service: 'web', port: 'http', path: '/', host: 'a.example.com' }, { service: 'fallback', port: 80 }], lbAnnotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } });
    const old = one('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: o}\nspec:\n  backend: {serviceName: legacy, servicePort: 8080}\n');
    expect(old.props['backends']).toEqual([{ service: 'legacy', port: 8080 }]);
  });

  it('IngressClass controller, ServiceAccount role, CronJob template, StatefulSet claims, HPA, PV', () => {
    expect(one('apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: alb}\nspec: {controller: ingress.k8s.aws/alb}\n').props).toMatchObject({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', controller: 'ingress.k8s.aws/alb' });
    expect(one('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/r"}}\n').props).toMatchObject({ roleArn: 'arn:aws:iam::1:role/r' });
    expect(one('apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "0 * * * *"\n  jobTemplate: {spec: {template: {metadata: {labels: {job: c}}, spec: {serviceAccountName: r, containers: [{name: x, image: "x:1"}]}}}}\n').props).toMatchObject({ schedule: '0 * * * *', templateLabels: { job: 'c' }, serviceAccount: 'r', containers: [{ name: 'x', image: 'x:1' }] });
    expect(one('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {replicas: 3, serviceName: db, volumeClaimTemplates: [{metadata: {name: data}}]}\n').props).toMatchObject({ replicas: 3, serviceName: 'db', volumeClaimTemplates: ['data'] });
    expect(one('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 9}\n').props).toEqual({ scaleTargetKind: 'Deployment', scaleTargetName: 'web', minReplicas: 2, maxReplicas: 9 });
    expect(one('apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}\n  claimRef: {namespace: shop, name: data}\n  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: topology.ebs.csi.aws.com/zone, operator: In, values: [us-east-1b]}]}]}}\n').props).toMatchObject({ driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1', claimNamespace: 'shop', claimName: 'data', zone: 'us-east-1b' });
  });

  it('Pod: owner, node, service account, fargate profile label, status', () => {
    const e = one(`apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: batch
  uid: u1
  labels: {eks.amazonaws.com/fargate-profile: fp}
  ownerReferences: [{kind: Job, name: j, uid: u0, controller: true}]
spec: {nodeName: fargate-ip-1, serviceAccountName: reports, containers: [{name: c, image: "r:1", ports: [{containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.0.0.5}
`);
    expect(e.props).toMatchObject({ ownerKind: 'Job', ownerName: 'j', ownerUid: 'u0', uid: 'u1', nodeName: 'fargate-ip-1', serviceAccount: 'reports', fargateProfile: 'fp', phase: 'Running', podIP: '10.0.0.5', containers: [{ name: 'c', image: 'r:1', ports: [8080] }] });
  });
});
