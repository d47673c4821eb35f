/**
 * The intermediate values of static intrinsic resolution (DOMAIN.md B.9). Every evaluated template
 * node becomes one of these; nothing is guessed: what is not known stays a `placeholder`, a
 * reference to a resource keeps its identity (`resource`) so lowering can turn it into an edge, and a
 * string with unknown parts stays a `template` so partial matching is still possible.
 */
import { setOwn } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { unresolved } from '../../model/entity.js';

export type Scalar = string | number | boolean | null;

/** Identifies a template among all templates given to one `lower()` call. */
export type StackKey = string;

export type CfnValue =
  | { readonly kind: 'literal'; readonly value: Scalar }
  | { readonly kind: 'list'; readonly items: readonly CfnValue[] }
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, CfnValue> }
  /** `Ref`/`Fn::GetAtt` of a resource; `derived` is its value when the template spells it out (RoleName, Arn…). */
  | { readonly kind: 'resource'; readonly stack: StackKey; readonly logicalId: string; readonly attribute?: string; readonly derived?: CfnValue }
  /** A value that cannot be known offline, e.g. `Param(VpcId)`, `GetAZs()[0]`, `Import(x)`. */
  | { readonly kind: 'placeholder'; readonly expr: string }
  /** A string with unknown parts (`Fn::Sub`/`Fn::Join` over placeholders). Parts are never templates. */
  | { readonly kind: 'template'; readonly parts: readonly (string | CfnValue)[] }
  /** `AWS::NoValue`: deletes the enclosing property or list item. */
  | { readonly kind: 'absent' }
  /** `Fn::If` whose condition is unknown: both branches kept. */
  | { readonly kind: 'alt'; readonly condition: string; readonly whenTrue: CfnValue; readonly whenFalse: CfnValue };

export const ABSENT: CfnValue = { kind: 'absent' };

export function lit(value: Scalar): CfnValue {
  return { kind: 'literal', value };
}

export function placeholder(expr: string): CfnValue {
  return { kind: 'placeholder', expr };
}

export function list(items: readonly CfnValue[]): CfnValue {
  return { kind: 'list', items: items.filter((i) => i.kind !== 'absent') };
}

/** The concrete text of a value, if it has one (a literal, or a resource whose value is derived). */
export function textOf(v: CfnValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'literal') return v.value === null ? undefined : String(v.value);
  if (v.kind === 'resource' && v.derived) return textOf(v.derived);
  return undefined;
}

export function numberOf(v: CfnValue | undefined): number | undefined {
  const t = textOf(v);
  if (t === undefined || t.trim() === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function boolOf(v: CfnValue | undefined): boolean | undefined {
  if (v?.kind === 'literal' && typeof v.value === 'boolean') return v.value;
  const t = textOf(v)?.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

/** Items of a list value; a single non-list value counts as a one-item list (CFN accepts both in places). */
export function itemsOf(v: CfnValue | undefined): readonly CfnValue[] {
  if (!v || v.kind === 'absent') return [];
  return v.kind === 'list' ? v.items : [v];
}

export function entriesOf(v: CfnValue | undefined): ReadonlyMap<string, CfnValue> {
  return v?.kind === 'map' ? v.entries : new Map();
}

export function field(v: CfnValue | undefined, key: string): CfnValue | undefined {
  return v?.kind === 'map' ? v.entries.get(key) : undefined;
}

/** Resource references reachable in a value (for edges): inside lists, maps, templates, both If branches. */
export function resourcesIn(v: CfnValue | undefined, out: Extract<CfnValue, { kind: 'resource' }>[] = []): Extract<CfnValue, { kind: 'resource' }>[] {
  if (!v) return out;
  switch (v.kind) {
    case 'resource':
      out.push(v);
      break;
    case 'list':
      for (const i of v.items) resourcesIn(i, out);
      break;
    case 'map':
      for (const i of v.entries.values()) resourcesIn(i, out);
      break;
    case 'template':
      for (const p of v.parts) if (typeof p !== 'string') resourcesIn(p, out);
      break;
    case 'alt':
      resourcesIn(v.whenTrue, out);
      resourcesIn(v.whenFalse, out);
      break;
    case 'literal':
    case 'placeholder':
    case 'absent':
      break;
  }
  return out;
}

/** How a value reads in a placeholder: `Ref(X)`, `GetAtt(X.Arn)`, `arn:${AWS::Partition}:…`. */
export function render(v: CfnValue): string {
  switch (v.kind) {
    case 'literal':
      return v.value === null ? 'null' : String(v.value);
    case 'resource':
      if (v.derived) return render(v.derived);
      return v.attribute === undefined ? `Ref(${v.logicalId})` : `GetAtt(${v.logicalId}.${v.attribute})`;
    case 'placeholder':
      return v.expr;
    case 'template':
      return v.parts.map((p) => (typeof p === 'string' ? p : textOf(p) ?? `\${${render(p)}}`)).join('');
    case 'list':
      return `[${v.items.map(render).join(', ')}]`;
    case 'map':
      return `{${[...v.entries].map(([k, x]) => `${k}: ${render(x)}`).join(', ')}}`;
    case 'absent':
      return 'AWS::NoValue';
    case 'alt':
      return `If(${v.condition}, ${render(v.whenTrue)}, ${render(v.whenFalse)})`;
  }
}

/** True when the value holds no placeholder, resource reference without derived value, or open branch. */
export function isConcrete(v: CfnValue): boolean {
  switch (v.kind) {
    case 'literal':
    case 'absent':
      return true;
    case 'resource':
      return v.derived !== undefined && isConcrete(v.derived);
    case 'list':
      return v.items.every(isConcrete);
    case 'map':
      return [...v.entries.values()].every(isConcrete);
    case 'placeholder':
    case 'template':
    case 'alt':
      return false;
  }
}

/**
 * Builds a string from parts, merging adjacent text; a fully known result is a literal, otherwise a
 * `template` (parts that are resources with a derived text count as known).
 */
export function concat(parts: readonly (string | CfnValue)[]): CfnValue {
  const out: (string | CfnValue)[] = [];
  const push = (p: string | CfnValue): void => {
    if (typeof p !== 'string') {
      const t = textOf(p);
      if (t === undefined) {
        if (p.kind === 'template') p.parts.forEach(push);
        else out.push(p);
        return;
      }
      p = t;
    }
    const last = out[out.length - 1];
    if (typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  };
  parts.forEach(push);
  if (out.length === 0) return lit('');
  const [first] = out;
  if (out.length === 1 && first !== undefined) return typeof first === 'string' ? lit(first) : first;
  return { kind: 'template', parts: out };
}

/** The model's property form: literals as is, anything unknown as an explicit `{unresolved: …}`. */
export function toPropValue(v: CfnValue | undefined): PropValue | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'literal':
      return v.value;
    case 'absent':
      return undefined;
    case 'list':
      return v.items.flatMap((i) => {
        const p = toPropValue(i);
        return p === undefined ? [] : [p];
      });
    case 'map': {
      const out: Record<string, PropValue> = {};
      for (const [k, x] of v.entries) {
        const p = toPropValue(x);
        if (p !== undefined) setOwn(out, k, p);
      }
      return out;
    }
    case 'resource':
      if (v.derived && isConcrete(v.derived)) return toPropValue(v.derived);
      return unresolved(render(v));
    case 'placeholder':
    case 'template':
    case 'alt':
      return unresolved(render(v));
  }
}

/** A string property: the text when known, else the placeholder. */
export function toStr(v: CfnValue | undefined): string | { unresolved: string } | undefined {
  if (!v || v.kind === 'absent') return undefined;
  const t = textOf(v);
  if (t !== undefined) return t;
  if (v.kind === 'literal') return undefined;
  return unresolved(render(v));
}

/** Converts plain parsed JSON/YAML (no intrinsics inside) into a value. */
export function fromPlain(value: unknown): CfnValue {
  if (Array.isArray(value)) return list(value.map(fromPlain));
  if (typeof value === 'object' && value !== null) {
    return { kind: 'map', entries: new Map(Object.entries(value).map(([k, x]) => [k, fromPlain(x)])) };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return lit(value);
  return lit(null);
}
