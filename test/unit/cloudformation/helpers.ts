/** Builds CloudFormation runs from inline YAML for the unit tests. */
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { cloudFormationFrontEnd } from '../../../src/frontends/cloudformation/index.js';
import type { Stack } from '../../../src/frontends/cloudformation/stack.js';
import { toPropValue } from '../../../src/frontends/cloudformation/values.js';
import { World } from '../../../src/frontends/cloudformation/world.js';
import type { LoadedDocument } from '../../../src/load/document.js';
import { loadText } from '../../../src/load/load-file.js';
import type { Entity, Fragment, PropValue } from '../../../src/model/entity.js';

export function load(files: Record<string, string>, sink = new DiagnosticSink()): LoadedDocument[] {
  return Object.entries(files).flatMap(([file, text]) => loadText(text, file, sink));
}

/** A world over inline templates, with its sink. */
export function world(files: Record<string, string>, params: Record<string, string> = {}): { world: World; sink: DiagnosticSink; stack: (file: string) => Stack } {
  const sink = new DiagnosticSink();
  const w = new World(load(files, sink), sink, params);
  const stack = (file: string): Stack => {
    const s = w.stacks.find((x) => x.file === file);
    if (!s) throw new Error(`no stack ${file}`);
    return s;
  };
  return { world: w, sink, stack };
}

/** Evaluates one long-form node in the (first) template and returns its model form. */
export function evalIn(template: string, node: unknown, params: Record<string, string> = {}): PropValue | undefined {
  const { stack } = world({ 't.yaml': template }, params);
  return toPropValue(stack('t.yaml').evaluateAt(node, []));
}

/** Runs the front end over inline templates. */
export function lower(files: Record<string, string>, params: Record<string, string> = {}): Fragment & { sink: DiagnosticSink; byId: (id: string) => Entity | undefined } {
  const sink = new DiagnosticSink();
  const fragment = cloudFormationFrontEnd.lower(load(files, sink), { sink, params });
  const byId = (id: string): Entity | undefined => fragment.entities.find((e) => e.id === id);
  return { ...fragment, sink, byId };
}

/**
 * A launch template with `userData` (plain text under `Fn::Base64`) and an Auto Scaling group using
 * it; `asgProps` are extra lines of the group's properties (indented six spaces), `after` more
 * template text (tags, other resources).
 */
export function userDataTemplate(userData: string, asgProps = '', after = ''): string {
  const indented = userData
    .split('\n')
    .map((l) => `            ${l}`)
    .join('\n');
  return `Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData:
          Fn::Base64: |
${indented}
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
${asgProps}      MinSize: '1'
      MaxSize: '2'
      LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: '1'}
${after}`;
}

/**
 * Timeout of the tests that feed the CloudFormation readers hostile input sized to make a
 * backtracking or quadratic reader hang (vitest fails a test that overruns it, even synchronous):
 * the linear readers take milliseconds, the former regexes from 6 s to minutes.
 */
export const HANG_MS = 5_000;
