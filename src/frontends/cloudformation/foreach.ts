/**
 * `Fn::ForEach::<Loop>` of the `AWS::LanguageExtensions` transform:
 * `[Identifier, Collection, {OutputKey${Identifier}: body}]`. Expanded statically when the collection
 * is concrete: `${Identifier}` / `&{Identifier}` (non-alphanumerics dropped) are replaced in keys and
 * strings, and `{Ref: Identifier}` by the item. Nested loops expand recursively.
 */
import { asArray, isObject } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';

export const FOR_EACH_PREFIX = 'Fn::ForEach::';

/**
 * Entries one loop (nested loops included) may expand to. CloudFormation allows 500 resources per
 * stack; loops over a few hundred items nested three deep would otherwise make millions from 2 KB.
 */
export const MAX_EXPANDED = 5000;

/** One generated entry, with the path of its key template (for file:line). */
export interface ExpandedEntry {
  readonly key: string;
  readonly value: unknown;
  readonly path: readonly PathSegment[];
}

export type ForEachResult =
  | { readonly kind: 'expanded'; readonly entries: readonly ExpandedEntry[] }
  | { readonly kind: 'malformed'; readonly message: string }
  | { readonly kind: 'unknown-collection' };

/** Resolves the collection node to item strings, or `undefined` when it is not concrete. */
export type CollectionResolver = (node: unknown, path: readonly PathSegment[]) => readonly string[] | undefined;

/** Expands one `Fn::ForEach::X` entry found at `path` (the path of the key). */
export function expandForEach(value: unknown, path: readonly PathSegment[], resolve: CollectionResolver): ForEachResult {
  const args = asArray(value);
  const [identifier, collection, body] = args;
  if (args.length !== 3 || typeof identifier !== 'string' || !isObject(body)) {
    return { kind: 'malformed', message: 'Fn::ForEach needs [Identifier, Collection, {OutputKey: OutputValue}]' };
  }
  const items = resolve(collection, [...path, 1]);
  if (items === undefined) return { kind: 'unknown-collection' };
  const entries: ExpandedEntry[] = [];
  for (const item of items) {
    for (const [rawKey, rawValue] of Object.entries(body)) {
      const keyPath = [...path, 2, rawKey];
      const key = substitute(rawKey, identifier, item);
      const val = replaceIn(rawValue, identifier, item);
      if (key.startsWith(FOR_EACH_PREFIX)) {
        const inner = expandForEach(val, keyPath, resolve);
        if (inner.kind !== 'expanded') return inner;
        for (const e of inner.entries) entries.push(e);
      } else {
        entries.push({ key, value: val, path: keyPath });
      }
      if (entries.length > MAX_EXPANDED) {
        return { kind: 'malformed', message: `Fn::ForEach expands to more than ${MAX_EXPANDED} entries (a stack holds at most 500 resources); not expanded` };
      }
    }
  }
  return { kind: 'expanded', entries };
}

function substitute(text: string, identifier: string, item: string): string {
  return text.split(`\${${identifier}}`).join(item).split(`&{${identifier}}`).join(item.replace(/[^A-Za-z0-9]/g, ''));
}

function replaceIn(node: unknown, identifier: string, item: string): unknown {
  if (typeof node === 'string') return substitute(node, identifier, item);
  if (Array.isArray(node)) return node.map((x: unknown) => replaceIn(x, identifier, item));
  if (!isObject(node)) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'Ref' && node['Ref'] === identifier) return item;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[substitute(k, identifier, item)] = replaceIn(v, identifier, item);
  return out;
}
