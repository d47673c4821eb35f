/** Each Kubernetes link pass on a small graph lowered from YAML; relations only to entities that exist. */
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { makeEntity, type Entity } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';
import { MatchBudget, MAX_SELECTOR_MATCHES } from '../../../src/passes/link/kubernetes/k8s-index.js';
import { configRefsPass } from '../../../src/passes/link/kubernetes/config-refs.js';
import { KUBERNETES_PASSES } from '../../../src/passes/link/kubernetes/index.js';
import { ingressBackendsPass } from '../../../src/passes/link/kubernetes/ingress-backends.js';
import { ownerChainPass } from '../../../src/passes/link/kubernetes/owner-chain.js';
import { podNodePass } from '../../../src/passes/link/kubernetes/pod-node.js';
import { policySelectsPass } from '../../../src/passes/link/kubernetes/policy-selects.js';
import { pvcPvPass } from '../../../src/passes/link/kubernetes/pvc-pv.js';
import { serviceAccountPass } from '../../../src/passes/link/kubernetes/service-account.js';
import { serviceSelectsPass } from '../../../src/passes/link/kubernetes/service-selects.js';
import type { LinkPass } from '../../../src/passes/types.js';
import { lowerGeneral } from './helpers.js';

function graphOf(yaml: string): ModelGraph {
  const g = new ModelGraph();
  g.addFragment({ entities: lowerGeneral(yaml).entities, relations: [] });
  return g;
}

function run(pass: LinkPass, yaml: string): { graph: ModelGraph; rels: string[] } {
  const graph = graphOf(yaml);
  pass.run(graph, { sink: new DiagnosticSink() });
  const rels = graph.finalRelations().relations.map((r) => `${r.from} ${r.type} ${r.to} ${r.confidence} ${r.rule}`);
  return { graph, rels };
}

const doc = (kind: string, name: string, body = '', apiVersion = 'v1', ns = 'shop'): string =>
  `---\napiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${body}`;
const pod = (name: string, extra = ''): string => doc('Pod', name, `  labels: {app: web, tier: fe}\n${extra}spec:\n  containers: [{name: c, image: x:1}]\n`);

describe('J23 owner chains', () => {
  it('by uid, by name, and by stripping the pod-template hash', () => {
    const yaml = [
      doc('Deployment', 'web', '  uid: d1\n', 'apps/v1'),
      doc('ReplicaSet', 'web-7d9c8b6f5', '  uid: r1\n  ownerReferences: [{kind: Deployment, name: renamed, uid: d1, controller: true}]\n', 'apps/v1'),
      pod('web-7d9c8b6f5-a', '  ownerReferences: [{kind: ReplicaSet, name: web-7d9c8b6f5, uid: r1, controller: true}]\n'),
      doc('CronJob', 'nightly', '', 'batch/v1'),
      doc('Job', 'nightly-1', '  ownerReferences: [{kind: CronJob, name: nightly, controller: true}]\n', 'batch/v1'),
      doc('Deployment', 'api', '', 'apps/v1'),
      doc('Pod', 'api-5f6d7-x', '  labels: {pod-template-hash: 5f6d7}\n  ownerReferences: [{kind: ReplicaSet, name: api-5f6d7, controller: true}]\n'),
      doc('Pod', 'orphan', '  ownerReferences: [{kind: StatefulSet, name: missing, controller: true}]\n'),
    ].join('');
    expect(run(ownerChainPass, yaml).rels).toEqual([
      'CronJob:shop/nightly owns Job:shop/nightly-1 high J23',
      'Deployment:shop/api owns Pod:shop/api-5f6d7-x medium J23',
      'Deployment:shop/web owns ReplicaSet:shop/web-7d9c8b6f5 high J23',
      'ReplicaSet:shop/web-7d9c8b6f5 owns Pod:shop/web-7d9c8b6f5-a high J23',
    ]);
  });
});

describe('J22 pod runs-on node', () => {
  it('links by nodeName, only to nodes that exist', () => {
    const yaml = `${doc('Node', 'n1', '', 'v1', 'x').replace('  namespace: x\n', '')}${pod('a', '').replace('spec:\n', 'spec:\n  nodeName: n1\n')}${pod('b').replace('spec:\n', 'spec:\n  nodeName: gone\n')}`;
    expect(run(podNodePass, yaml).rels).toEqual(['Pod:shop/a runs-on Node:n1 high J22']);
  });
});

describe('J25 service selects', () => {
  it('pods (high) and top-level workloads by template labels (medium), same namespace only', () => {
    const yaml = [
      doc('Service', 'web', 'spec:\n  selector: {app: web}\n'),
      doc('Service', 'none', 'spec:\n  selector: {app: nothing}\n'),
      doc('Service', 'headless', 'spec:\n  clusterIP: None\n'),
      pod('web-1'),
      doc('Pod', 'other-ns', '  labels: {app: web}\n', 'v1', 'elsewhere'),
      doc('Deployment', 'web', 'spec:\n  template:\n    metadata:\n      labels: {app: web}\n', 'apps/v1'),
      doc('ReplicaSet', 'web-1', '  ownerReferences: [{kind: Deployment, name: web}]\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n', 'apps/v1'),
    ].join('');
    expect(run(serviceSelectsPass, yaml).rels).toEqual(['Service:shop/web selects Deployment:shop/web medium J25', 'Service:shop/web selects Pod:shop/web-1 high J25']);
  });
});

describe('J27 HPA / PDB / NetworkPolicy', () => {
  it('HPA by scaleTargetRef; PDB and NetworkPolicy by selector incl. matchExpressions', () => {
    const yaml = [
      doc('Deployment', 'web', 'spec:\n  template:\n    metadata:\n      labels: {app: web, tier: fe}\n', 'apps/v1'),
      doc('StatefulSet', 'db', 'spec:\n  template:\n    metadata:\n      labels: {app: db}\n', 'apps/v1'),
      doc('HorizontalPodAutoscaler', 'web', 'spec:\n  scaleTargetRef: {kind: Deployment, name: web}\n', 'autoscaling/v2'),
      doc('HorizontalPodAutoscaler', 'gone', 'spec:\n  scaleTargetRef: {kind: Deployment, name: gone}\n', 'autoscaling/v2'),
      doc('PodDisruptionBudget', 'fe', 'spec:\n  selector:\n    matchExpressions: [{key: tier, operator: In, values: [fe]}]\n', 'policy/v1'),
      doc('NetworkPolicy', 'all', 'spec:\n  podSelector: {}\n', 'networking.k8s.io/v1'),
      doc('NetworkPolicy', 'not-db', 'spec:\n  podSelector:\n    matchExpressions: [{key: app, operator: NotIn, values: [db]}]\n', 'networking.k8s.io/v1'),
    ].join('');
    expect(run(policySelectsPass, yaml).rels).toEqual([
      'HorizontalPodAutoscaler:shop/web selects Deployment:shop/web high J27',
      'NetworkPolicy:shop/all selects Deployment:shop/web high J27',
      'NetworkPolicy:shop/all selects StatefulSet:shop/db high J27',
      'NetworkPolicy:shop/not-db selects Deployment:shop/web high J27',
      'PodDisruptionBudget:shop/fe selects Deployment:shop/web high J27',
    ]);
  });
});

describe('J28 ingress routes-to service', () => {
  it('rules and defaultBackend; a missing service is a dangling ref, not a relation', () => {
    const yaml = [
      doc('Service', 'web'),
      doc('Service', 'fallback'),
      doc('Ingress', 'shop', 'spec:\n  defaultBackend: {service: {name: fallback, port: {number: 80}}}\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend: {service: {name: web, port: {name: http}}}\n      - path: /x\n        backend: {service: {name: gone, port: {number: 80}}}\n', 'networking.k8s.io/v1'),
    ].join('');
    const { graph, rels } = run(ingressBackendsPass, yaml);
    expect(rels).toEqual(['Ingress:shop/shop routes-to Service:shop/fallback high J28', 'Ingress:shop/shop routes-to Service:shop/web high J28']);
    expect(graph.get('Ingress:shop/shop')?.props['danglingRefs']).toEqual(['Service/gone']);
  });
});

describe('J37 service accounts', () => {
  it('named or default, for pods and top-level workloads', () => {
    const yaml = [
      doc('ServiceAccount', 'orders'),
      doc('ServiceAccount', 'default'),
      doc('Pod', 'p1', 'spec:\n  serviceAccountName: orders\n'),
      doc('Pod', 'p2', 'spec: {}\n'),
      doc('Pod', 'p3', 'spec:\n  serviceAccountName: missing\n'),
      doc('Deployment', 'd', 'spec:\n  template:\n    spec:\n      serviceAccountName: orders\n', 'apps/v1'),
    ].join('');
    expect(run(serviceAccountPass, yaml).rels).toEqual([
      'Deployment:shop/d uses ServiceAccount:shop/orders high J37',
      'Pod:shop/p1 uses ServiceAccount:shop/orders high J37',
      'Pod:shop/p2 uses ServiceAccount:shop/default high J37',
    ]);
  });
});

describe('J43 PVC bound-to PV', () => {
  it('by volumeName and by claimRef', () => {
    const pv = (name: string, claim = ''): string => `---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}\n${claim}`;
    const yaml = [doc('PersistentVolumeClaim', 'a', 'spec:\n  volumeName: pv-a\n'), doc('PersistentVolumeClaim', 'b'), pv('pv-a'), pv('pv-b', '  claimRef: {namespace: shop, name: b}\n'), pv('pv-c', '  claimRef: {namespace: shop, name: gone}\n')].join('');
    expect(run(pvcPvPass, yaml).rels).toEqual(['PersistentVolumeClaim:shop/a bound-to PersistentVolume:pv-a high J43', 'PersistentVolumeClaim:shop/b bound-to PersistentVolume:pv-b high J43']);
  });
});

describe('J42/J45 config references', () => {
  it('volumes, env, envFrom, imagePullSecrets, StatefulSet claims, Ingress TLS; optional refs are not dangling', () => {
    const spec = `spec:\n  imagePullSecrets: [{name: regcred}]\n  volumes:\n  - {name: d, persistentVolumeClaim: {claimName: data}}\n  - {name: c, configMap: {name: cfg}}\n  - {name: o, secret: {secretName: maybe, optional: true}}\n  containers:\n  - name: c\n    envFrom: [{secretRef: {name: missing}}]\n    env: [{name: X, valueFrom: {configMapKeyRef: {name: cfg, key: k}}}]\n`;
    const yaml = [
      doc('PersistentVolumeClaim', 'data'),
      doc('PersistentVolumeClaim', 'data-db-0'),
      doc('PersistentVolumeClaim', 'data-db-1'),
      doc('ConfigMap', 'cfg'),
      doc('Secret', 'regcred'),
      doc('Secret', 'tls'),
      doc('Pod', 'p', spec),
      doc('StatefulSet', 'db', 'spec:\n  replicas: 2\n  volumeClaimTemplates: [{metadata: {name: data}}]\n', 'apps/v1'),
      doc('Ingress', 'i', 'spec:\n  tls: [{secretName: tls}]\n', 'networking.k8s.io/v1'),
    ].join('');
    const { graph, rels } = run(configRefsPass, yaml);
    expect(rels).toEqual([
      'Ingress:shop/i uses Secret:shop/tls high J45',
      'Pod:shop/p uses ConfigMap:shop/cfg high J45',
      'Pod:shop/p uses PersistentVolumeClaim:shop/data high J42',
      'Pod:shop/p uses Secret:shop/regcred high J45',
      'StatefulSet:shop/db uses PersistentVolumeClaim:shop/data-db-0 high J42',
      'StatefulSet:shop/db uses PersistentVolumeClaim:shop/data-db-1 high J42',
    ]);
    expect(graph.get('Pod:shop/p')?.props['danglingRefs']).toEqual(['Secret/missing']);
  });
});

describe('registry', () => {
  it('runs every pass in order, owner chains first', () => {
    expect(KUBERNETES_PASSES.map((p) => p.rule)).toEqual(['J23', 'J22', 'J25', 'J27', 'J28', 'J37', 'J43', 'J42', 'A.11']);
  });
});

describe('selector joins are bounded (MatchBudget)', () => {
  const entity = (id: string): Entity => makeEntity({ id, kind: 'Service', name: id, source: { file: 'svc.yaml', line: 7, format: 'kubernetes' } });

  it('takes whole selectors while they fit, then skips the rest and warns once at the first skipped', () => {
    const budget = new MatchBudget(10);
    expect(budget.take(entity('Service:a/one'), 6)).toBe(true);
    expect(budget.take(entity('Service:a/two'), 5)).toBe(false);
    expect(budget.open).toBe(false);
    budget.skip(entity('Service:a/three'));
    const sink = new DiagnosticSink();
    budget.report(sink, 'J25');
    expect(sink.items).toEqual([
      {
        severity: 'warning',
        code: 'link/too-many-matches',
        file: 'svc.yaml',
        line: 7,
        message: 'selectors matched more than 10 objects (J25): 2 selector(s) are not linked to what they select, the first being Service:a/two',
      },
    ]);
  });

  it('reports nothing while within the limit', () => {
    const budget = new MatchBudget(10);
    expect(budget.take(entity('Service:a/one'), 10)).toBe(true);
    const sink = new DiagnosticSink();
    budget.report(sink, 'J25');
    expect(sink.items).toEqual([]);
  });

  it('J25 stops at MAX_SELECTOR_MATCHES: many Services sharing a selector over many pods', () => {
    const services = 1100;
    const pods = 500;
    const sel = (i: number): string => doc('Service', `s${i}`, 'spec:\n  selector: {app: web}\n');
    const yaml = [...Array.from({ length: services }, (_, i) => sel(i)), ...Array.from({ length: pods }, (_, i) => pod(`p${i}`))].join('');
    const graph = graphOf(yaml);
    const sink = new DiagnosticSink();
    serviceSelectsPass.run(graph, { sink });
    const { relations } = graph.finalRelations();
    // Each Service takes its 500 pods while they fit: 1000 Services, exactly the limit; the 1001st in id
    // order (s0, s1, s10, s100, s1000, …) is s909.
    expect(relations.length).toBe(MAX_SELECTOR_MATCHES);
    expect(sink.items.map((d) => [d.code, d.message])).toEqual([
      ['link/too-many-matches', `selectors matched more than ${MAX_SELECTOR_MATCHES} objects (J25): 100 selector(s) are not linked to what they select, the first being Service:shop/s909`],
    ]);
  });
});

describe('A.11 implicit namespaces', () => {
  it('adds each namespace that objects name but no Namespace declares, sourced where first named', () => {
    const yaml = [
      doc('Namespace', 'shop', '', 'v1', 'ignored').replace('  namespace: ignored\n', ''),
      pod('web-1'),
      doc('ConfigMap', 'c', '', 'v1', 'billing'),
      doc('Pod', 'p', 'spec:\n  containers: [{name: c, image: x:1}]\n', 'v1', 'billing'),
      '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: nons\nspec:\n  containers: [{name: c, image: x:1}]\n',
    ].join('');
    const { graph } = run(KUBERNETES_PASSES[KUBERNETES_PASSES.length - 1] as LinkPass, yaml);
    const namespaces = graph.ofKind('Namespace').map((e) => [e.id, e.props, e.sources.map((s) => s.line)]);
    expect(namespaces).toEqual([
      ['Namespace:billing', { implicit: true }, [16]],
      ['Namespace:default', { implicit: true }, [30]],
      ['Namespace:shop', expect.not.objectContaining({ implicit: true }), [2]],
    ]);
  });
});
