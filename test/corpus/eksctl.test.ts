/**
 * Every eksctl ClusterConfig of the corpus imports; eksctl's own negative test files give
 * file:line diagnostics. Content is checked against an independent reading of each file (js-yaml).
 */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { load as loadJsYaml } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { isObject } from '../../src/core/guards.js';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import type { Entity } from '../../src/model/entity.js';
import { importArchitecture } from '../../src/pipeline.js';
import { CORPUS, corpusFiles, corpusKinds, REPO_ROOT } from '../helpers/paths.js';

const files = corpusFiles('eksctl');
const kinds = corpusKinds();
const kindOf = (file: string): string => kinds.get(relative(CORPUS, file)) ?? '';
const isNegative = (file: string): boolean => kindOf(file).includes('edge:schema-invalid');

/** Declared names, read with a different YAML library than archmap's loader. */
function declared(file: string): { cluster: string; managed: string[]; selfManaged: string[]; fargate: string[] } {
  const text = readFileSync(file, 'utf8');
  const doc: unknown = file.endsWith('.json') ? JSON.parse(text) : loadJsYaml(text);
  const names = (key: string): string[] => {
    const list = isObject(doc) ? doc[key] : undefined;
    return Array.isArray(list) ? list.flatMap((x: unknown) => (isObject(x) && typeof x['name'] === 'string' ? [x['name']] : [])) : [];
  };
  const meta = isObject(doc) && isObject(doc['metadata']) ? doc['metadata'] : {};
  return { cluster: String(meta['name']), managed: names('managedNodeGroups'), selfManaged: names('nodeGroups'), fargate: names('fargateProfiles') };
}

const models = new Map<string, ArchitectureModel>();
beforeAll(async () => {
  for (const f of files) models.set(f, await importArchitecture([f], { cwd: REPO_ROOT }));
});
const model = (file: string): ArchitectureModel => {
  const m = models.get(file);
  if (!m) throw new Error(`not imported: ${file}`);
  return m;
};
const entity = (m: ArchitectureModel, id: string): Entity | undefined => m.entities.find((e) => e.id === id);

describe('corpus eksctl/', () => {
  it('has the files the manifest lists (70, two of them negative)', () => {
    expect(files.length).toBe(70);
    expect(files.filter(isNegative).map((f) => basename(f))).toEqual([
      'eksctl-io+eksctl__pkg_eks_testdata_bad-field-1.yaml',
      'eksctl-io+eksctl__pkg_eks_testdata_bad-type-1.yaml',
    ]);
  });

  const valid = files.filter((f) => !isNegative(f));
  it.each(valid.map((f) => [basename(f), f]))('%s imports with status ok, no errors, and its declared compute', (_name, file) => {
    const m = model(file);
    expect(m.inputs).toEqual([expect.objectContaining({ format: 'eksctl', status: 'ok', documents: 1 })]);
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const d = declared(file);
    expect(entity(m, `Cluster:${d.cluster}`)).toBeDefined();
    const groups = (type: string): string[] =>
      m.entities.filter((e) => e.kind === 'NodeGroup' && e.props['nodeGroupType'] === type).map((e) => e.name).sort();
    expect(groups('managed')).toEqual([...d.managed].sort());
    expect(groups('self-managed')).toEqual([...d.selfManaged].sort());
    expect(m.entities.filter((e) => e.kind === 'FargateProfile').map((e) => e.name).sort()).toEqual([...d.fargate].sort());
    for (const ng of m.entities.filter((e) => e.kind === 'NodeGroup')) {
      expect(m.relations).toContainEqual(expect.objectContaining({ type: 'member-of', from: ng.id, to: `Cluster:${d.cluster}` }));
    }
  });

  it('bad-field-1: the unknown field is reported at its line, the rest still imports', () => {
    const file = files.find((f) => f.endsWith('bad-field-1.yaml')) ?? '';
    const m = model(file);
    expect(m.diagnostics).toEqual([
      expect.objectContaining({ code: 'eksctl/unknown-field', severity: 'warning', line: 7, file: relative(REPO_ROOT, file) }),
    ]);
    expect(m.diagnostics[0]?.message).toMatch(/"zone".*eksctl rejects/);
    // `zone` is ignored, so the region is eksctl's default, and marked as such.
    expect(entity(m, 'Cluster:cluster-1')).toMatchObject({ props: { region: 'us-west-2' }, defaulted: expect.arrayContaining(['region']) as unknown });
  });

  it('bad-type-1: the unquoted version is an error at its line; the cluster is still there, version defaulted', () => {
    const file = files.find((f) => f.endsWith('bad-type-1.yaml')) ?? '';
    const m = model(file);
    expect(m.inputs[0]?.status).toBe('error');
    expect(m.diagnostics).toEqual([
      expect.objectContaining({ code: 'eksctl/wrong-type', severity: 'error', line: 8, file: relative(REPO_ROOT, file) }),
    ]);
    expect(m.diagnostics[0]?.message).toContain('metadata.version: expected a string');
    const cluster = entity(m, 'Cluster:cluster-1');
    expect(cluster?.defaulted).toContain('version');
  });
});

describe('corpus: node groups and Fargate profiles with their placement', () => {
  const pick = (suffix: string): ArchitectureModel => model(files.find((f) => f.endsWith(suffix)) ?? '');

  it('16-fargate-profile: cluster, self-managed ng-1, Fargate profiles with selectors, in the default private subnets', () => {
    const m = pick('16-fargate-profile.yaml');
    expect(entity(m, 'Cluster:cluster-16')?.props['region']).toBe('ap-northeast-1');
    expect(entity(m, 'NodeGroup:cluster-16/ng-1')?.props).toMatchObject({ nodeGroupType: 'self-managed', desiredCapacity: 1, instanceTypes: ['m5.large'] });
    const dev = entity(m, 'FargateProfile:cluster-16/fp-dev');
    expect(dev?.props['selectors']).toEqual([{ namespace: 'dev', labels: { env: 'dev', checks: 'passed' } }]);
    expect(entity(m, 'FargateProfile:cluster-16/fp-default')?.props['selectors']).toEqual([{ namespace: 'default' }, { namespace: 'kube-system' }]);
    // No AZs in the file: eksctl picks them at random, so each profile subnet carries an AZ placeholder.
    const subnets = dev?.props['subnets'];
    expect(Array.isArray(subnets) && subnets.length).toBe(3);
    for (const s of Array.isArray(subnets) ? subnets : []) {
      const subnet = entity(m, String(s));
      expect(subnet?.props['topology']).toBe('private');
      expect(subnet?.props['az']).toEqual({ unresolved: expect.stringMatching(/^AZ\(ap-northeast-1,\d\)$/) as unknown });
    }
  });

  it('05-advanced-nodegroups: AZs per node group (declared single AZ, or all cluster AZs by default)', () => {
    const m = pick('05-advanced-nodegroups.yaml');
    expect(entity(m, 'NodeGroup:cluster-5/ng3-private-b')?.props).toMatchObject({ availabilityZones: ['eu-west-2a'], privateNetworking: true });
    expect(entity(m, 'NodeGroup:cluster-5/ng1-public')?.props).toMatchObject({ availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'], minSize: 2, maxSize: 8 });
    expect(entity(m, 'NodeGroup:cluster-5/ng3-private-b')?.props['taints']).toEqual([{ key: 'special', value: 'true', effect: 'NoSchedule' }]);
  });

  it('34-taints: managed and self-managed groups side by side', () => {
    const m = pick('34-taints.yaml');
    const types = m.entities.filter((e) => e.kind === 'NodeGroup').map((e) => e.props['nodeGroupType']);
    expect(new Set(types)).toEqual(new Set(['managed', 'self-managed']));
  });

  it('42-auto-mode: declared node pools become auto-mode node groups', () => {
    const m = pick('42-auto-mode.yaml');
    const pools = m.entities.filter((e) => e.kind === 'NodeGroup');
    expect(pools.length).toBeGreaterThan(0);
    for (const p of pools) expect(p.props['nodeGroupType']).toBe('auto-mode');
  });
});
