/**
 * Reads the sections of one CloudFormation template (parameters, mappings, conditions, resources,
 * outputs) into declarations with their source paths. Shape errors are reported with file:line and
 * the bad part is skipped. `Fn::ForEach` loops are expanded here once the stack can resolve their
 * collections (see `expandSection`).
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import { asObject, isObject, type JsonObject } from '../../core/guards.js';
import type { LoadedDocument, PathSegment } from '../../load/document.js';
import { expandForEach, FOR_EACH_PREFIX, type CollectionResolver } from './foreach.js';
import type { StackKey } from './values.js';

export interface ParameterDecl {
  readonly name: string;
  readonly type: string;
  readonly default: unknown;
  readonly noEcho: boolean;
}

export interface ResourceDecl {
  readonly logicalId: string;
  readonly type: string;
  readonly condition?: string;
  readonly dependsOn: readonly string[];
  readonly properties: JsonObject;
  /** `Metadata.aws:asset:path` (`cdk synth`: the file of a nested stack's template, or of an asset). */
  readonly assetPath?: string;
  /** Path of the resource's key (`['Resources', id]`, or inside a `Fn::ForEach` body). */
  readonly path: readonly PathSegment[];
}

export interface OutputDecl {
  readonly key: string;
  readonly value: unknown;
  readonly exportName: unknown;
  readonly condition?: string;
  readonly path: readonly PathSegment[];
}

/** A named entry of a section, raw, with its path. */
export interface SectionEntry {
  readonly key: string;
  readonly value: unknown;
  readonly path: readonly PathSegment[];
}

export interface Template {
  readonly key: StackKey;
  readonly doc: LoadedDocument;
  readonly parameters: ReadonlyMap<string, ParameterDecl>;
  readonly mappings: JsonObject;
  readonly conditions: readonly SectionEntry[];
  readonly resources: readonly SectionEntry[];
  readonly outputs: readonly SectionEntry[];
  readonly transforms: readonly string[];
  /** The template's `Description`, when it is a string (eksctl marks its templates there). */
  readonly description?: string;
}

/** The stack key of a document: its file, plus the document index for multi-document files. */
export function stackKeyOf(doc: LoadedDocument): StackKey {
  return doc.index === 0 ? doc.file : `${doc.file}[${doc.index}]`;
}

/**
 * A parameter's `NoEcho`, failing closed: `true`, or a string that reads "true" in any case, hides the
 * value; so does anything that is neither absent nor clearly false (`'unclear'`: a number, a list, an
 * intrinsic, a word like "yes"), because a password must not leak through a typo.
 */
export function readNoEcho(value: unknown): boolean | 'unclear' {
  if (value === undefined || value === null || value === false) return false;
  if (value === true) return true;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
  }
  return 'unclear';
}

/** The transform archmap expands itself (`Fn::ForEach`, `Fn::Length`, `Fn::ToJsonString`; DOMAIN.md B.9 step 11). */
const EXPANDED_TRANSFORM = 'AWS::LanguageExtensions';
const AWS_TRANSFORM = /^AWS::[A-Za-z0-9-]{1,64}$/;

/** The transforms of a template that archmap does not expand: everything but `AWS::LanguageExtensions`. */
export function unexpandedTransforms(transforms: readonly string[]): string[] {
  return transforms.filter((t) => t !== EXPANDED_TRANSFORM);
}

/**
 * One warning for the transforms of a template that archmap cannot expand (SAM, `AWS::Include`,
 * macros; DOMAIN.md B.9 step 11): the template is read as written. AWS's own transforms are named;
 * a macro's name is input text and is not repeated.
 */
function reportTransforms(transforms: readonly string[], doc: LoadedDocument, sink: DiagnosticSink): void {
  const shown = [...new Set(unexpandedTransforms(transforms).map((t) => (AWS_TRANSFORM.test(t) ? t : 'a macro')))];
  if (shown.length === 0) return;
  sink.warning(
    'cfn/transform-not-expanded',
    doc.file,
    doc.lineOf(['Transform']),
    `Transform (${shown.join(', ')}) is not expanded: resources and properties it adds or changes are not in the model, so results for this template are approximate`,
  );
}

export function readTemplate(doc: LoadedDocument, sink: DiagnosticSink): Template {
  const root = asObject(doc.value) ?? {};
  const section = (name: string): SectionEntry[] => {
    const raw = root[name];
    if (raw === undefined || raw === null) return [];
    if (!isObject(raw)) {
      sink.error('cfn/bad-section', doc.file, doc.lineOf([name]), `${name} must be a mapping`);
      return [];
    }
    return Object.entries(raw).map(([key, value]) => ({ key, value, path: [name, key] }));
  };
  const parameters = new Map<string, ParameterDecl>();
  for (const { key, value, path } of section('Parameters')) {
    const p = asObject(value);
    if (!p) {
      sink.error('cfn/bad-parameter', doc.file, doc.lineOf(path), `parameter ${key} must be a mapping`);
      continue;
    }
    const type = typeof p['Type'] === 'string' ? p['Type'] : 'String';
    const noEcho = readNoEcho(p['NoEcho']);
    if (noEcho === 'unclear') {
      sink.warning('cfn/bad-parameter', doc.file, doc.lineOf([...path, 'NoEcho']), `parameter ${key}: NoEcho should be true or false; it is treated as NoEcho (the value stays out of the model)`);
    }
    parameters.set(key, { name: key, type, default: p['Default'], noEcho: noEcho !== false });
  }
  const transform = root['Transform'];
  const transforms = (Array.isArray(transform) ? transform : [transform]).flatMap((t: unknown) =>
    typeof t === 'string' ? [t] : isObject(t) && typeof t['Name'] === 'string' ? [t['Name']] : [],
  );
  reportTransforms(transforms, doc, sink);
  const description = root['Description'];
  return {
    ...(typeof description === 'string' ? { description } : {}),
    key: stackKeyOf(doc),
    doc,
    parameters,
    mappings: asObject(root['Mappings']) ?? {},
    conditions: section('Conditions'),
    resources: section('Resources'),
    outputs: section('Outputs'),
    transforms,
  };
}

/**
 * Expands `Fn::ForEach::*` entries of a section. A loop whose collection is not concrete is reported
 * as a warning and kept out (its entries cannot be named).
 */
export function expandSection(entries: readonly SectionEntry[], doc: LoadedDocument, sink: DiagnosticSink, resolve: CollectionResolver): SectionEntry[] {
  const out: SectionEntry[] = [];
  for (const entry of entries) {
    if (!entry.key.startsWith(FOR_EACH_PREFIX)) {
      out.push(entry);
      continue;
    }
    const result = expandForEach(entry.value, entry.path, resolve);
    if (result.kind === 'expanded') out.push(...result.entries);
    else if (result.kind === 'malformed') sink.error('cfn/bad-foreach', doc.file, doc.lineOf(entry.path), result.message);
    else sink.warning('cfn/foreach-unresolved', doc.file, doc.lineOf(entry.path), `${entry.key}: the collection is not known statically; its entries are not expanded`);
  }
  return out;
}

/** Reads one resource entry; `undefined` (with an error) when it has no usable Type. */
export function readResource(entry: SectionEntry, doc: LoadedDocument, sink: DiagnosticSink): ResourceDecl | undefined {
  const r = asObject(entry.value);
  if (!r) {
    sink.error('cfn/bad-resource', doc.file, doc.lineOf(entry.path), `resource ${entry.key} must be a mapping`);
    return undefined;
  }
  const type = r['Type'];
  if (typeof type !== 'string' || type === '') {
    sink.error('cfn/missing-type', doc.file, doc.lineOf(entry.path), `resource ${entry.key} has no Type`);
    return undefined;
  }
  const dependsOnRaw = r['DependsOn'];
  const dependsOn = (Array.isArray(dependsOnRaw) ? dependsOnRaw : dependsOnRaw === undefined ? [] : [dependsOnRaw]).flatMap((d: unknown) => {
    if (typeof d === 'string') return [d];
    sink.error('cfn/bad-depends-on', doc.file, doc.lineOf([...entry.path, 'DependsOn']), `DependsOn of ${entry.key} must be logical ids`);
    return [];
  });
  const props = r['Properties'];
  if (props !== undefined && props !== null && !isObject(props)) {
    sink.error('cfn/bad-properties', doc.file, doc.lineOf([...entry.path, 'Properties']), `Properties of ${entry.key} must be a mapping`);
  }
  const condition = typeof r['Condition'] === 'string' ? r['Condition'] : undefined;
  const assetPath = asObject(r['Metadata'])?.['aws:asset:path'];
  const base = { logicalId: entry.key, type, dependsOn, properties: asObject(props) ?? {}, path: entry.path, ...(typeof assetPath === 'string' && assetPath !== '' ? { assetPath } : {}) };
  return condition === undefined ? base : { ...base, condition };
}

export function readOutput(entry: SectionEntry): OutputDecl {
  const o = asObject(entry.value) ?? {};
  const exportName = asObject(o['Export'])?.['Name'];
  const condition = typeof o['Condition'] === 'string' ? o['Condition'] : undefined;
  const base = { key: entry.key, value: o['Value'], exportName, path: entry.path };
  return condition === undefined ? base : { ...base, condition };
}

/**
 * Which level of `Mappings` a `Fn::FindInMap` misses, naming only the keys the template itself
 * declares (the looked-up key, perhaps a parameter value, is not repeated).
 */
export function mappingMiss(mappings: JsonObject, map: string, top: string): string {
  const level = (obj: JsonObject | undefined, key: string): unknown => (obj && Object.hasOwn(obj, key) ? obj[key] : undefined);
  const m = asObject(level(mappings, map));
  if (!m) return 'Mappings has no such map';
  if (!asObject(level(m, top))) return `Mappings.${map} has no such top-level key`;
  return `Mappings.${map}.${top} has no such second-level key`;
}

/** `Fn::FindInMap` lookup in the raw Mappings section. */
export function findInMap(mappings: JsonObject, map: string, top: string, second: string): unknown {
  const level = (obj: JsonObject | undefined, key: string): unknown => (obj && Object.hasOwn(obj, key) ? obj[key] : undefined);
  return level(asObject(level(asObject(level(mappings, map)), top)), second);
}
