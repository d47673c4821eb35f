/**
 * The static evaluator of CloudFormation intrinsic functions (DOMAIN.md B.9): template nodes in,
 * `CfnValue`s out. One handler per function in a table; list/string helpers live in
 * `intrinsics-lists.ts`, conditions in `conditions.ts`. Unknown values become explicit placeholders.
 */
import { isObject, own } from '../../core/guards.js';
import { evaluateConditionNode, triToValue } from './conditions.js';
import type { EvalEnv } from './env.js';
import { expandForEach, FOR_EACH_PREFIX } from './foreach.js';
import { args, evaluateText, type Handler, type Path } from './handler.js';
import { LIST_FUNCTIONS } from './intrinsics-lists.js';
import { parseSub } from './sub.js';
import { ABSENT, concat, isConcrete, lit, list, placeholder, render, textOf, toPropValue, type CfnValue } from './values.js';


/** Evaluates any template node. */
export function evaluate(node: unknown, path: Path, env: EvalEnv): CfnValue {
  if (node === undefined) return ABSENT;
  if (node === null || typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return lit(node);
  if (Array.isArray(node)) return list(node.map((x: unknown, i) => evaluate(x, [...path, i], env)));
  if (!isObject(node)) return lit(null);
  const keys = Object.keys(node);
  const [only] = keys;
  if (keys.length === 1 && only !== undefined && (only === 'Ref' || only.startsWith('Fn::')) && !only.startsWith(FOR_EACH_PREFIX)) {
    return callFunction(only, node[only], [...path, only], env);
  }
  const entries = new Map<string, CfnValue>();
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith(FOR_EACH_PREFIX)) {
      expandInline(v, [...path, k], env, entries);
      continue;
    }
    const value = evaluate(v, [...path, k], env);
    if (value.kind !== 'absent') entries.set(k, value);
  }
  return { kind: 'map', entries };
}

function expandInline(value: unknown, path: Path, env: EvalEnv, into: Map<string, CfnValue>): void {
  const result = expandForEach(value, path, (node, p) => concreteTexts(evaluate(node, p, env)));
  if (result.kind !== 'expanded') {
    env.problem('bad-argument', path, 'Fn::ForEach in properties could not be expanded statically');
    return;
  }
  for (const e of result.entries) into.set(e.key, evaluate(e.value, e.path, env));
}

/** Texts of a concrete list value, else `undefined`. */
export function concreteTexts(v: CfnValue): string[] | undefined {
  if (v.kind !== 'list') return undefined;
  const out: string[] = [];
  for (const i of v.items) {
    const t = textOf(i);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out;
}

function callFunction(name: string, arg: unknown, path: Path, env: EvalEnv): CfnValue {
  const handler = own(FUNCTIONS, name) ?? own(LIST_FUNCTIONS, name);
  if (handler) return handler(arg, path, env, evaluate);
  env.problem('unknown-function', path, `${name} is not a CloudFormation intrinsic function`);
  return placeholder(`${name}(…)`);
}

function ref(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  const name = evaluateText(arg, path, env, evaluate);
  if (name === undefined) {
    env.problem('bad-argument', path, 'Ref takes a logical id or parameter name');
    return placeholder('Ref(?)');
  }
  if (name.startsWith('AWS::')) {
    const pseudo = env.pseudo(name);
    if (pseudo) return pseudo;
    env.problem('unknown-pseudo', path, `${name} is not a pseudo parameter`);
    return placeholder(name);
  }
  return env.parameter(name) ?? env.resource(name) ?? placeholder(`Ref(${name})`);
}

function getAtt(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  let id: string | undefined;
  let attr: string | undefined;
  if (typeof arg === 'string') {
    const dot = arg.indexOf('.');
    [id, attr] = dot < 0 ? [arg, undefined] : [arg.slice(0, dot), arg.slice(dot + 1)];
  } else if (Array.isArray(arg) && arg.length === 2) {
    id = evaluateText(arg[0], [...path, 0], env, evaluate);
    attr = evaluateText(arg[1], [...path, 1], env, evaluate);
  }
  if (id === undefined || attr === undefined || attr === '') {
    env.problem('bad-arity', path, 'Fn::GetAtt takes [LogicalId, Attribute] or "LogicalId.Attribute"');
    return placeholder(`GetAtt(${id ?? '?'}.${attr ?? '?'})`);
  }
  return env.resource(id, attr) ?? placeholder(`GetAtt(${id}.${attr})`);
}

/** `${Name}` inside Sub: a Sub variable, pseudo parameter, parameter, resource or `Logical.Attr`. */
function subVariable(name: string, vars: ReadonlyMap<string, CfnValue>, env: EvalEnv): CfnValue {
  const bound = vars.get(name);
  if (bound) return bound;
  if (name.startsWith('AWS::')) return env.pseudo(name) ?? placeholder(name);
  const direct = env.parameter(name) ?? env.resource(name);
  if (direct) return direct;
  const dot = name.indexOf('.');
  if (dot > 0) return env.resource(name.slice(0, dot), name.slice(dot + 1)) ?? placeholder(`GetAtt(${name})`);
  return placeholder(`Ref(${name})`);
}

function sub(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  let template: unknown = arg;
  const vars = new Map<string, CfnValue>();
  if (Array.isArray(arg)) {
    const a = args(arg, path, env, 'Fn::Sub', 2);
    if (!a) return placeholder('Sub(?)');
    template = a[0];
    const varNode = a[1];
    if (!isObject(varNode)) {
      env.problem('bad-argument', [...path, 1], 'Fn::Sub variables must be a mapping');
    } else {
      for (const [k, v] of Object.entries(varNode)) vars.set(k, evaluate(v, [...path, 1, k], env));
    }
  }
  if (typeof template !== 'string') {
    env.problem('bad-argument', path, 'Fn::Sub takes a template string');
    return placeholder('Sub(?)');
  }
  return concat(parseSub(template).map((p) => (p.kind === 'text' ? p.text : subVariable(p.name, vars, env))));
}

function ifFn(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  const a = args(arg, path, env, 'Fn::If', 3);
  if (!a) return placeholder('If(?)');
  const name = typeof a[0] === 'string' ? a[0] : undefined;
  const tri = name === undefined ? undefined : env.condition(name);
  if (name === undefined || tri === undefined) {
    env.problem('unknown-condition', [...path, 0], name === undefined ? 'Fn::If must start with the name of a condition' : `Fn::If names an unknown condition ${name}`);
    return placeholder(`If(${String(name)})`);
  }
  if (tri === 'true') return evaluate(a[1], [...path, 1], env);
  if (tri === 'false') return evaluate(a[2], [...path, 2], env);
  const whenTrue = evaluate(a[1], [...path, 1], env);
  const whenFalse = evaluate(a[2], [...path, 2], env);
  if (JSON.stringify(toPropValue(whenTrue)) === JSON.stringify(toPropValue(whenFalse)) && isConcrete(whenTrue)) return whenTrue;
  return { kind: 'alt', condition: name, whenTrue, whenFalse };
}

function importValue(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  return env.importValue(evaluate(arg, path, env));
}

function booleanFn(name: string): Handler {
  return (arg, path, env) => triToValue(evaluateConditionNode({ [name]: arg }, path.slice(0, -1), env, evaluate), name);
}

function transform(arg: unknown): CfnValue {
  const name = isObject(arg) && typeof arg['Name'] === 'string' ? arg['Name'] : '?';
  // A macro's output cannot be known without running it.
  return placeholder(`Transform(${name})`);
}

function length(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  const v = evaluate(arg, path, env);
  return v.kind === 'list' ? lit(v.items.length) : placeholder(`Length(${render(v)})`);
}

function toJsonString(arg: unknown, path: Path, env: EvalEnv): CfnValue {
  const v = evaluate(arg, path, env);
  return isConcrete(v) ? lit(JSON.stringify(toPropValue(v))) : placeholder(`ToJsonString(${render(v)})`);
}

const FUNCTIONS: Readonly<Record<string, Handler>> = {
  Ref: ref,
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::If': ifFn,
  'Fn::ImportValue': importValue,
  'Fn::Equals': booleanFn('Fn::Equals'),
  'Fn::Not': booleanFn('Fn::Not'),
  'Fn::And': booleanFn('Fn::And'),
  'Fn::Or': booleanFn('Fn::Or'),
  'Fn::Transform': transform,
  'Fn::Length': length,
  'Fn::ToJsonString': toJsonString,
};
