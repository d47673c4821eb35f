/**
 * Which resources a resource refers to (DOMAIN.md J5/J6): `Ref`, `Fn::GetAtt`, `${X}` / `${X.Attr}` in
 * `Fn::Sub`, `DependsOn`, and through `Fn::ImportValue` the resources behind the export in another
 * template. Branches of an `Fn::If` whose condition is known false are not followed. References to
 * nothing are reported here (once), with file:line.
 */
import { asArray, isObject } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';
import type { Confidence } from '../../model/kinds.js';
import type { ExportIndex } from './exports.js';
import type { Stack } from './stack.js';
import { subVariables } from './sub.js';
import type { ResourceDecl } from './template.js';

export interface Reference {
  readonly stack: Stack;
  readonly logicalId: string;
  /** `cfn-ref` inside one template, `J6` through an export/import. */
  readonly rule: 'cfn-ref' | 'J6';
  readonly confidence: Confidence;
}

type Path = readonly PathSegment[];

export class ReferenceScanner {
  private readonly outputMemo = new Map<string, Reference[] | 'pending'>();

  constructor(private readonly exports: ExportIndex) {}

  /** References of one resource: its Properties and DependsOn. */
  resourceRefs(stack: Stack, decl: ResourceDecl): Reference[] {
    const out: Reference[] = [];
    decl.dependsOn.forEach((id, i) => this.target(stack, id, [...decl.path, 'DependsOn', i], out));
    this.scan(decl.properties, [...decl.path, 'Properties'], stack, out);
    return out;
  }

  /** References of an output's value (what an importer depends on). */
  outputRefs(stack: Stack, key: string): Reference[] {
    const memoKey = `${stack.key}\u0000${key}`;
    const memo = this.outputMemo.get(memoKey);
    if (memo === 'pending') return [];
    if (memo) return memo;
    this.outputMemo.set(memoKey, 'pending');
    const decl = stack.outputs.get(key);
    const out: Reference[] = [];
    if (decl) this.scan(decl.value, [...decl.path, 'Value'], stack, out);
    this.outputMemo.set(memoKey, out);
    return out;
  }

  private target(stack: Stack, id: string, path: Path, out: Reference[]): void {
    if (stack.resources.has(id)) {
      out.push({ stack, logicalId: id, rule: 'cfn-ref', confidence: 'high' });
      return;
    }
    if (stack.template.parameters.has(id) || id.startsWith('AWS::')) return;
    stack.report(stack.lenient ? 'warning' : 'error', 'cfn/unknown-ref', path, `${id} is neither a resource nor a parameter of this template`);
  }

  private scan(node: unknown, path: Path, stack: Stack, out: Reference[]): void {
    if (Array.isArray(node)) {
      node.forEach((x: unknown, i) => this.scan(x, [...path, i], stack, out));
      return;
    }
    if (!isObject(node)) return;
    const keys = Object.keys(node);
    const [fn] = keys;
    if (keys.length !== 1 || fn === undefined) {
      for (const [k, v] of Object.entries(node)) this.scan(v, [...path, k], stack, out);
      return;
    }
    const arg = node[fn];
    const at = [...path, fn];
    switch (fn) {
      case 'Ref':
        if (typeof arg === 'string') this.target(stack, arg, at, out);
        else this.scan(arg, at, stack, out);
        return;
      case 'Fn::GetAtt': {
        const id = typeof arg === 'string' ? arg.split('.')[0] : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
        if (id !== undefined) this.target(stack, id, at, out);
        if (Array.isArray(arg)) this.scan(arg, at, stack, out);
        return;
      }
      case 'Fn::Sub':
        this.scanSub(arg, at, stack, out);
        return;
      case 'Fn::If':
        this.scanIf(arg, at, stack, out);
        return;
      case 'Fn::ImportValue':
        this.scan(arg, at, stack, out);
        this.scanImport(arg, at, stack, out);
        return;
      default:
        this.scan(arg, at, stack, out);
    }
  }

  private scanSub(arg: unknown, path: Path, stack: Stack, out: Reference[]): void {
    const template: unknown = Array.isArray(arg) ? asArray(arg)[0] : arg;
    const vars = Array.isArray(arg) && isObject(arg[1]) ? arg[1] : {};
    if (Array.isArray(arg)) this.scan(vars, [...path, 1], stack, out);
    if (typeof template !== 'string') return;
    for (const name of subVariables(template)) {
      if (Object.hasOwn(vars, name) || name.startsWith('AWS::')) continue;
      const dot = name.indexOf('.');
      this.target(stack, dot > 0 ? name.slice(0, dot) : name, path, out);
    }
  }

  private scanIf(arg: unknown, path: Path, stack: Stack, out: Reference[]): void {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
      this.scan(arg, path, stack, out);
      return;
    }
    const t = stack.condition(arg[0]);
    if (t !== 'false') this.scan(arg[1], [...path, 1], stack, out);
    if (t !== 'true') this.scan(arg[2], [...path, 2], stack, out);
  }

  private scanImport(arg: unknown, path: Path, stack: Stack, out: Reference[]): void {
    const target = this.exports.lookup(stack.evaluateAt(arg, path));
    if (!target) return;
    for (const r of this.outputRefs(target.stack, target.outputKey)) {
      const confidence = r.confidence === 'high' ? target.confidence : r.confidence;
      out.push({ stack: r.stack, logicalId: r.logicalId, rule: 'J6', confidence });
    }
  }
}
