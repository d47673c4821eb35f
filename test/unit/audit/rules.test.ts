import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/audit/engine.js';
import { isFloating } from '../../../src/audit/rules/image-latest-tag.js';
import { RULES } from '../../../src/audit/rules/index.js';
import { makeEntity, type Entity, type PropValue } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';
import type { EntityKind, InputFormat } from '../../../src/model/kinds.js';

const AUDIT_TESTS = dirname(fileURLToPath(import.meta.url));
const RULE_DIR = join(AUDIT_TESTS, '../../../src/audit/rules');

const entity = (kind: EntityKind, name: string, props: Record<string, PropValue>, format: InputFormat = 'eksctl', namespace?: string): Entity =>
  makeEntity({ id: `${kind}:${name}`, kind, name, namespace, props, source: { file: `${format}.yaml`, line: 7, format } });

function audit(...entities: Entity[]) {
  const g = new ModelGraph();
  for (const e of entities) g.addEntity(e);
  return runAudit(g);
}

interface Case {
  name: string;
  rule: string;
  entities: Entity[];
  fires: boolean;
}

const secureCluster = { endpointPublicAccess: false, secretsEncryption: true, logging: ['api', 'audit'] };

const cases: Case[] = [
  { name: 'open public endpoint', rule: 'eks/public-endpoint-open', entities: [entity('Cluster', 'c', { endpointPublicAccess: true })], fires: true },
  { name: 'restricted public endpoint', rule: 'eks/public-endpoint-open', entities: [entity('Cluster', 'c', { ...secureCluster, endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] })], fires: false },
  { name: 'no secrets encryption', rule: 'eks/secrets-encryption', entities: [entity('Cluster', 'c', {})], fires: true },
  { name: 'cluster seen only in node labels is not judged', rule: 'eks/secrets-encryption', entities: [entity('Cluster', 'c', {}, 'kubernetes')], fires: false },
  { name: 'audit logs missing', rule: 'eks/audit-logging', entities: [entity('Cluster', 'c', { logging: ['api'] })], fires: true },
  { name: 'audit logs on', rule: 'eks/audit-logging', entities: [entity('Cluster', 'c', secureCluster)], fires: false },
  // Placeholders (DOMAIN.md B.10): the check is indeterminate, which is no finding.
  { name: 'public access unresolved', rule: 'eks/public-endpoint-open', entities: [entity('Cluster', 'c', { endpointPublicAccess: { unresolved: 'Param(PublicApi)' } }, 'cloudformation')], fires: false },
  { name: 'public CIDRs unresolved', rule: 'eks/public-endpoint-open', entities: [entity('Cluster', 'c', { endpointPublicAccess: true, publicAccessCidrs: [{ unresolved: 'Param(Cidr)' }] }, 'cloudformation')], fires: false },
  { name: 'public CIDR list undecided', rule: 'eks/public-endpoint-open', entities: [entity('Cluster', 'c', { endpointPublicAccess: true, publicAccessCidrs: { unresolved: 'If(C, [a], [b])' } }, 'cloudformation')], fires: false },
  { name: 'a known 0.0.0.0/0 beside an unresolved CIDR', rule: 'eks/public-endpoint-open', entities: [entity('Cluster', 'c', { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0', { unresolved: 'Param(Cidr)' }] }, 'cloudformation')], fires: true },
  { name: 'secrets encryption undecided', rule: 'eks/secrets-encryption', entities: [entity('Cluster', 'c', { secretsEncryption: { unresolved: 'If(Kms, true, false)' } }, 'cloudformation')], fires: false },
  { name: 'secrets encryption off', rule: 'eks/secrets-encryption', entities: [entity('Cluster', 'c', { secretsEncryption: false }, 'cloudformation')], fires: true },
  { name: 'log types undecided', rule: 'eks/audit-logging', entities: [entity('Cluster', 'c', { logging: { unresolved: 'If(Logs, [audit], [])' } }, 'cloudformation')], fires: false },
  { name: 'a log type unresolved', rule: 'eks/audit-logging', entities: [entity('Cluster', 'c', { logging: ['api', { unresolved: 'Param(T)' }] }, 'cloudformation')], fires: false },
  { name: 'AdministratorAccess', rule: 'iam/administrator-access', entities: [entity('IamRole', 'r', { managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] })], fires: true },
  { name: 'ReadOnly only', rule: 'iam/administrator-access', entities: [entity('IamRole', 'r', { managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })], fires: false },
  { name: 'latest image', rule: 'k8s/image-latest', entities: [entity('Deployment', 'd', { containers: [{ name: 'a', image: 'nginx' }] }, 'kubernetes', 'ns')], fires: true },
  { name: 'a pod whose owner is not in the inputs', rule: 'k8s/image-latest', entities: [entity('Pod', 'p', { ownerKind: 'ReplicaSet', ownerName: 'rs', containers: [{ name: 'a', image: 'nginx' }] }, 'kubernetes', 'ns')], fires: true },
  { name: 'a pinned image', rule: 'k8s/image-latest', entities: [entity('Deployment', 'd', { containers: [{ name: 'a', image: 'nginx:1.27' }] }, 'kubernetes', 'ns')], fires: false },
  { name: 'secret-like env literal', rule: 'k8s/secret-literal-env', entities: [entity('Deployment', 'd', { secretLikeEnv: ['DB_PASSWORD'] }, 'kubernetes', 'ns')], fires: true },
];

describe('audit rules', () => {
  it.each(cases)('$rule: $name', ({ rule, entities, fires }) => {
    const hits = audit(...entities).filter((f) => f.rule === rule);
    expect(hits.length > 0).toBe(fires);
    for (const h of hits) expect(h).toMatchObject({ file: expect.any(String), line: 7, entity: entities[0]?.id });
  });

  it('registers every rule file, each tested in this folder (its id or its module), with unique ids and checks', () => {
    const tests = readdirSync(AUDIT_TESTS).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(AUDIT_TESTS, f), 'utf8')).join('\n');
    const ruleFiles = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && readFileSync(join(RULE_DIR, f), 'utf8').includes('export default defineRule('));
    expect(RULES).toHaveLength(ruleFiles.length);
    const untested = ruleFiles.filter((f) => {
      const id = /id: '([^']+)'/.exec(readFileSync(join(RULE_DIR, f), 'utf8'))?.[1] ?? f;
      return !tests.includes(`'${id}'`) && !tests.includes(`rules/${f.replace(/\.ts$/, '.js')}'`);
    });
    expect(untested).toEqual([]);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.check)).size).toBe(RULES.length);
  });

  it('the README lists every rule with its check', () => {
    const readme = readFileSync(join(AUDIT_TESTS, '../../../README.md'), 'utf8');
    expect(RULES.filter((r) => !readme.includes(`| ${r.check} | \`${r.id}\` | ${r.severity} |`)).map((r) => r.id)).toEqual([]);
  });

  it('reports a ServiceAccount that assumes an external role', () => {
    const g = new ModelGraph();
    g.addEntity(entity('ServiceAccount', 'sa', {}, 'kubernetes', 'ns'));
    g.addEntity(entity('IamRole', 'ext', { external: true }, 'kubernetes'));
    g.addRelation({ type: 'assumes', from: 'ServiceAccount:sa', to: 'IamRole:ext', confidence: 'low', rule: 'J38' });
    expect(runAudit(g).filter((f) => f.rule === 'iam/external-irsa-role')).toHaveLength(1);
  });

  it.each([
    ['nginx', true],
    ['nginx:latest', true],
    ['registry:5000/app', true],
    ['registry:5000/app:1.2', false],
    ['app@sha256:abc', false],
    ['public.ecr.aws/eks/aws-load-balancer-controller:v2.7.1', false],
  ])('isFloating(%s) = %s', (image, expected) => {
    expect(isFloating(image)).toBe(expected);
  });

  it('sorts findings deterministically', () => {
    const a = audit(entity('Cluster', 'b', {}), entity('Cluster', 'a', {}));
    const b = audit(entity('Cluster', 'a', {}), entity('Cluster', 'b', {}));
    expect(a).toEqual(b);
  });
});
