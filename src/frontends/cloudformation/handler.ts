/**
 * The shape of an intrinsic-function handler and the argument helpers they share. Handlers get the
 * evaluator as a parameter so the function tables do not import each other.
 */
import type { PathSegment } from '../../load/document.js';
import { asArray } from '../../core/guards.js';
import type { EvalEnv } from './env.js';
import { textOf, type CfnValue } from './values.js';

export type Path = readonly PathSegment[];

/** Evaluates any template node (see `evaluate` in intrinsics.ts). */
export type Evaluate = (node: unknown, path: Path, env: EvalEnv) => CfnValue;

/** A function handler: the argument node, the path of the argument, the environment, the evaluator. */
export type Handler = (arg: unknown, path: Path, env: EvalEnv, ev: Evaluate) => CfnValue;

/** Evaluates an argument that must be a text (names, keys); `undefined` when not known. */
export function evaluateText(node: unknown, path: Path, env: EvalEnv, ev: Evaluate): string | undefined {
  return typeof node === 'string' ? node : textOf(ev(node, path, env));
}

/** The list arguments of a function, or `undefined` after reporting a bad arity. */
export function args(arg: unknown, path: Path, env: EvalEnv, name: string, min: number, max = min): readonly unknown[] | undefined {
  const list = asArray(arg);
  if (!Array.isArray(arg) || list.length < min || list.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    env.problem('bad-arity', path, `${name} takes a list of ${want} arguments`);
    return undefined;
  }
  return list;
}
