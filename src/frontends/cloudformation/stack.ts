/**
 * One template being resolved: the `EvalEnv` of its intrinsics. Parameters, conditions, resource
 * properties and outputs are evaluated lazily and memoised (each node once, so big templates stay
 * linear and each problem is reported once); cycles give placeholders instead of recursion.
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import type { PathSegment } from '../../load/document.js';
import { evaluateConditionNode } from './conditions.js';
import { deriveAttribute, deriveRef } from './derive.js';
import type { EvalEnv, EvalProblem, Tri } from './env.js';
import { concreteTexts, evaluate } from './intrinsics.js';
import { NESTED_STACK_TYPE } from './nesting.js';
import { parameterValue, pseudoValue } from './pseudo.js';
import { inferStackName, type StackName } from './stack-name.js';
import { expandSection, readOutput, readResource, type OutputDecl, type ResourceDecl, type Template } from './template.js';
import { lit, placeholder, textOf, type CfnValue, type StackKey } from './values.js';

/** What a stack needs from the whole run: overrides, the sink, the export index and nested stacks. */
export interface StackWorld {
  readonly params: Readonly<Record<string, string>>;
  readonly sink: DiagnosticSink;
  importValue(name: CfnValue): CfnValue;
  /** The value a parent stack passes for this (nested) stack's parameter, if any. */
  nestedParameter?(child: Stack, name: string, type: string): CfnValue | undefined;
  /** `Fn::GetAtt <nested stack>.Outputs.<output>`: the child template's output, when it is an input. */
  nestedOutput?(parent: Stack, logicalId: string, output: string): CfnValue | undefined;
  /** Whether the stack is nested in another input (its name is then CloudFormation's own invention). */
  isNested?(stack: Stack): boolean;
}

const PENDING = Symbol('pending');

export class Stack implements EvalEnv {
  readonly key: StackKey;
  readonly resources = new Map<string, ResourceDecl>();
  readonly outputs = new Map<string, OutputDecl>();
  /** Transforms (SAM, macros) can add resources and functions, so findings about them are warnings. */
  readonly lenient: boolean;
  private readonly conditionNodes = new Map<string, { node: unknown; path: readonly PathSegment[] }>();
  private readonly conditionMemo = new Map<string, Tri | typeof PENDING>();
  private readonly paramMemo = new Map<string, CfnValue | typeof PENDING>();
  private readonly propMemo = new Map<string, CfnValue | typeof PENDING>();
  private readonly outputMemo = new Map<string, CfnValue | typeof PENDING>();
  private readonly reported = new Set<string>();

  constructor(
    readonly template: Template,
    private readonly world: StackWorld,
  ) {
    this.key = template.key;
    this.lenient = template.transforms.length > 0;
    const doc = template.doc;
    const resolve = (node: unknown, path: readonly PathSegment[]): string[] | undefined => concreteTexts(evaluate(node, path, this));
    for (const c of expandSection(template.conditions, doc, world.sink, resolve)) this.conditionNodes.set(c.key, { node: c.value, path: c.path });
    for (const entry of expandSection(template.resources, doc, world.sink, resolve)) {
      if (this.resources.has(entry.key)) {
        this.report('error', 'cfn/duplicate-resource', entry.path, `resource ${entry.key} is declared twice`);
        continue;
      }
      const decl = readResource(entry, doc, world.sink);
      if (decl) this.resources.set(decl.logicalId, decl);
    }
    for (const entry of expandSection(template.outputs, doc, world.sink, resolve)) this.outputs.set(entry.key, readOutput(entry));
  }

  get file(): string {
    return this.template.doc.file;
  }

  get mappings(): Template['mappings'] {
    return this.template.mappings;
  }

  lineOf(path: readonly PathSegment[]): number {
    return this.template.doc.lineOf(path);
  }

  /** Reports once per (code, line, message). */
  report(severity: 'error' | 'warning' | 'info', code: string, path: readonly PathSegment[], message: string): void {
    const line = this.lineOf(path);
    const key = `${code}\u0000${line}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.world.sink.report({ severity, code, file: this.file, line, message });
  }

  problem(kind: EvalProblem, path: readonly PathSegment[], message: string): void {
    const severity = kind === 'bad-mapping' || this.lenient ? 'warning' : 'error';
    this.report(severity, `cfn/${kind}`, path, message);
  }

  parameter(name: string): CfnValue | undefined {
    const decl = this.template.parameters.get(name);
    if (!decl) return undefined;
    const memo = this.paramMemo.get(name);
    // Met again while its value is being found (a parent's value that depends on this stack's outputs).
    if (memo === PENDING) return placeholder(`Param(${name})`);
    if (memo) return memo;
    this.paramMemo.set(name, PENDING);
    // A NoEcho value stays out of the model, whoever supplies it.
    const fromParent = decl.noEcho ? undefined : this.world.nestedParameter?.(this, name, decl.type);
    const v = fromParent ?? parameterValue(decl, this.world.params);
    this.paramMemo.set(name, v);
    if (decl.noEcho && this.world.params[name] !== undefined) {
      this.report('warning', 'cfn/noecho-override', ['Parameters', name], `--param ${name} is not used: the parameter is NoEcho, so its value stays out of the model`);
    }
    return v;
  }

  pseudo(name: string): CfnValue | undefined {
    if (name === 'AWS::StackName' && this.world.params[name] === undefined) {
      const inferred = this.inferredName();
      if (inferred) return lit(inferred.name);
    }
    return pseudoValue(name, this.world.params);
  }

  private inferred: StackName | null | undefined;

  /**
   * The stack name inferred from the template or its file name (stack-name.ts), when no
   * `--param AWS::StackName=` gives it and the stack is not nested in another input.
   */
  inferredName(): StackName | undefined {
    if (this.world.params['AWS::StackName'] !== undefined || this.world.isNested?.(this)) return undefined;
    if (this.inferred === undefined) this.inferred = inferStackName(this.template) ?? null;
    return this.inferred ?? undefined;
  }

  /** The stack's name when it is known: given with `--param AWS::StackName=`, else inferred. */
  stackName(): string | undefined {
    return this.world.params['AWS::StackName'] ?? this.inferredName()?.name;
  }

  region(): string | undefined {
    return this.world.params['AWS::Region'];
  }

  importValue(name: CfnValue): CfnValue {
    return this.world.importValue(name);
  }

  condition(name: string): Tri | undefined {
    const memo = this.conditionMemo.get(name);
    if (memo === PENDING) {
      // Met again while it is being evaluated: CloudFormation rejects the template.
      const path = this.conditionNodes.get(name)?.path ?? [];
      this.report(this.lenient ? 'warning' : 'error', 'cfn/circular-condition', path, `condition ${name} depends on itself (through Fn::And, Fn::Or, Fn::Not or Condition)`);
      return 'unknown';
    }
    if (memo !== undefined) return memo;
    const decl = this.conditionNodes.get(name);
    if (!decl) return undefined;
    this.conditionMemo.set(name, PENDING);
    const t = evaluateConditionNode(decl.node, decl.path, this, evaluate);
    this.conditionMemo.set(name, t);
    return t;
  }

  /** A resource's condition: `true` without one; unknown names are reported. */
  resourceCondition(decl: ResourceDecl): Tri {
    if (decl.condition === undefined) return 'true';
    const t = this.condition(decl.condition);
    if (t === undefined) {
      this.problem('unknown-condition', [...decl.path, 'Condition'], `resource ${decl.logicalId} names an unknown condition ${decl.condition}`);
      return 'unknown';
    }
    return t;
  }

  resource(logicalId: string, attribute?: string): CfnValue | undefined {
    const decl = this.resources.get(logicalId);
    if (!decl) return undefined;
    if (decl.type === NESTED_STACK_TYPE && attribute?.startsWith('Outputs.')) {
      const nested = this.world.nestedOutput?.(this, logicalId, attribute.slice('Outputs.'.length));
      if (nested) return nested;
    }
    const read = (p: string): CfnValue | undefined => this.prop(logicalId, p);
    const pseudo = (p: string): CfnValue => this.pseudo(p) ?? placeholder(p);
    const derived = attribute === undefined ? deriveRef(decl.type, read) : deriveAttribute(decl.type, attribute, read, pseudo);
    const base = { kind: 'resource' as const, stack: this.key, logicalId };
    const withAttr = attribute === undefined ? base : { ...base, attribute };
    return derived && derived.kind !== 'absent' ? { ...withAttr, derived } : withAttr;
  }

  /** One evaluated top-level property of a resource (memoised; `undefined` if absent or cyclic). */
  prop(logicalId: string, name: string): CfnValue | undefined {
    const key = `${logicalId}\u0000${name}`;
    const memo = this.propMemo.get(key);
    if (memo === PENDING) return undefined;
    if (memo !== undefined) return memo.kind === 'absent' ? undefined : memo;
    const decl = this.resources.get(logicalId);
    if (!decl || !Object.hasOwn(decl.properties, name)) return undefined;
    this.propMemo.set(key, PENDING);
    const v = evaluate(decl.properties[name], [...decl.path, 'Properties', name], this);
    this.propMemo.set(key, v);
    return v.kind === 'absent' ? undefined : v;
  }

  /** Evaluates a node found under a resource (for nested reads such as `LaunchTemplateData.UserData`). */
  evaluateAt(node: unknown, path: readonly PathSegment[]): CfnValue {
    return evaluate(node, path, this);
  }

  /** An output's value (memoised; a placeholder on a cycle across imports). */
  outputValue(key: string): CfnValue {
    const memo = this.outputMemo.get(key);
    if (memo === PENDING) return placeholder(`Output(${key})`);
    if (memo !== undefined) return memo;
    const decl = this.outputs.get(key);
    if (!decl) return placeholder(`Output(${key})`);
    this.outputMemo.set(key, PENDING);
    const v = evaluate(decl.value, [...decl.path, 'Value'], this);
    this.outputMemo.set(key, v);
    return v;
  }

  /** The export name of an output (evaluated with this template's parameters), if it has one. */
  exportName(decl: OutputDecl): CfnValue | undefined {
    if (decl.exportName === undefined) return undefined;
    if (decl.condition !== undefined && this.condition(decl.condition) === 'false') return undefined;
    return evaluate(decl.exportName, [...decl.path, 'Export', 'Name'], this);
  }

  /** A property's known text (shorthand for lowering). */
  text(logicalId: string, name: string): string | undefined {
    return textOf(this.prop(logicalId, name));
  }
}
