/**
 * Table-driven validation of a ClusterConfig against {@link SHAPES}. Returns a cleaned copy of the
 * document in which every field with a wrong type, and every unknown field, is left out, so the
 * lowering reads only well-typed data and the rest of the file still imports.
 *
 * Severity: a wrong type is an error for that field (eksctl fails to decode the file); an unknown field
 * is a warning (eksctl rejects it too, but it cannot change what archmap draws); a value outside a
 * documented enum is a warning (eksctl's validation rejects it; the value is kept).
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import { isObject, own, setOwn, type JsonObject } from '../../core/guards.js';
import type { LoadedDocument, PathSegment } from '../../load/document.js';
import { SHAPES, V1ALPHA3_NODE_GROUP_FIELDS, type FieldType, type Shape } from './schema.js';

interface Walk {
  readonly doc: LoadedDocument;
  readonly sink: DiagnosticSink;
  readonly legacy: boolean;
}

/** Marker for a value that failed validation and is left out of the cleaned document. */
const DROP = Symbol('drop');

/** Validates one ClusterConfig document. Returns the cleaned document (never throws). */
export function validateClusterConfig(doc: LoadedDocument, sink: DiagnosticSink): JsonObject {
  const legacy = isObject(doc.value) && doc.value['apiVersion'] === 'eksctl.io/v1alpha3';
  const walk: Walk = { doc, sink, legacy };
  const cleaned = checkObject(doc.value, 'ClusterConfig', [], walk);
  return cleaned === DROP || !isObject(cleaned) ? {} : cleaned;
}

/** Dotted display path: `managedNodeGroups[0].labels`. */
export function displayPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(document)' : out;
}

function shapeOf(name: string, walk: Walk): Shape {
  const shape = SHAPES[name] ?? {};
  return walk.legacy && name === 'NodeGroup' ? { ...shape, ...V1ALPHA3_NODE_GROUP_FIELDS } : shape;
}

function checkObject(value: unknown, shapeName: string, path: readonly PathSegment[], walk: Walk): unknown {
  if (!isObject(value)) return wrongType(value, `an object (${shapeName})`, path, walk);
  const shape = shapeOf(shapeName, walk);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const type = own(shape, key);
    const fieldPath = [...path, key];
    if (!type) {
      walk.sink.warning(
        'eksctl/unknown-field',
        walk.doc.file,
        walk.doc.lineOf(fieldPath),
        `unknown field "${key}" in ${displayPath(path)}: eksctl rejects the file (strict decoding); archmap ignores the field`,
      );
      continue;
    }
    const checked = check(field, type, fieldPath, walk);
    if (checked !== DROP) setOwn(out, key, checked);
  }
  return out;
}

function check(value: unknown, type: FieldType, path: readonly PathSegment[], walk: Walk): unknown {
  // `key:` with no value decodes to the zero value in eksctl: the same as leaving the key out.
  if (value === null || value === undefined) return DROP;
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') return wrongType(value, 'a string', path, walk);
      if (type.values && !type.values.includes(value)) {
        walk.sink.warning(
          'eksctl/invalid-value',
          walk.doc.file,
          walk.doc.lineOf(path),
          `${displayPath(path)}: the value is not one of ${type.values.join(', ')} (eksctl rejects it)`,
        );
      }
      return value;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : wrongType(value, 'an integer', path, walk);
    case 'number':
      return typeof value === 'number' ? value : wrongType(value, 'a number', path, walk);
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(value, 'true or false', path, walk);
    case 'any':
      return value;
    case 'string-map':
      return checkMap(value, { kind: 'string' }, path, walk);
    case 'map-of':
      return checkMap(value, type.value, path, walk);
    case 'list':
      return checkList(value, type.item, path, walk);
    case 'object':
      return checkObject(value, type.shape, path, walk);
    case 'taints':
      return Array.isArray(value)
        ? checkList(value, { kind: 'object', shape: 'NodeGroupTaint' }, path, walk)
        : checkMap(value, { kind: 'string' }, path, walk);
  }
}

function checkList(value: unknown, item: FieldType, path: readonly PathSegment[], walk: Walk): unknown {
  if (!Array.isArray(value)) return wrongType(value, 'a list', path, walk);
  const out: unknown[] = [];
  value.forEach((v: unknown, i) => {
    const checked = check(v, item, [...path, i], walk);
    if (checked !== DROP) out.push(checked);
  });
  return out;
}

function checkMap(value: unknown, item: FieldType, path: readonly PathSegment[], walk: Walk): unknown {
  if (!isObject(value)) return wrongType(value, 'a map', path, walk);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const checked = check(v, item, [...path, key], walk);
    if (checked !== DROP) setOwn(out, key, checked);
  }
  return out;
}

function wrongType(value: unknown, expected: string, path: readonly PathSegment[], walk: Walk): typeof DROP {
  const hint = typeof value === 'number' && expected === 'a string' ? ' (write it in quotes)' : '';
  walk.sink.error(
    'eksctl/wrong-type',
    walk.doc.file,
    walk.doc.lineOf(path),
    `${displayPath(path)}: expected ${expected}, got ${describe(value)}${hint}; eksctl rejects the file, archmap ignores this field`,
  );
  return DROP;
}

/** The kind of a value, never the value: a misplaced value (a token in a bootstrap command) could be a secret. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a map';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a value of another type';
}
