/**
 * Reading EKS-style settings from CloudFormation values: written, absent or unknown (DOMAIN.md B.9
 * step 7, B.10). A setting the template leaves out (or deletes with `AWS::NoValue`) takes the
 * documented default, marked in `defaulted`. A setting that is written but not known statically (a
 * parameter without default, an import, an undecided `Fn::If`) is stored as its placeholder,
 * `{"unresolved": "Param(PublicApi)"}`, `{"unresolved": "If(Kms, true, false)"}`: never the default,
 * never a guess. An undecided `Fn::If` around a map or list setting is carried to the value read from
 * it (`perBranch`), so it reads as `If(C, false, AWS::NoValue)`.
 */
import { setOwn } from '../../core/guards.js';
import { unresolved, type PropValue } from '../../model/entity.js';
import type { ResourceLowering } from './lower-context.js';
import { ABSENT, boolOf, field, placeholder, render, textOf, toPropValue, type CfnValue } from './values.js';


/** True when the value is written: not left out, not `AWS::NoValue`, not YAML null (which CloudFormation rejects). */
export function written(v: CfnValue | undefined): v is CfnValue {
  return v !== undefined && v.kind !== 'absent' && !(v.kind === 'literal' && v.value === null);
}

/** The model form of a written value that is not a known scalar: its placeholder (a literal stays as written). */
export function unknown(v: CfnValue): PropValue {
  return toPropValue(v) ?? unresolved(render(v));
}

/**
 * Both branch results are the same value (absent included), compared by structure: the same literal,
 * or the same expression (the same resource, parameter, import…), which the condition cannot change.
 */
function same(a: CfnValue, b: CfnValue): boolean {
  const key = (v: CfnValue): string => JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x] : x));
  return a === b || key(a) === key(b);
}

/**
 * `decide` applied to each branch of an undecided `Fn::If` (nested ones too): one value when every
 * branch gives the same known value, else an `alt` of the results (rendered `If(C, a, b)`). A branch
 * that is `AWS::NoValue` reaches `decide` as `absent`.
 */
export function perBranch(v: CfnValue, decide: (branch: CfnValue) => CfnValue): CfnValue {
  if (v.kind !== 'alt') return decide(v);
  const whenTrue = perBranch(v.whenTrue, decide);
  const whenFalse = perBranch(v.whenFalse, decide);
  return same(whenTrue, whenFalse) ? whenTrue : { kind: 'alt', condition: v.condition, whenTrue, whenFalse };
}

/**
 * A key of a map-valued setting. Unlike `field`, an undecided `Fn::If` around the map gives the
 * undecided value of the key, and a map that is itself a placeholder gives a placeholder; `undefined`
 * only when the key is not written (in any branch). A scalar or list where a map belongs (an invalid
 * template) reads as not written, as `field` does.
 */
export function member(v: CfnValue | undefined, key: string): CfnValue | undefined {
  if (!written(v)) return undefined;
  const out = perBranch(v, (b) => {
    if (b.kind === 'map') {
      const x = b.entries.get(key);
      return written(x) ? x : ABSENT;
    }
    if (!written(b) || b.kind === 'literal' || b.kind === 'list') return ABSENT;
    return placeholder(`${render(b)}.${key}`);
  });
  return written(out) ? out : undefined;
}

/** A boolean setting: the default when not written (marked defaulted), else the value or its placeholder. */
export function setBool(r: ResourceLowering, key: string, v: CfnValue | undefined, fallback?: boolean): void {
  if (written(v)) r.setProp(key, boolOf(v) ?? unknown(v));
  else if (fallback !== undefined) r.setDefault(key, fallback);
}

/** A string setting: the default when not written (marked defaulted), else the text or its placeholder. */
export function setText(r: ResourceLowering, key: string, v: CfnValue | undefined, fallback?: string): void {
  if (written(v)) r.setProp(key, textOf(v) ?? unknown(v));
  else if (fallback !== undefined) r.setDefault(key, fallback);
}

/** A written list of strings: known items as text, unknown items as placeholders; an unknown list is one placeholder. */
export function textList(v: CfnValue): PropValue {
  if (v.kind === 'list') return v.items.filter(written).map((i) => textOf(i) ?? unknown(i));
  const t = textOf(v);
  return t === undefined ? unknown(v) : [t];
}

/**
 * A label or tag map (`{key: value}`, or CloudFormation's `[{Key, Value}]` list). A value that is not
 * known keeps its placeholder object, never its rendered text (`"Param(Env)"` would read as a real
 * label): `propMap` and the label joins read string values only, so an unresolved label never matches
 * a node label. An entry whose key is not known (or that an undecided `Fn::If` may drop) is left out: a
 * key cannot hold a placeholder. A map or list that is itself unknown is one placeholder.
 */
export function labelMap(value: CfnValue | undefined, keepEmpty: boolean): PropValue | undefined {
  if (!written(value)) return undefined;
  const out: Record<string, PropValue> = {};
  if (value.kind === 'map') {
    for (const [k, v] of value.entries) if (written(v)) setOwn(out, k, textOf(v) ?? unknown(v));
  } else if (value.kind === 'list') {
    for (const tag of value.items) {
      const key = textOf(field(tag, 'Key'));
      if (key === undefined) continue;
      const v = field(tag, 'Value');
      setOwn(out, key, written(v) ? (textOf(v) ?? unknown(v)) : '');
    }
  } else {
    return unknown(value);
  }
  return keepEmpty || Object.keys(out).length ? out : undefined;
}
