/** Narrowing helpers for untyped parsed input (YAML/JSON). Front ends use these instead of casts. */
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or a number/boolean written where a string is expected (YAML `version: 1.29`). */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A number, also from a numeric string (CloudFormation writes `"MaxSize": "2"`). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return undefined;
}

/** `{k: v}` with string values only (labels, tags); other values are dropped. */
export function asStringMap(value: unknown): Record<string, string> | undefined {
  const obj = asObject(value);
  if (!obj) return undefined;
  const out: Record<string, string> = {};
  // for…in rather than Object.entries: no pair arrays (labels are read once per Kubernetes object).
  for (const k in obj) {
    const s = asString(obj[k]);
    if (s !== undefined && Object.prototype.hasOwnProperty.call(obj, k)) setOwn(out, k, s);
  }
  return out;
}

export function asStringArray(value: unknown): string[] {
  const out: string[] = [];
  for (const v of asArray(value)) {
    const s = asString(v);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/**
 * `table[key]` for a key read from input: the table's own entries only. A plain object also
 * answers `constructor`, `toString` or `__proto__` from its prototype (a resource `Type: constructor`
 * would find `Object`).
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Sets `obj[key]` as an own property, `__proto__` included, as JSON.parse does (never the prototype). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
