/** CloudFormation diagnostics name logical ids, keys and functions, never an evaluated value. */
import { describe, expect, it } from 'vitest';
import { computeCidr } from '../../../src/frontends/cloudformation/cidr.js';
import { world } from './helpers.js';

const TEMPLATE = `Parameters:
  Token: {Type: String, Default: tok-SECRET}
  Index: {Type: Number, Default: 8675309}
  Neg: {Type: Number, Default: -31415}
Mappings:
  Sizes:
    prod: {Instance: m5.large}
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      A: !Select [!Ref Index, [a, b]]
      B: !Select [!Ref Neg, [a, b]]
      C: !FindInMap [!Ref Token, prod, Instance]
      D: !FindInMap [Sizes, !Ref Token, Instance]
      E: !FindInMap [Sizes, prod, !Ref Token]
      F: !Cidr [!Ref Token, 2, 8]
      G: !Cidr [10.0.0.0/24, !Ref Index, 4]
      H: !Cidr [10.0.0.0/24, 2, !Ref Index]
      I: !Cidr [10.0.0.0/24, 17, 4]
      J: !If [{Ref: Token}, a, b]
      K: !If [tok-SECRET-condition, a, b]
`;

describe('evaluation problems do not repeat values', () => {
  it.each([
    ['A', 12, 'cfn/bad-argument', 'Fn::Select index is out of range (the list has 2 items)'],
    ['B', 13, 'cfn/bad-argument', 'Fn::Select index must be a non-negative integer'],
    ['C', 14, 'cfn/bad-mapping', 'Fn::FindInMap: Mappings has no such map'],
    ['D', 15, 'cfn/bad-mapping', 'Fn::FindInMap: Mappings.Sizes has no such top-level key'],
    ['E', 16, 'cfn/bad-mapping', 'Fn::FindInMap: Mappings.Sizes.prod has no such second-level key'],
    ['F', 17, 'cfn/bad-argument', 'Fn::Cidr: the IP block is not a CIDR block'],
    ['G', 18, 'cfn/bad-argument', 'Fn::Cidr: the count must be an integer from 1 to 256'],
    ['H', 19, 'cfn/bad-argument', "Fn::Cidr: cidrBits must be a non-negative integer no larger than the block's host bits"],
    ['I', 20, 'cfn/bad-argument', 'Fn::Cidr: the IP block holds fewer blocks of that size than the count asks for'],
    ['J', 21, 'cfn/unknown-condition', 'Fn::If must start with the name of a condition'],
  ])('%s (line %i): %s', (prop, line, code, message) => {
    const { stack, sink } = world({ 't.yaml': TEMPLATE });
    stack('t.yaml').prop('Topic', prop);
    expect(sink.items.map((d) => ({ code: d.code, line: d.line, message: d.message }))).toEqual([{ code, line, message }]);
  });

  it('a condition name written in the template is named', () => {
    const { stack, sink } = world({ 't.yaml': TEMPLATE });
    stack('t.yaml').prop('Topic', 'K');
    expect(sink.items.map((d) => d.message)).toEqual(['Fn::If names an unknown condition tok-SECRET-condition']);
  });

  it('{Condition: …} with something other than a name', () => {
    const { stack, sink } = world({ 'c.yaml': 'Conditions:\n  C: !And [{Condition: [8675309]}, {Condition: Missing}]\nResources:\n  T: {Type: AWS::SNS::Topic}\n' });
    expect(stack('c.yaml').condition('C')).toBe('unknown');
    expect(sink.items.map((d) => d.message)).toEqual(['Condition must be the name of a condition', 'unknown condition Missing']);
  });

  it('computeCidr messages hold none of the inputs', () => {
    expect(computeCidr('sk-live-SECRET', 2, 8)).toEqual({ ok: false, message: 'the IP block is not a CIDR block' });
    expect(computeCidr('10.0.0.0/24', 8675309, 4)).toEqual({ ok: false, message: 'the count must be an integer from 1 to 256' });
  });
});
