/** Narrowing readers for entity properties: passes and views never cast. */
import type { Entity, PropValue } from './entity.js';
import { isUnresolved } from './entity.js';

export function propString(entity: Entity, key: string): string | undefined {
  const v = entity.props[key];
  return typeof v === 'string' ? v : undefined;
}

export function propNumber(entity: Entity, key: string): number | undefined {
  const v = entity.props[key];
  return typeof v === 'number' ? v : undefined;
}

export function propBoolean(entity: Entity, key: string): boolean | undefined {
  const v = entity.props[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function propStrings(entity: Entity, key: string): string[] {
  const v = entity.props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function propMap(entity: Entity, key: string): Record<string, string> {
  const v = entity.props[key];
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v)) {
    for (const [k, x] of Object.entries(v as Record<string, PropValue>)) if (typeof x === 'string') out[k] = x;
  }
  return out;
}

/** A display string for any property value (placeholders shown as `⟨Ref(X)⟩`). */
export function displayValue(v: PropValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (isUnresolved(v)) return `⟨${v.unresolved}⟩`;
  if (Array.isArray(v)) return (v as readonly PropValue[]).map((x) => displayValue(x)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
