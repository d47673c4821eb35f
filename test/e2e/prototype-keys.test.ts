/**
 * Keys that a plain object answers from its prototype (`constructor`, `toString`, `__proto__`…) are
 * data like any other when they come from input: never a lookup hit in archmap's own tables, never
 * a prototype (found by fuzzing: `Type: constructor` made an entity whose id was Object's source).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { own, setOwn } from '../../src/core/guards.js';
import { importArchitecture } from '../../src/pipeline.js';
import { renderChunks } from '../../src/render/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'archmap-proto-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const CFN = `AWSTemplateFormatVersion: "2010-09-09"
Mappings:
  M: {k1: {k2: 10.0.0.0/24}}
Resources:
  A: {Type: constructor}
  B: {Type: toString}
  C: {Type: AWS::EC2::Subnet, Properties: {VpcId: v, CidrBlock: !FindInMap [M, k1, hasOwnProperty]}}
  D: {Type: AWS::EC2::Subnet, Properties: {VpcId: v, CidrBlock: !FindInMap [M, __proto__, constructor]}}
  E: {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub "\${constructor}-x"}}
`;

const EKSCTL = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
constructor: 1
metadata:
  name: c1
  region: eu-west-1
  hasOwnProperty: 3
vpc:
  subnets:
    private:
      __proto__: {id: subnet-0aaaaaaaaaaaaaaa1, az: eu-west-1a}
      eu-west-1b: {id: subnet-0bbbbbbbbbbbbbbb2}
`;

const K8S = `apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: default
  labels: {__proto__: polluted, constructor: c}
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: constructor
spec:
  type: LoadBalancer
  selector: {toString: x}
`;

describe('prototype keys from input', () => {
  it('own and setOwn see only own entries and always set one', () => {
    expect(own({ a: 1 }, 'constructor')).toBeUndefined();
    expect(own({ a: 1 }, 'a')).toBe(1);
    const o: Record<string, unknown> = {};
    setOwn(o, '__proto__', { x: 1 });
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__']);
  });

  it('are plain data in CloudFormation, eksctl and Kubernetes files, in every output', async () => {
    const dir = project({ 'cfn.yaml': CFN, 'cluster.yaml': EKSCTL, 'svc.yaml': K8S });
    const model = await importArchitecture(['.'], { cwd: dir });
    const outputs = (['json', 'markdown', 'mermaid'] as const).map((f) => [...renderChunks(model, f)].join(''));
    for (const out of outputs) expect(out).not.toMatch(/native code|function Object|\[object Object\]/);
    const byId = new Map(model.entities.map((e) => [e.id, e]));
    expect(byId.get('AwsResource:cfn:cfn.yaml#A')?.props['cfnType']).toBe('constructor');
    expect(byId.get('AwsResource:cfn:cfn.yaml#B')?.props['cfnType']).toBe('toString');
    const warnings = model.diagnostics.map((d) => `${d.file}:${d.line ?? ''} ${d.code}`);
    expect(warnings).toContain('cfn.yaml:7 cfn/bad-mapping');
    expect(warnings).toContain('cfn.yaml:8 cfn/bad-mapping');
    expect(warnings).toContain('cluster.yaml:3 eksctl/unknown-field');
    expect(warnings).toContain('cluster.yaml:7 eksctl/unknown-field');
    expect(model.entities.some((e) => e.kind === 'Subnet' && e.props['subnetId'] === 'subnet-0aaaaaaaaaaaaaaa1')).toBe(true);
    // (An object literal cannot write an own `__proto__`: compare the entries.)
    expect(Object.entries(byId.get('Service:default/s')?.props['labels'] ?? {})).toEqual([['__proto__', 'polluted'], ['constructor', 'c']]);
    expect(Object.getPrototypeOf(byId.get('Service:default/s')?.props['labels'])).toBe(Object.prototype);
  });
});
