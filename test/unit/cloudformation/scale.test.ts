/**
 * Big templates: lowering does constant work per resource and reference (memoised properties, maps
 * by logical id), and asks the document for one line per resource.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { cloudFormationFrontEnd } from '../../../src/frontends/cloudformation/index.js';
import type { LoadedDocument } from '../../../src/load/document.js';

function bigTemplate(n: number): unknown {
  const resources: Record<string, unknown> = { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } };
  for (let i = 0; i < n; i += 1) {
    resources[`S${i}`] = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: { 'Fn::Select': [i % 256, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 256, 8] }] } } };
    resources[`T${i}`] = { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': `\${S${i}}-\${Vpc}` }, Tags: [{ Key: 'a', Value: { 'Fn::Join': [',', [{ Ref: `S${i}` }, { Ref: `S${(i * 7) % n}` }]] } }] } };
  }
  return { Resources: resources };
}

describe('scale', () => {
  it('8,001 resources and 24,000 references lower in one pass, one line lookup per resource', () => {
    const n = 4000;
    let lookups = 0;
    const doc: LoadedDocument = { file: 'big.json', index: 0, line: 1, value: bigTemplate(n), lineOf: () => (lookups += 1) };
    const sink = new DiagnosticSink();
    const f = cloudFormationFrontEnd.lower([doc], { sink, params: {} });
    expect(f.entities.length).toBe(2 * n + 1);
    expect(sink.items).toEqual([]);
    expect(lookups).toBe(2 * n + 1);
    expect(f.relations.filter((r) => r.type === 'depends-on').length).toBeGreaterThanOrEqual(3 * n);
    expect(f.entities.find((e) => e.props['logicalId'] === 'S300')?.props['cidr']).toBe('10.0.44.0/24');
    // About 0.9 s on the project machine: the per-test timeout only stops a quadratic run from hanging the suite.
  }, 20_000);
});
