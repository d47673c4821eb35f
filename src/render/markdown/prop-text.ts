/** Property values as Markdown-ready plain text, with the `(default)` marker (escape afterwards). */
import type { Entity } from '../../model/entity.js';
import { displayValue } from '../../model/read.js';

/** `value` or `value (default)`; undefined when the property is absent or empty. */
export function propText(entity: Entity, key: string): string | undefined {
  const v = entity.props[key];
  if (v === undefined || v === null) return undefined;
  const text = Array.isArray(v) && v.length === 0 ? 'none' : displayValue(v);
  if (text === '') return undefined;
  return entity.defaulted.includes(key) ? `${text} (default)` : text;
}
