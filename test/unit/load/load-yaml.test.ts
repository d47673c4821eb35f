import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { loadText } from '../../../src/load/load-file.js';

const load = (text: string) => {
  const sink = new DiagnosticSink();
  return { docs: loadText(text, 'f.yaml', sink), diags: sink.items };
};

describe('loadText', () => {
  it('turns CloudFormation short tags into the long form, nested, in all three node forms', () => {
    const { docs, diags } = load(
      [
        'a: !Ref X',
        'b: !GetAtt R.Arn',
        "c: !Sub ['${A}-x', {A: !Ref Y}]",
        "d: !Join [',', [!Ref P, !GetAtt [Q, Arn]]]",
        'e: !If [C, !Select [0, !GetAZs ""], !Ref AWS::NoValue]',
        'f: !Base64',
        '  Fn::Sub: hi',
        "g: !ImportValue {'Fn::Sub': '${Env}-Vpc'}",
      ].join('\n'),
    );
    expect(diags).toEqual([]);
    expect(docs[0]?.value).toEqual({
      a: { Ref: 'X' },
      b: { 'Fn::GetAtt': ['R', 'Arn'] },
      c: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Y' } }] },
      d: { 'Fn::Join': [',', [{ Ref: 'P' }, { 'Fn::GetAtt': ['Q', 'Arn'] }]] },
      e: { 'Fn::If': ['C', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, { Ref: 'AWS::NoValue' }] },
      f: { 'Fn::Base64': { 'Fn::Sub': 'hi' } },
      g: { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-Vpc' } },
    });
  });

  it('reads multi-document YAML with merge keys and reports lines', () => {
    const { docs } = load('a: 1\n---\nbase: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n');
    expect(docs.map((d) => d.line)).toEqual([1, 3]);
    expect(docs[1]?.value).toEqual({ base: { x: 1 }, item: { x: 1, y: 2 } });
    expect(docs[1]?.lineOf(['item', 'y'])).toBe(6);
    expect(docs[1]?.lineOf(['item', 'missing'])).toBe(4);
  });

  it('makes duplicate keys a warning, not an error', () => {
    const { docs, diags } = load('a: 1\na: 2\n');
    expect(docs).toHaveLength(1);
    expect(diags).toMatchObject([{ severity: 'warning', code: 'yaml/duplicate-key', line: 2 }]);
  });

  it('reports a syntax error with its line and keeps the other documents', () => {
    const { docs, diags } = load('a: 1\n---\nb: [unclosed\n---\nc: 3\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(diags.some((d) => d.severity === 'error' && (d.line ?? 0) >= 3)).toBe(true);
  });

  it('rejects alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const { docs, diags } = load(bomb.join('\n'));
    expect(docs).toEqual([]);
    expect(diags.some((d) => d.code === 'yaml/alias-limit')).toBe(true);
  });

  it('reads JSON with a BOM exactly, with lines found lazily', () => {
    const { docs } = load('\ufeff{\n  "Resources": {\n    "A": {"Type": "AWS::S3::Bucket"}\n  }\n}');
    expect(docs[0]?.value).toEqual({ Resources: { A: { Type: 'AWS::S3::Bucket' } } });
    expect(docs[0]?.lineOf(['Resources', 'A'])).toBe(3);
  });
});

describe('lineOfPath', () => {
  it('finds keys of big maps (indexed past 16 entries) and of small ones, the first of duplicate keys', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  R${i}:\n    Type: AWS::S3::Bucket`);
    const text = `Resources:\n${keys.join('\n')}\n  R7:\n    Type: AWS::SNS::Topic\nSmall:\n  a: 1\n  '2': two\n`;
    const sink = new DiagnosticSink();
    const [doc] = loadText(text, 'big.yaml', sink);
    expect(doc?.lineOf(['Resources', 'R0'])).toBe(2);
    expect(doc?.lineOf(['Resources', 'R19999', 'Type'])).toBe(2 + 2 * 19_999 + 1);
    expect(doc?.lineOf(['Resources', 'R7'])).toBe(2 + 2 * 7);
    expect(doc?.lineOf(['Resources', 'Missing'])).toBe(1);
    expect(doc?.lineOf(['Small', 2])).toBe(2 + 2 * 20_000 + 4);
  });
});

describe('CloudFormation short tags with aliases', () => {
  it('resolve an alias inside a collection form with the document anchors, and know the lines inside it', () => {
    const text = 'Resources:\n  A:\n    Properties:\n      Cidr: &cidr 10.0.1.0/24\n  B:\n    Properties:\n      Cidr: !Join\n        - ""\n        - [*cidr]\n      Zone: !Select [0, !GetAZs ""]\n';
    const sink = new DiagnosticSink();
    const [doc] = loadText(text, 't.yaml', sink);
    expect(sink.items).toEqual([]);
    expect((doc?.value as { Resources: { B: { Properties: unknown } } }).Resources.B.Properties).toEqual({
      Cidr: { 'Fn::Join': ['', ['10.0.1.0/24']] },
      Zone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    });
    expect(doc?.lineOf(['Resources', 'B', 'Properties', 'Cidr', 'Fn::Join', 1])).toBe(9);
  });
});

describe('line breaks and merge keys', () => {
  it('reads old Mac line breaks (a lone CR) as line breaks, with lines', () => {
    const text = `apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: x\rdata:\r${Array.from({ length: 3000 }, (_, i) => `  k${i}: v\r`).join('')}`;
    const sink = new DiagnosticSink();
    const [doc] = loadText(text, 'cr.yaml', sink);
    expect(sink.items).toEqual([]);
    expect(Object.keys((doc?.value as { data: object }).data)).toHaveLength(3000);
    expect(doc?.lineOf(['data', 'k2999'])).toBe(3005);
  });

  it('a merge of something that is not a map is yaml/bad-merge', () => {
    const sink = new DiagnosticSink();
    loadText('a: 1\nb:\n  <<: [1]\n  c: 2\n', 'm.yaml', sink);
    expect(sink.items.map((x) => x.code)).toEqual(['yaml/bad-merge']);
  });
});
