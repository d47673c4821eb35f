/**
 * Flattens a loaded document into the Kubernetes objects it holds, each with the line where it starts:
 * a single object, `kind: List` / typed lists (`PodList`…), lists nested in lists, and a bare
 * top-level sequence of objects.
 */
import { isObject } from '../../core/guards.js';
import type { LoadedDocument, PathSegment } from '../../load/document.js';
import type { LocatedObject } from './lower-object.js';

/** Deeper nesting than this is treated as hostile input. */
const MAX_LIST_DEPTH = 16;

export function isListObject(value: unknown): value is { readonly items: unknown } {
  return isObject(value) && typeof value['kind'] === 'string' && value['kind'].endsWith('List') && 'items' in value;
}

export function flattenDocument(doc: LoadedDocument): LocatedObject[] {
  const out: LocatedObject[] = [];
  const visit = (value: unknown, path: PathSegment[], depth: number): void => {
    if (Array.isArray(value)) {
      if (depth > MAX_LIST_DEPTH) return;
      value.forEach((item: unknown, i) => visit(item, [...path, i], depth + 1));
      return;
    }
    if (isListObject(value) && depth <= MAX_LIST_DEPTH) {
      const items = value.items;
      if (Array.isArray(items)) items.forEach((item: unknown, i) => visit(item, [...path, 'items', i], depth + 1));
      return;
    }
    if (value === null || value === undefined) return;
    out.push({ value, line: path.length === 0 ? doc.line : doc.lineOf(path) });
  };
  visit(doc.value, [], 0);
  return out;
}
