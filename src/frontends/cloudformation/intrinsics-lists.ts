/**
 * List and string intrinsics: `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`, `Fn::GetAZs`,
 * `Fn::Cidr`, `Fn::Base64`. Computed when the inputs are concrete; otherwise a placeholder that says
 * what is missing (`GetAZs()[0]`, `Split(",", Import(x))`).
 */
import { computeCidr } from './cidr.js';
import type { EvalEnv } from './env.js';
import { args, evaluateText, type Evaluate, type Handler, type Path } from './handler.js';
import { findInMap, mappingMiss } from './template.js';
import { concat, lit, list, numberOf, placeholder, render, textOf, type CfnValue } from './values.js';

function join(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const a = args(arg, path, env, 'Fn::Join', 2);
  if (!a) return placeholder('Join(?)');
  const delimiter = evaluateText(a[0], [...path, 0], env, ev);
  const items = ev(a[1], [...path, 1], env);
  if (delimiter === undefined) {
    env.problem('bad-argument', [...path, 0], 'Fn::Join needs a literal delimiter');
    return placeholder(`Join(?, ${render(items)})`);
  }
  if (items.kind !== 'list') return placeholder(`Join(${JSON.stringify(delimiter)}, ${render(items)})`);
  const parts: (string | CfnValue)[] = [];
  items.items.forEach((item, i) => {
    if (i > 0) parts.push(delimiter);
    parts.push(item);
  });
  return concat(parts);
}

function select(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const a = args(arg, path, env, 'Fn::Select', 2);
  if (!a) return placeholder('Select(?)');
  const indexValue = ev(a[0], [...path, 0], env);
  const from = ev(a[1], [...path, 1], env);
  const index = numberOf(indexValue);
  if (index === undefined) return placeholder(`${render(from)}[${render(indexValue)}]`);
  if (!Number.isInteger(index) || index < 0) {
    env.problem('bad-argument', [...path, 0], 'Fn::Select index must be a non-negative integer');
    return placeholder(`${render(from)}[${index}]`);
  }
  if (from.kind === 'list') {
    const item = from.items[index];
    if (item) return item;
    env.problem('bad-argument', [...path, 0], `Fn::Select index is out of range (the list has ${from.items.length} items)`);
    return placeholder(`${render(from)}[${index}]`);
  }
  return placeholder(`${render(from)}[${index}]`);
}

/**
 * Splits a string. A template whose unknown parts are all resource references (ids never contain a
 * delimiter) is split around them, so `Split(",", Join(",", [Ref A, Ref B]))` gives `[Ref A, Ref B]`;
 * any other unknown part keeps the cardinality unknown.
 */
export function splitValue(delimiter: string, v: CfnValue): CfnValue {
  const text = textOf(v);
  if (text !== undefined) return list(text.split(delimiter).map((s) => lit(s)));
  if (v.kind === 'resource') return list([v]);
  if (v.kind !== 'template' || delimiter === '' || v.parts.some((p) => typeof p !== 'string' && p.kind !== 'resource')) {
    return placeholder(`Split(${JSON.stringify(delimiter)}, ${render(v)})`);
  }
  const items: CfnValue[] = [];
  let current: (string | CfnValue)[] = [];
  for (const part of v.parts) {
    if (typeof part !== 'string') {
      current.push(part);
      continue;
    }
    const pieces = part.split(delimiter);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        items.push(concat(current));
        current = [];
      }
      if (piece) current.push(piece);
    });
  }
  items.push(concat(current));
  return list(items);
}

function split(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const a = args(arg, path, env, 'Fn::Split', 2);
  if (!a) return placeholder('Split(?)');
  const delimiter = evaluateText(a[0], [...path, 0], env, ev);
  const source = ev(a[1], [...path, 1], env);
  if (delimiter === undefined) {
    env.problem('bad-argument', [...path, 0], 'Fn::Split needs a literal delimiter');
    return placeholder(`Split(?, ${render(source)})`);
  }
  return splitValue(delimiter, source);
}

function findInMapFn(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const a = args(arg, path, env, 'Fn::FindInMap', 3, 4);
  if (!a) return placeholder('FindInMap(?)');
  const keys = [0, 1, 2].map((i) => ev(a[i], [...path, i], env));
  const texts = keys.map(textOf);
  const [map, top, second] = texts;
  const fallback = a[3];
  if (map === undefined || top === undefined || second === undefined) {
    return placeholder(`FindInMap(${keys.map(render).join(', ')})`);
  }
  const found = findInMap(env.mappings, map, top, second);
  if (found !== undefined) return ev(found, [...path], env);
  if (fallback !== undefined) {
    // AWS::LanguageExtensions: `{DefaultValue: x}` as a fourth argument.
    const dv = typeof fallback === 'object' && fallback !== null && 'DefaultValue' in fallback ? fallback.DefaultValue : fallback;
    return ev(dv, [...path, 3], env);
  }
  env.problem('bad-mapping', path, `Fn::FindInMap: ${mappingMiss(env.mappings, map, top)}`);
  return placeholder(`FindInMap(${map}, ${top}, ${second})`);
}

function getAZs(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const region = textOf(ev(arg, path, env)) || env.region();
  // The AZ list of an account is not knowable offline.
  return placeholder(region ? `GetAZs(${region})` : 'GetAZs()');
}

function cidr(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const a = args(arg, path, env, 'Fn::Cidr', 3);
  if (!a) return placeholder('Cidr(?)');
  const block = ev(a[0], [...path, 0], env);
  const count = ev(a[1], [...path, 1], env);
  const bits = ev(a[2], [...path, 2], env);
  const ip = textOf(block);
  const n = numberOf(count);
  const b = numberOf(bits);
  if (ip === undefined || n === undefined || b === undefined) {
    return placeholder(`Cidr(${[block, count, bits].map(render).join(', ')})`);
  }
  const result = computeCidr(ip, n, b);
  if (!result.ok) {
    env.problem('bad-argument', path, `Fn::Cidr: ${result.message}`);
    return placeholder(`Cidr(${ip}, ${n}, ${b})`);
  }
  return list(result.blocks.map((c) => lit(c)));
}

function base64(arg: unknown, path: Path, env: EvalEnv, ev: Evaluate): CfnValue {
  const v = ev(arg, path, env);
  const text = textOf(v);
  return text === undefined ? placeholder(`Base64(${render(v)})`) : lit(Buffer.from(text, 'utf8').toString('base64'));
}

export const LIST_FUNCTIONS: Readonly<Record<string, Handler>> = {
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::FindInMap': findInMapFn,
  'Fn::GetAZs': getAZs,
  'Fn::Cidr': cidr,
  'Fn::Base64': base64,
};
