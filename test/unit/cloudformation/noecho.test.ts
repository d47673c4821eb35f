/** NoEcho fails closed: any spelling of "true" (and anything unclear) keeps the parameter's value out of the model. */
import { describe, expect, it } from 'vitest';
import { readNoEcho } from '../../../src/frontends/cloudformation/template.js';
import { evalIn, lower, world } from './helpers.js';

const template = (noEcho: string): string => `Parameters:
  Secret:
    Type: String
    NoEcho: ${noEcho}
    Default: hunter2-SECRET
Resources:
  Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub 'app-\${Secret}'}}
`;

describe('readNoEcho', () => {
  it.each([
    [true, true],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' tRuE ', true],
    [false, false],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    [undefined, false],
    [null, false],
    ['yes', 'unclear'],
    ['', 'unclear'],
    [1, 'unclear'],
    [['true'], 'unclear'],
    [{ Ref: 'X' }, 'unclear'],
  ] as const)('%j → %j', (value, expected) => {
    expect(readNoEcho(value)).toBe(expected);
  });
});

describe('a NoEcho parameter never shows its Default', () => {
  it.each(["'True'", '"TRUE"', "'true'", 'true', 'True', "'tRUE'"])('NoEcho: %s', (noEcho) => {
    expect(evalIn(template(noEcho), { Ref: 'Secret' })).toEqual({ unresolved: 'Param(Secret)' });
    expect(evalIn(template(noEcho), { 'Fn::Sub': 'app-${Secret}' })).toEqual({ unresolved: 'app-${Param(Secret)}' });
    const f = lower({ 't.yaml': template(noEcho) });
    expect(JSON.stringify(f.entities)).not.toContain('hunter2');
    expect(f.sink.items).toEqual([]);
  });

  it.each(["'False'", '"FALSE"', 'false'])('NoEcho: %s shows the Default', (noEcho) => {
    expect(evalIn(template(noEcho), { Ref: 'Secret' })).toBe('hunter2-SECRET');
  });

  it('an unclear NoEcho hides the value and says so, without the value', () => {
    const { stack, sink } = world({ 't.yaml': template("'yes'") });
    expect(stack('t.yaml').evaluateAt({ Ref: 'Secret' }, [])).toEqual({ kind: 'placeholder', expr: 'Param(Secret)' });
    expect(sink.items).toEqual([
      {
        severity: 'warning',
        code: 'cfn/bad-parameter',
        file: 't.yaml',
        line: 4,
        message: 'parameter Secret: NoEcho should be true or false; it is treated as NoEcho (the value stays out of the model)',
      },
    ]);
  });

  it('a "True" NoEcho parameter ignores a --param override too', () => {
    expect(evalIn(template("'True'"), { Ref: 'Secret' }, { Secret: 'cli-secret' })).toEqual({ unresolved: 'Param(Secret)' });
  });
});
