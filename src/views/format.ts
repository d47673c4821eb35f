/** Label text for view nodes: property facts with `(default)` and `⟨unresolved⟩` markers. */
import type { Entity, PropValue } from '../model/entity.js';
import { isUnresolved } from '../model/entity.js';
import { displayValue } from '../model/read.js';
import type { NodeClass } from './types.js';

/** Marker appended to a value that comes from a documented default rather than an input. */
export const DEFAULT_MARKER = ' (default)';

/** Collects label lines for one entity and remembers whether any shown value is unresolved. */
export class Facts {
  readonly lines: string[] = [];
  unresolved = false;

  constructor(private readonly entity: Entity) {}

  /**
   * Adds `prefix + value` for property `key` when present; `format` turns the value into text (default:
   * `displayValue`, which shows placeholders as `⟨Ref(X)⟩`).
   */
  prop(key: string, prefix = '', format: (v: PropValue) => string = displayValue): this {
    const value = this.entity.props[key];
    if (value === undefined || value === null) return this;
    if (containsUnresolved(value)) this.unresolved = true;
    const text = format(value);
    if (text === '') return this;
    this.lines.push(`${prefix}${text}${isDefaulted(this.entity, key) ? DEFAULT_MARKER : ''}`);
    return this;
  }

  text(line: string | undefined): this {
    if (line) this.lines.push(line);
    return this;
  }

  /** Classes for the node: the entity's own plus `unresolved` if a shown value was a placeholder. */
  classes(extra: readonly NodeClass[] = []): NodeClass[] {
    const out = entityClasses(this.entity);
    if (this.unresolved && !out.includes('unresolved')) out.push('unresolved');
    for (const c of extra) if (!out.includes(c)) out.push(c);
    return out;
  }
}

/** True when `key` (or the whole entity, `'@entity'`) was filled from a documented default. */
export function isDefaulted(entity: Entity, key: string): boolean {
  return entity.defaulted.includes(key);
}

/** Visual classes that follow from the entity alone. */
export function entityClasses(entity: Entity): NodeClass[] {
  const out: NodeClass[] = [];
  if (entity.defaulted.includes('@entity')) out.push('defaulted');
  if (entity.props['conditional'] !== undefined) out.push('conditional');
  if (entity.props['external'] === true) out.push('external');
  return out;
}

/** True when the value is, or contains, an Unresolved placeholder. */
export function containsUnresolved(value: PropValue): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isUnresolved(value)) return true;
  if (Array.isArray(value)) return (value as readonly PropValue[]).some(containsUnresolved);
  return Object.values(value as Record<string, PropValue>).some(containsUnresolved);
}

/** `a, b, c +2 more` for long lists. */
export function listText(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} +${items.length - max} more` : shown;
}

/** `m5.large ×2, m5.xlarge ×1` from a multiset, most frequent first, then by name. */
export function countsText(counts: ReadonlyMap<string, number>, max = 3): string {
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return listText(entries.map(([k, n]) => `${k} ×${n}`), max);
}

/** `1 node` / `3 nodes`. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
