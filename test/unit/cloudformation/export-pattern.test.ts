/** Export names with unknown parts: matched by core/glob.ts with the semantics of the former `^text.+text$` regex. */
import { describe, expect, it } from 'vitest';
import { globOfParts, ONE_OR_MORE, type GlobPart } from '../../../src/core/glob.js';
import { MAX_PATTERN_NAME } from '../../../src/frontends/cloudformation/exports.js';
import { toPropValue } from '../../../src/frontends/cloudformation/values.js';
import { HANG_MS, lower, world } from './helpers.js';

const U: typeof ONE_OR_MORE = ONE_OR_MORE;

/** The former implementation, as the oracle (export names hold no line breaks, which `.` would not match). */
function oracle(parts: readonly GlobPart[]): RegExp {
  const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${parts.map((p) => (typeof p === 'string' ? escape(p) : '.+')).join('')}$`);
}

describe('globOfParts (export names with unknown parts)', () => {
  it.each([
    [[U, '::VPC'], 'net-stack::VPC', true],
    [[U, '::VPC'], '::VPC', false],
    [[U, '::VPC'], 'net::VPCx', false],
    [['shop-', U], 'shop-Subnets', true],
    [['shop-', U], 'shop-', false],
    [['a', U, 'b', U, 'c'], 'axbyc', true],
    [['a', U, 'b', U, 'c'], 'abc', false],
    [['a', U, 'b', U, 'c'], 'axbbbyc', true],
    [[U, U], 'x', false],
    [[U, U], 'xy', true],
    [[U, '-', U], 'a-b-c', true],
    // `*` and `?` in a literal part are literal.
    [[U, '.*', U], 'a.*b', true],
    [[U, '.*', U], 'axxb', false],
    [[U, '?'], 'ab', false],
    [[U, '?'], 'a?', true],
  ] as const)('%j ~ %j → %s', (parts, name, expected) => {
    expect(globOfParts(parts).test(name)).toBe(expected);
    expect(oracle(parts).test(name)).toBe(expected);
  });

  it('agrees with the former regex on many small random patterns and names', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const alphabet = ['a', 'b', '-', '*'];
    const word = (max: number): string => Array.from({ length: rand(max + 1) }, () => alphabet[rand(alphabet.length)]).join('');
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const parts: GlobPart[] = Array.from({ length: 1 + rand(5) }, () => (rand(2) === 0 ? U : word(2) || 'a'));
      const name = word(8);
      const expected = oracle(parts).test(name);
      if (expected) matched++;
      expect(globOfParts(parts).test(name), `${JSON.stringify(parts)} ~ ${JSON.stringify(name)}`).toBe(expected);
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('has no exponential backtracking where the regex had (24 adjacent unknowns, then "!")', () => {
    const pattern = globOfParts([...Array.from({ length: 24 }, (): GlobPart => U), '!']);
    expect(pattern.test('a'.repeat(40))).toBe(false);
    expect(pattern.test('a'.repeat(MAX_PATTERN_NAME - 1) + '!')).toBe(true);
    const parts = Array.from({ length: 64 }, (): GlobPart[] => [U, 'a']).flat();
    expect(globOfParts(parts).test('a'.repeat(MAX_PATTERN_NAME - 1) + 'b')).toBe(false);
    expect(globOfParts(parts).test('a'.repeat(MAX_PATTERN_NAME))).toBe(true);
  });
});

describe('ExportIndex with a hostile pattern', () => {
  const A = `Resources:
  V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
Outputs:
  O:
    Value: !Ref V
    Export: {Name: !Sub "${'${AWS::AccountId}'.repeat(24)}!"}
`;
  const B = (name: string): string => `Resources:
  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !ImportValue "${name}", CidrBlock: 10.0.0.0/24}}
`;

  it('an import that the pattern does not match stays a placeholder (the former regex did not return within minutes)', () => {
    const { stack } = world({ 'a.yaml': A, 'b.yaml': B('a'.repeat(40)) });
    expect(toPropValue(stack('b.yaml').prop('S', 'VpcId'))).toEqual({ unresolved: `Import(${'a'.repeat(40)})` });
  }, HANG_MS);

  it('an import the pattern matches binds with medium confidence', () => {
    const f = lower({ 'a.yaml': A, 'b.yaml': B(`${'1'.repeat(24)}!`) });
    expect(f.relations).toContainEqual({ type: 'depends-on', from: 'Subnet:cfn:b.yaml#S', to: 'Vpc:cfn:a.yaml#V', rule: 'J6', confidence: 'medium' });
  });

  it('an import name longer than the bound binds only exactly', () => {
    const f = lower({ 'a.yaml': A, 'b.yaml': B(`${'1'.repeat(MAX_PATTERN_NAME)}!`) });
    expect(f.relations.filter((r) => r.rule === 'J6')).toEqual([]);
  });

  it('a duplicate export name is reported without repeating the name', () => {
    const net = 'Resources:\n  T: {Type: AWS::SNS::Topic}\nOutputs:\n  Out: {Value: x, Export: {Name: tok-SECRET}}\n';
    const f = lower({ 'a.yaml': net, 'b.yaml': net });
    expect(f.sink.items.filter((d) => d.code === 'cfn/duplicate-export')).toEqual([
      { severity: 'warning', code: 'cfn/duplicate-export', file: 'b.yaml', line: 4, message: 'the export name of output Out is also exported by a.yaml (Out); the first is used' },
    ]);
  });
});
