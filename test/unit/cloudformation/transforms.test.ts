/**
 * Template transforms (DOMAIN.md B.9 step 11): `AWS::LanguageExtensions` is expanded; any other
 * (SAM, `AWS::Include`, macros) gets one `cfn/transform-not-expanded` warning at its line, and the
 * circular-dependency check does not run (the transform rewrites the resources first).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../../src/pipeline.js';
import { CORPUS, REPO_ROOT } from '../../helpers/paths.js';
import { lower } from './helpers.js';

const cycle = [
  'Resources:', //                             2
  '  Fn:', //                                  3
  '    Type: AWS::Serverless::Function', //    4
  '    Properties:', //                        5
  '      DeploymentPreference:', //            6
  '        Alarms: [!Ref Alarm]', //           7
  '  Alarm:', //                               8
  '    Type: AWS::CloudWatch::Alarm', //       9
  '    Properties:', //                        10
  '      Dimensions: [{Name: FunctionName, Value: !Ref Fn}]', // 11
].join('\n');

const diagnostics = (text: string): [string, string, number | undefined, string][] =>
  lower({ 't.yaml': `${text}\n` }).sink.items.map((d) => [d.severity, d.code, d.line, d.message]);

const NOT_EXPANDED = (what: string): string =>
  `Transform (${what}) is not expanded: resources and properties it adds or changes are not in the model, so results for this template are approximate`;

describe('transforms', () => {
  it('SAM: one warning at the Transform line, and no circular-dependency report', () => {
    expect(diagnostics(`Transform: AWS::Serverless-2016-10-31\n${cycle}`)).toEqual([['warning', 'cfn/transform-not-expanded', 1, NOT_EXPANDED('AWS::Serverless-2016-10-31')]]);
  });

  it('several transforms: still one warning; a macro is not named', () => {
    const text = `Transform:\n  - AWS::LanguageExtensions\n  - MyMacro\n  - AWS::Serverless-2016-10-31\n  - {Name: AWS::Include, Parameters: {Location: s3://b/k}}\n${cycle}`;
    expect(diagnostics(text)).toEqual([['warning', 'cfn/transform-not-expanded', 1, NOT_EXPANDED('a macro, AWS::Serverless-2016-10-31, AWS::Include')]]);
  });

  it('AWS::LanguageExtensions alone is expanded: no transform warning, and cycles are still reported (as warnings)', () => {
    expect(diagnostics(`Transform: AWS::LanguageExtensions\n${cycle}`)).toEqual([
      ['warning', 'cfn/circular-dependency', 8, 'resources Alarm, Fn depend on each other; CloudFormation rejects circular dependencies'],
    ]);
  });

  it('no transform: the cycle is an error', () => {
    expect(diagnostics(`AWSTemplateFormatVersion: '2010-09-09'\n${cycle}`)).toEqual([
      ['error', 'cfn/circular-dependency', 8, 'resources Alarm, Fn depend on each other; CloudFormation rejects circular dependencies'],
    ]);
  });

  it('corpus SAM template with DeploymentPreference alarms: only the transform warning', async () => {
    const file = join(CORPUS, 'cfn-yaml/aws-cloudformation+cfn-lint__test_fixtures_templates_issues_sam_w_conditions.yaml');
    const m = await importArchitecture([file], { cwd: REPO_ROOT });
    expect(m.diagnostics.map((d) => [d.severity, d.code, d.line, d.message])).toEqual([['warning', 'cfn/transform-not-expanded', 2, NOT_EXPANDED('AWS::Serverless-2016-10-31')]]);
  });
});
