/** Narrowing readers for entity properties: passes and views never cast. */
import { setOwn } from '../core/guards.js';
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

const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The string entries of a map property (labels, tags, annotations). The stored map itself when all
 * its values are strings (the usual case: no copy per call), else a filtered copy; read-only either way.
 */
export function propMap(entity: Entity, key: string): Readonly<Record<string, string>> {
  const v = entity.props[key];
  if (!v || typeof v !== 'object' || Array.isArray(v) || isUnresolved(v)) return NO_STRINGS;
  const map = v as Readonly<Record<string, PropValue>>;
  for (const k in map) if (typeof map[k] !== 'string') return stringEntries(map);
  return map as Readonly<Record<string, string>>;
}

function stringEntries(map: Readonly<Record<string, PropValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(map)) if (typeof x === 'string') setOwn(out, k, x);
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
