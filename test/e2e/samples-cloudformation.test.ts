/** samples/cfn (network.yaml + platform.yaml) end to end through the public pipeline. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load as loadJsYaml, Type, DEFAULT_SCHEMA } from 'js-yaml';
import { isObject } from '../../src/core/guards.js';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import { importArchitecture } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/paths.js';

/** CloudFormation tags for js-yaml, so the samples are read independently of archmap's loader. */
const TAGS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'ImportValue', 'GetAZs'].flatMap((fn) =>
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type(`!${fn}`, { kind, construct: (data: unknown) => ({ [fn]: data }) })),
);
const SCHEMA = DEFAULT_SCHEMA.extend(TAGS);

/** Resource logical ids → [Type, line of the key], read with js-yaml and a line scan. */
function declared(file: string): Map<string, { type: string; line: number }> {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const doc: unknown = loadJsYaml(text, { schema: SCHEMA });
  const resources = isObject(doc) && isObject(doc['Resources']) ? doc['Resources'] : {};
  const lines = text.split('\n');
  const out = new Map<string, { type: string; line: number }>();
  for (const [id, r] of Object.entries(resources)) {
    const line = lines.findIndex((l) => l === `  ${id}:`) + 1;
    out.set(id, { type: isObject(r) && typeof r['Type'] === 'string' ? r['Type'] : '', line });
  }
  return out;
}

const KIND_OF_TYPE: Record<string, string> = {
  'AWS::EC2::VPC': 'Vpc',
  'AWS::EC2::Subnet': 'Subnet',
  'AWS::EC2::InternetGateway': 'InternetGateway',
  'AWS::EC2::NatGateway': 'NatGateway',
  'AWS::EC2::RouteTable': 'RouteTable',
  'AWS::IAM::Role': 'IamRole',
};

let m: ArchitectureModel;
beforeAll(async () => {
  m = await importArchitecture(['samples/cfn'], { cwd: REPO_ROOT });
});

describe('samples/cfn', () => {
  it('imports both templates cleanly', () => {
    expect(m.inputs).toEqual([
      { file: 'samples/cfn/network.yaml', format: 'cloudformation', documents: 1, status: 'ok' },
      { file: 'samples/cfn/platform.yaml', format: 'cloudformation', documents: 1, status: 'ok' },
    ]);
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it.each(['samples/cfn/network.yaml', 'samples/cfn/platform.yaml'])('%s: every resource has the right kind and line', (file) => {
    const resources = declared(file);
    expect(resources.size).toBeGreaterThan(5);
    for (const [logicalId, { type, line }] of resources) {
      const e = m.entities.find((x) => x.props['logicalId'] === logicalId && x.sources.some((s) => s.file === file));
      expect({ logicalId, kind: e?.kind, line: e?.sources.find((s) => s.file === file)?.line, cfnType: e?.props['cfnType'] }).toEqual({
        logicalId, kind: KIND_OF_TYPE[type] ?? 'AwsResource', line, cfnType: type,
      });
    }
  });

  it.each([
    ['OrdersIrsaRole', 'shop-prod-orders-irsa', 'system:serviceaccount:shop:orders'],
    ['CatalogIrsaRole', 'shop-prod-catalog-irsa', 'system:serviceaccount:shop:catalog'],
    ['ReportsIrsaRole', 'shop-prod-reports-irsa', 'system:serviceaccount:batch:reports'],
  ])('%s is IamRole:%s with its IRSA subject', (logicalId, roleName, subject) => {
    const role = m.entities.find((e) => e.id === `IamRole:${roleName}`);
    expect(role?.props).toMatchObject({ logicalId, roleName, oidcSubjects: [subject] });
    expect(role?.props['trustPrincipals']).toEqual([expect.stringMatching(/^Federated:arn:aws:iam::.*:oidc-provider\/oidc\.eks\./)]);
  });

  it('resolves the ImportValue: DbSubnetGroup depends on the three private subnets of network.yaml (J6)', () => {
    const edges = m.relations.filter((r) => r.from === 'AwsResource:cfn:samples/cfn/platform.yaml#DbSubnetGroup' && r.type === 'depends-on');
    expect(edges.map((r) => [r.to, r.rule, r.confidence])).toEqual([1, 2, 3].map((i) => [`Subnet:cfn:samples/cfn/network.yaml#PrivateSubnet${i}`, 'J6', 'high']));
  });

  it('classifies the subnets by their routes (J7) and keeps the unknown AZs as placeholders', () => {
    const subnets = m.entities.filter((e) => e.kind === 'Subnet' && e.sources.some((s) => s.file === 'samples/cfn/network.yaml'));
    expect(subnets.map((s) => [s.props['logicalId'], s.props['topology']]).sort()).toEqual([
      ['PrivateSubnet1', 'private'], ['PrivateSubnet2', 'private'], ['PrivateSubnet3', 'private'],
      ['PublicSubnet1', 'public'], ['PublicSubnet2', 'public'], ['PublicSubnet3', 'public'],
    ]);
    expect(subnets.find((s) => s.props['logicalId'] === 'PublicSubnet2')?.props['az']).toEqual({ unresolved: 'GetAZs()[1]' });
  });

  it('with --param AWS::Region the AZ placeholders name the region', async () => {
    const withRegion = await importArchitecture(['samples/cfn'], { cwd: REPO_ROOT, params: { 'AWS::Region': 'ap-northeast-1' } });
    const s = withRegion.entities.find((e) => e.props['logicalId'] === 'PrivateSubnet3');
    expect(s?.props['az']).toEqual({ unresolved: 'GetAZs(ap-northeast-1)[2]' });
  });
});
