/**
 * A typed view over one object of a validated ClusterConfig that remembers its path, so that every
 * value read can be traced back to its source line. The validator has already dropped wrongly typed
 * fields; these readers still narrow with guards (never casts).
 */
import { asObject, asStringArray, asStringMap, isObject, type JsonObject } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';

export class ConfigNode {
  constructor(
    readonly value: JsonObject,
    readonly path: readonly PathSegment[],
  ) {}

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  str(key: string): string | undefined {
    const v = this.value[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  num(key: string): number | undefined {
    const v = this.value[key];
    return typeof v === 'number' ? v : undefined;
  }

  bool(key: string): boolean | undefined {
    const v = this.value[key];
    return typeof v === 'boolean' ? v : undefined;
  }

  strings(key: string): string[] {
    return asStringArray(this.value[key]).filter((s) => s !== '');
  }

  /** A `map[string]string`, or `undefined` when the key is absent. */
  map(key: string): Record<string, string> | undefined {
    return asStringMap(this.value[key]);
  }

  obj(key: string): ConfigNode | undefined {
    const v = asObject(this.value[key]);
    return v ? new ConfigNode(v, [...this.path, key]) : undefined;
  }

  /** The object items of a list, each with its own path (`[..., key, index]`). */
  list(key: string): ConfigNode[] {
    const v = this.value[key];
    if (!Array.isArray(v)) return [];
    const out: ConfigNode[] = [];
    v.forEach((item: unknown, i) => {
      if (isObject(item)) out.push(new ConfigNode(item, [...this.path, key, i]));
    });
    return out;
  }

  /** The object entries of a free-key map (`vpc.subnets.public`), sorted by key. */
  entries(key: string): [string, ConfigNode][] {
    const v = asObject(this.value[key]);
    if (!v) return [];
    return Object.keys(v)
      .sort()
      .flatMap((k): [string, ConfigNode][] => {
        const item = asObject(v[k]);
        return item ? [[k, new ConfigNode(item, [...this.path, key, k])]] : [];
      });
  }

  at(key: string): PathSegment[] {
    return [...this.path, key];
  }
}
