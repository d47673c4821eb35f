import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { SHAPES, type FieldType } from '../../../src/frontends/eksctl/schema.js';
import { displayPath, validateClusterConfig } from '../../../src/frontends/eksctl/validate.js';
import { loadText } from '../../../src/load/load-file.js';
import { HEADER, lowerText } from './helpers.js';

function validate(text: string) {
  const sink = new DiagnosticSink();
  const [doc] = loadText(text, 'c.yaml', sink);
  if (!doc) throw new Error('no document');
  return { cleaned: validateClusterConfig(doc, sink), diags: sink.items };
}

describe('validateClusterConfig', () => {
  const cases: { name: string; body: string; code: string; severity: string; line: number; mentions: string }[] = [
    { name: 'unknown top-level field', body: 'zone: eu-west-1a\n', code: 'eksctl/unknown-field', severity: 'warning', line: 6, mentions: '"zone"' },
    { name: 'unknown nested field', body: 'managedNodeGroups:\n  - name: a\n    containerRuntime: containerd\n', code: 'eksctl/unknown-field', severity: 'warning', line: 8, mentions: 'managedNodeGroups[0]' },
    { name: 'integer written as a word', body: 'nodeGroups:\n  - name: a\n    desiredCapacity: three\n', code: 'eksctl/wrong-type', severity: 'error', line: 8, mentions: 'nodeGroups[0].desiredCapacity' },
    { name: 'integer written as a quoted number', body: 'nodeGroups:\n  - name: a\n    minSize: "2"\n', code: 'eksctl/wrong-type', severity: 'error', line: 8, mentions: 'an integer' },
    { name: 'boolean written as a string', body: 'iam:\n  withOIDC: "yes"\n', code: 'eksctl/wrong-type', severity: 'error', line: 7, mentions: 'iam.withOIDC' },
    { name: 'list where a map is expected', body: 'managedNodeGroups:\n  - name: a\n    labels: [x]\n', code: 'eksctl/wrong-type', severity: 'error', line: 8, mentions: 'a map' },
    { name: 'label value that is not a string', body: 'managedNodeGroups:\n  - name: a\n    labels: {tier: 1}\n', code: 'eksctl/wrong-type', severity: 'error', line: 8, mentions: 'labels.tier' },
    { name: 'value outside an enum', body: 'vpc:\n  nat:\n    gateway: Double\n', code: 'eksctl/invalid-value', severity: 'warning', line: 8, mentions: 'HighlyAvailable' },
    { name: 'managed taints as a map (self-managed only)', body: 'managedNodeGroups:\n  - name: a\n    taints: {k: "v:NoSchedule"}\n', code: 'eksctl/wrong-type', severity: 'error', line: 8, mentions: 'a list' },
  ];
  it.each(cases)('$name → $code at line $line', ({ body, code, severity, line, mentions }) => {
    const { diags } = validate(HEADER + body);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code, severity, line, file: 'c.yaml' });
    expect(diags[0]?.message).toContain(mentions);
  });

  it('drops only the bad field; its siblings stay', () => {
    const { cleaned } = validate(`${HEADER}nodeGroups:\n  - name: a\n    desiredCapacity: three\n    instanceType: m5.xlarge\n`);
    expect(cleaned['nodeGroups']).toEqual([{ name: 'a', instanceType: 'm5.xlarge' }]);
  });

  it('says that eksctl rejects the file, for unknown fields and wrong types alike', () => {
    const { diags } = validate(`${HEADER}zone: x\nvpc: {cidr: 10}\n`);
    expect(diags.map((d) => d.message.includes('eksctl rejects'))).toEqual([true, true]);
  });

  it('accepts both taint forms on self-managed groups and null values anywhere', () => {
    const { diags, cleaned } = validate(
      `${HEADER}nodeGroups:\n  - name: a\n    taints: {k: "v:NoSchedule"}\n  - name: b\n    taints: [{key: k, effect: NoExecute}]\n    labels:\n`,
    );
    expect(diags).toEqual([]);
    expect(cleaned['nodeGroups']).toEqual([{ name: 'a', taints: { k: 'v:NoSchedule' } }, { name: 'b', taints: [{ key: 'k', effect: 'NoExecute' }] }]);
  });

  it('knows the v1alpha3 node-group fields only for v1alpha3 documents', () => {
    const body = 'nodeGroups:\n  - name: a\n    allowSSH: true\n';
    expect(validate(HEADER.replace('v1alpha5', 'v1alpha3') + body).diags).toEqual([]);
    expect(validate(HEADER + body).diags.map((d) => d.code)).toEqual(['eksctl/unknown-field']);
  });
});

describe('schema table', () => {
  it('every object reference names a defined shape', () => {
    const missing: string[] = [];
    const visit = (t: FieldType, where: string): void => {
      if (t.kind === 'object' && !SHAPES[t.shape]) missing.push(`${where} → ${t.shape}`);
      if (t.kind === 'list') visit(t.item, where);
      if (t.kind === 'map-of') visit(t.value, where);
    };
    for (const [name, shape] of Object.entries(SHAPES)) for (const [k, t] of Object.entries(shape)) visit(t, `${name}.${k}`);
    expect(missing).toEqual([]);
  });
});

describe('displayPath', () => {
  it.each([
    [[], '(document)'],
    [['metadata', 'name'], 'metadata.name'],
    [['nodeGroups', 2, 'labels', 'a/b'], 'nodeGroups[2].labels.a/b'],
  ] as const)('%j → %s', (path, expected) => expect(displayPath(path)).toBe(expected));
});

describe('names eksctl requires to be unique', () => {
  it('reports a repeated node group (managed and self-managed together), Fargate profile, addon and service account', () => {
    const body = [
      'nodeGroups:', //                                     6
      '  - name: ng-1', //                                  7
      'managedNodeGroups:', //                              8
      '  - name: ng-1', //                                  9
      '  - name: ng-2', //                                  10
      'fargateProfiles:', //                                11
      '  - name: fp', //                                    12
      '  - name: fp', //                                    13
      'addons:', //                                         14
      '  - name: vpc-cni', //                               15
      '  - name: vpc-cni', //                               16
      'iam:', //                                            17
      '  serviceAccounts:', //                              18
      '    - metadata: {name: app, namespace: shop}', //    19
      '    - metadata: {name: app}', //                     20
      '    - metadata: {name: app, namespace: default}', // 21
    ].join('\n');
    const lowered = lowerText(`${HEADER}${body}\n`);
    expect(lowered.diagnostics.filter((d) => d.code === 'eksctl/duplicate-name').map((d) => [d.line, d.message])).toEqual([
      [9, 'node group ng-1 is declared again (first at line 7): eksctl rejects the file; archmap merges the two'],
      [13, 'Fargate profile fp is declared again (first at line 12): eksctl rejects the file; archmap merges the two'],
      [16, 'addon vpc-cni is declared again (first at line 15): eksctl rejects the file; archmap merges the two'],
      [21, 'IAM service account default/app is declared again (first at line 20): eksctl rejects the file; archmap merges the two'],
    ]);
  });
});
