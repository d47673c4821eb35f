/**
 * Every Kubernetes manifest and dump of the corpus imports with status `ok` and one entity per
 * object (objects counted independently with js-yaml); the deliberate negative cases give
 * file:line diagnostics instead.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { isObject } from '../../src/core/guards.js';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import type { Entity } from '../../src/model/entity.js';
import { importArchitecture } from '../../src/pipeline.js';
import { CORPUS, corpusFiles, corpusKinds, REPO_ROOT } from '../helpers/paths.js';

const files = [...corpusFiles('k8s-manifests'), ...corpusFiles('k8s-dumps')];
const kinds = corpusKinds();
const kindOf = (file: string): string => kinds.get(relative(CORPUS, file)) ?? '';
const isNegative = (file: string): boolean => kindOf(file).includes('eemeli-yaml-lenient-error');

/** Objects in a file, read with js-yaml: lists flattened, keyed like Kubernetes identifies objects. */
function objectKeys(file: string): { count: number; keys: Set<string> } {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const docs: unknown[] = file.endsWith('.json') ? [JSON.parse(text)] : loadAll(text, undefined, { schema: CORE_SCHEMA });
  const keys = new Set<string>();
  let count = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isObject(v) || typeof v['kind'] !== 'string') return;
    if (v['kind'].endsWith('List') && Array.isArray(v['items'])) return v['items'].forEach(visit);
    const meta = isObject(v['metadata']) ? v['metadata'] : {};
    const name = meta['name'] ?? meta['generateName'];
    if (typeof name !== 'string') return;
    count++;
    const group = typeof v['apiVersion'] === 'string' && v['apiVersion'].includes('/') ? v['apiVersion'].split('/')[0] : '';
    keys.add(`${group}/${v['kind']}/${typeof meta['namespace'] === 'string' ? meta['namespace'] : ''}/${name}`);
  };
  for (const d of docs) {
    // Only documents the classifier takes: an apiVersion, or a kind:List.
    if (Array.isArray(d) || (isObject(d) && (typeof d['apiVersion'] === 'string' || Array.isArray(d['items'])))) visit(d);
  }
  return { count, keys };
}

/** AWS-side kinds that no Kubernetes object lowers to; link passes derive them from objects. */
const DERIVED_KINDS = new Set(['Cluster', 'NodeGroup', 'IamRole', 'LoadBalancer']);

const models = new Map<string, ArchitectureModel>();
beforeAll(async () => {
  for (const f of files) models.set(f, await importArchitecture([f], { cwd: REPO_ROOT }));
}, 120_000);

/** Entities the passes derive rather than read from an object. */
function isDerived(e: Entity): boolean {
  return DERIVED_KINDS.has(e.kind) || (e.kind === 'Namespace' && e.props['implicit'] === true);
}

describe('corpus k8s-manifests and k8s-dumps', () => {
  it('has the expected folders', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files.filter((f) => !isNegative(f)).map((f) => [relative(CORPUS, f), f]))('%s imports ok, one entity per object', (_name, file) => {
    const model = models.get(file);
    expect(model?.inputs).toHaveLength(1);
    expect(model?.inputs[0]?.status, JSON.stringify(model?.diagnostics.slice(0, 3))).toBe('ok');
    const { count, keys } = objectKeys(file);
    const hint = /objects=(\d+)/.exec(kindOf(file))?.[1];
    if (hint !== undefined) expect(count).toBe(Number(hint));
    const entities = model?.entities ?? [];
    expect(entities.filter((e) => !isDerived(e)).length).toBe(keys.size);
    // What the link passes derive (an Ingress's ALB, the cluster named by node labels, a namespace
    // only named by objects) is sourced at the object it was derived from.
    const objectSources = new Set(entities.filter((e) => !isDerived(e)).flatMap((e) => e.sources.map((s) => `${s.file}:${s.line}`)));
    // Every namespace an object is in exists as a Namespace (A.11), declared or implicit.
    const namespaces = new Set(entities.filter((e) => e.kind === 'Namespace').map((e) => e.name));
    for (const e of entities) if (e.namespace !== undefined) expect(namespaces.has(e.namespace), e.id).toBe(true);
    for (const e of entities.filter(isDerived)) {
      expect(e.sources.some((s) => objectSources.has(`${s.file}:${s.line}`)), e.id).toBe(true);
    }
    // Every entity points at the line where its object starts, inside the file.
    const lines = readFileSync(file, 'utf8').split('\n').length;
    for (const e of model?.entities ?? []) {
      expect(e.sources[0]?.line).toBeGreaterThanOrEqual(1);
      expect(e.sources[0]?.line).toBeLessThanOrEqual(lines);
    }
  });

  it.each(files.filter(isNegative).map((f) => [relative(CORPUS, f), f]))('%s (negative case) gives file:line diagnostics', (_name, file) => {
    const model = models.get(file);
    const display = relative(REPO_ROOT, file);
    const errors = (model?.diagnostics ?? []).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) {
      expect(d.file).toBe(display);
      expect(d.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps every kind: CRDs, custom resources and other kinds are KubernetesObjects with apiVersion and kind', () => {
    const all = [...models.values()].flatMap((m) => m.entities);
    const generic = all.filter((e) => e.kind === 'KubernetesObject');
    expect(new Set(generic.map((e) => e.props['kind'])).size).toBeGreaterThan(15);
    for (const e of generic) {
      expect(typeof e.props['apiVersion']).toBe('string');
      expect(typeof e.props['kind']).toBe('string');
    }
    const classes = generic.filter((e) => e.props['kind'] === 'IngressClass');
    expect(classes.some((e) => typeof e.props['controller'] === 'string')).toBe(true);
  });

  it('links what the dumps connect (owners, nodes, services)', () => {
    const rels = [...models.values()].flatMap((m) => m.relations);
    for (const rule of ['J22', 'J23', 'J25', 'J37']) expect(rels.some((r) => r.rule === rule), rule).toBe(true);
  });
});
