/**
 * Conditions, three-valued (DOMAIN.md B.9 step 2): `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` and
 * `{Condition: Name}` give true, false or unknown. Equality is decided only when both sides are
 * concrete (or are the same resource reference); anything else is unknown, never a guess.
 */
import { isObject } from '../../core/guards.js';
import type { EvalEnv, Tri } from './env.js';
import type { Evaluate, Path } from './handler.js';
import { isConcrete, lit, placeholder, toPropValue, type CfnValue } from './values.js';

export function equalsValues(a: CfnValue, b: CfnValue): Tri {
  if (isConcrete(a) && isConcrete(b)) {
    const norm = (v: CfnValue): string => {
      const p = toPropValue(v);
      return typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean' ? String(p) : JSON.stringify(p);
    };
    return norm(a) === norm(b) ? 'true' : 'false';
  }
  if (a.kind === 'resource' && b.kind === 'resource' && a.stack === b.stack && a.logicalId === b.logicalId && a.attribute === b.attribute) return 'true';
  return 'unknown';
}

export function not(t: Tri): Tri {
  return t === 'true' ? 'false' : t === 'false' ? 'true' : 'unknown';
}

/** Kleene AND/OR over the operands. */
function combine(values: readonly Tri[], op: 'and' | 'or'): Tri {
  const dominant: Tri = op === 'and' ? 'false' : 'true';
  if (values.includes(dominant)) return dominant;
  return values.includes('unknown') ? 'unknown' : not(dominant);
}

/** Evaluates a condition expression node (the value of a `Conditions` entry, or an operand). */
export function evaluateConditionNode(node: unknown, path: Path, env: EvalEnv, ev: Evaluate): Tri {
  if (typeof node === 'boolean') return node ? 'true' : 'false';
  if (node === 'true' || node === 'false') return node;
  if (!isObject(node) || Object.keys(node).length !== 1) {
    env.problem('bad-argument', path, 'a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or {Condition: Name}');
    return 'unknown';
  }
  const [fn = ''] = Object.keys(node);
  const arg = node[fn];
  const at = [...path, fn];
  switch (fn) {
    case 'Condition': {
      const t = typeof arg === 'string' ? env.condition(arg) : undefined;
      if (t === undefined) env.problem('unknown-condition', at, typeof arg === 'string' ? `unknown condition ${arg}` : 'Condition must be the name of a condition');
      return t ?? 'unknown';
    }
    case 'Fn::Equals': {
      if (!Array.isArray(arg) || arg.length !== 2) {
        env.problem('bad-arity', at, 'Fn::Equals takes a list of 2 arguments');
        return 'unknown';
      }
      return equalsValues(ev(arg[0], [...at, 0], env), ev(arg[1], [...at, 1], env));
    }
    case 'Fn::Not': {
      if (!Array.isArray(arg) || arg.length !== 1) {
        env.problem('bad-arity', at, 'Fn::Not takes a list of 1 condition');
        return 'unknown';
      }
      return not(evaluateConditionNode(arg[0], [...at, 0], env, ev));
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!Array.isArray(arg) || arg.length < 2 || arg.length > 10) {
        env.problem('bad-arity', at, `${fn} takes a list of 2 to 10 conditions`);
        return 'unknown';
      }
      const parts = arg.map((x: unknown, i) => evaluateConditionNode(x, [...at, i], env, ev));
      return combine(parts, fn === 'Fn::And' ? 'and' : 'or');
    }
    default: {
      // Any other value-producing function used as a condition (rare): true/false literals only.
      const v = ev(node, path, env);
      if (v.kind === 'literal' && typeof v.value === 'boolean') return v.value ? 'true' : 'false';
      if (!fn.startsWith('Fn::') && fn !== 'Ref') env.problem('bad-argument', path, `"${fn}" is not a condition function`);
      return v.kind === 'literal' && (v.value === 'true' || v.value === 'false') ? v.value : 'unknown';
    }
  }
}

/** A condition function used as a value (inside `Fn::If` arguments, rare): a boolean or a placeholder. */
export function triToValue(t: Tri, fn: string): CfnValue {
  if (t === 'unknown') return placeholder(`${fn.replace('Fn::', '')}(…)`);
  return lit(t === 'true');
}
