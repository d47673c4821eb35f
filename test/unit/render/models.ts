/** Model fixtures for the renderer tests: hand-made JSON files, a hostile-names model, a huge synthetic model. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type ArchitectureModel } from '../../../src/model/architecture.js';
import type { Entity, Relation } from '../../../src/model/entity.js';
import { clusterId, k8sId, nodeGroupId, iamRoleId, cfnId } from '../../../src/model/ids.js';
import type { EntityKind } from '../../../src/model/kinds.js';
import { REPO_ROOT } from '../../helpers/paths.js';

export const MODEL_FIXTURES = join(REPO_ROOT, 'test/fixtures/models');
export const GOLDEN = join(REPO_ROOT, 'test/golden');
export const FIXTURE_NAMES = ['eks-small', 'empty'] as const;

export function loadModel(name: string): ArchitectureModel {
  return JSON.parse(readFileSync(join(MODEL_FIXTURES, `${name}.json`), 'utf8')) as ArchitectureModel;
}

function entity(kind: EntityKind, id: string, name: string, props: Entity['props'] = {}, namespace?: string, defaulted: string[] = []): Entity {
  const e: Entity = { id, kind, name, props, defaulted, sources: [{ file: 'in/x.yaml', line: 1, format: 'kubernetes' }] };
  return namespace === undefined ? e : { ...e, namespace };
}

function rel(type: Relation['type'], from: string, to: string, confidence: Relation['confidence'] = 'high', rule = 'test'): Relation {
  return { type, from, to, confidence, rule };
}

function model(entities: Entity[], relations: Relation[], extra: Partial<ArchitectureModel> = {}): ArchitectureModel {
  return { schemaVersion: SCHEMA_VERSION, inputs: [], entities, relations, drift: [], findings: [], diagnostics: [], ...extra };
}

/** Names that try to break out of Mermaid labels, Markdown tables and HTML. */
export const HOSTILE_NAMES: readonly string[] = [
  'a"]; click x call alert()',
  'x --> y',
  'end',
  '<script>alert(1)</script>',
  '`code` ``` fence',
  'a|b||c',
  'line1\nline2\r\n# heading',
  '%% comment\n%%{init: {}}%%',
  'ünïcødé 名前 🚀 ⟨x⟩',
  'w'.repeat(500),
  'a:::cls; style x fill:#f00;',
  '[link](javascript:alert(1)) ![img](x) @octocat $x$ ~~s~~ *b* _i_',
  '1. list',
  '- item',
  '&lt;script&gt; &amp; #quot; #35;',
  'subgraph\tend\u0000\u202e',
  '\\"\\|',
];

/** One small architecture whose every name (and many values) is hostile. */
export function hostileModel(): ArchitectureModel {
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const vpc = cfnId('Vpc', 'x.yaml', 'Vpc');
  entities.push(entity('Vpc', vpc, HOSTILE_NAMES[0] ?? 'v', { cidr: '10.0.0.0/16' }));
  const cluster = clusterId(HOSTILE_NAMES[2] ?? 'c');
  entities.push(entity('Cluster', cluster, HOSTILE_NAMES[2] ?? 'c', { version: { unresolved: 'Ref("]end")' }, region: HOSTILE_NAMES[3] ?? '' }));
  HOSTILE_NAMES.forEach((name, i) => {
    const subnet = cfnId('Subnet', 'x.yaml', `S${i}`);
    entities.push(entity('Subnet', subnet, name, { cidr: name, az: i % 2 ? name : { unresolved: name }, topology: 'public', vpc }, undefined, ['cidr']));
    relations.push(rel('contains', vpc, subnet, i % 2 ? 'medium' : 'high', name));
    const ng = nodeGroupId(HOSTILE_NAMES[2] ?? 'c', name);
    entities.push(entity('NodeGroup', ng, name, { instanceTypes: [name], capacityType: name, minSize: 1 }, undefined, ['@entity', 'capacityType']));
    relations.push(rel('member-of', ng, cluster, 'low', name));
    const node = k8sId('Node', undefined, `node-${i}-${name}`);
    entities.push(entity('Node', node, `node-${i}-${name}`, { zone: name, instanceType: name }));
    relations.push(rel('member-of', node, ng, 'medium', name));
    const ns = name;
    const dep = k8sId('Deployment', ns, name);
    entities.push(entity('Deployment', dep, name, { replicas: 2, containers: [{ name, image: name }] }, ns));
    const pod = k8sId('Pod', ns, `${name}-pod`);
    entities.push(entity('Pod', pod, `${name}-pod`, { nodeName: `node-${i}-${name}` }, ns));
    relations.push(rel('owns', dep, pod));
    const svc = k8sId('Service', ns, name);
    entities.push(entity('Service', svc, name, { serviceType: name, ports: [{ port: 80, targetPort: name }] }, ns));
    relations.push(rel('selects', svc, pod, 'medium', name));
    const ing = k8sId('Ingress', ns, name);
    entities.push(entity('Ingress', ing, name, { ingressClassName: name, backends: [{ service: name, path: name, host: name }] }, ns));
    const lb = `LoadBalancer:${name}`;
    entities.push(entity('LoadBalancer', lb, name, { scheme: 'internet-facing', hostname: name, lbType: name }));
    relations.push(rel('routes-to', lb, ing, 'low', name));
    const sa = k8sId('ServiceAccount', ns, name);
    entities.push(entity('ServiceAccount', sa, name, { roleArn: `arn:aws:iam::1:role/${name}` }, ns));
    const role = iamRoleId(name);
    entities.push(entity('IamRole', role, name, { managedPolicyArns: [name, { unresolved: name }], trustPrincipals: [name] }));
    if (i % 2) relations.push(rel('assumes', sa, role, 'medium', name));
  });
  const drift = HOSTILE_NAMES.map((name) => ({ code: name, entity: cluster, message: name, declared: name, observed: { unresolved: name } }));
  const findings = HOSTILE_NAMES.map((name, i) => ({ rule: name, severity: 'warning' as const, message: name, entity: vpc, file: name, line: i + 1 }));
  const diagnostics = HOSTILE_NAMES.map((name) => ({ severity: 'error' as const, code: name, file: name, message: name }));
  const inputs = HOSTILE_NAMES.map((name) => ({ file: name, format: 'unknown' as const, documents: 0, status: 'skipped' as const, reason: name }));
  return model(entities, relations, { drift, findings, diagnostics, inputs });
}

/**
 * A model at the scale of the 20k-pod fixture and beyond, built directly (no parsing): many namespaces,
 * node groups, nodes, pods, services and roles, with long names.
 */
export function bigModel(pods = 20_000): ArchitectureModel {
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const cluster = clusterId('big-cluster');
  entities.push(entity('Cluster', cluster, 'big-cluster', { version: '1.30' }));
  const vpc = cfnId('Vpc', 'net.yaml', 'Vpc');
  entities.push(entity('Vpc', vpc, 'vpc-big', { cidr: '10.0.0.0/8' }));
  for (let s = 0; s < 150; s++) {
    const id = cfnId('Subnet', 'net.yaml', `Subnet${s}`);
    entities.push(entity('Subnet', id, `subnet-${String(s).padStart(4, '0')}-with-a-rather-long-name`, { cidr: `10.${s}.0.0/16`, az: `us-east-1${'abcdef'[s % 6] ?? 'a'}`, topology: s % 2 ? 'private' : 'public' }));
    relations.push(rel('contains', vpc, id));
  }
  const groups = 120;
  for (let g = 0; g < groups; g++) {
    const ng = nodeGroupId('big-cluster', `ng-${g}`);
    entities.push(entity('NodeGroup', ng, `ng-${g}`, { nodeGroupType: 'managed', instanceTypes: ['m5.large'] }));
    relations.push(rel('member-of', ng, cluster));
    const role = iamRoleId(`node-role-${g}`);
    entities.push(entity('IamRole', role, `node-role-${g}`, { managedPolicyArns: [`arn:aws:iam::aws:policy/P${g}`, 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'] }));
    relations.push(rel('assumes', ng, role, g % 3 ? 'high' : 'medium', 'J21'));
  }
  const nodes = 2_000;
  for (let n = 0; n < nodes; n++) {
    const id = k8sId('Node', undefined, `ip-10-${n}.ec2.internal`);
    entities.push(entity('Node', id, `ip-10-${n}.ec2.internal`, { zone: `us-east-1${'abcdef'[n % 6] ?? 'a'}`, instanceType: n % 2 ? 'm5.large' : 'm5.xlarge' }));
    relations.push(rel('member-of', id, nodeGroupId('big-cluster', `ng-${n % groups}`), n % 5 ? 'high' : 'medium', 'J10'));
  }
  const namespaces = 80;
  const perDeployment = 10;
  for (let p = 0; p < pods; p++) {
    const ns = `team-namespace-${p % namespaces}`;
    const d = Math.floor(p / (namespaces * perDeployment));
    const depName = `service-with-a-long-name-${d}`;
    const dep = k8sId('Deployment', ns, depName);
    if (p % (namespaces * perDeployment) < namespaces) {
      entities.push(entity('Deployment', dep, depName, { replicas: perDeployment }, ns));
      const svc = k8sId('Service', ns, depName);
      entities.push(entity('Service', svc, depName, { serviceType: 'ClusterIP', ports: [{ port: 80 }] }, ns));
      const sa = k8sId('ServiceAccount', ns, depName);
      entities.push(entity('ServiceAccount', sa, depName, {}, ns));
      relations.push(rel('assumes', sa, iamRoleId(`node-role-${d % groups}`), 'medium', 'J38'));
    }
    const pod = k8sId('Pod', ns, `${depName}-${p}`);
    entities.push(entity('Pod', pod, `${depName}-${p}`, { nodeName: `ip-10-${p % nodes}.ec2.internal` }, ns));
    relations.push(rel('owns', dep, pod), rel('selects', k8sId('Service', ns, depName), pod), rel('runs-on', pod, k8sId('Node', undefined, `ip-10-${p % nodes}.ec2.internal`)));
  }
  return model(entities, relations);
}
