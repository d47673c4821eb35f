/**
 * Every CloudFormation template of the corpus (cfn-yaml/, cfn-json/) imports, and every resource of it
 * becomes an entity at the line of its logical id (or is dropped by a false condition, with a
 * diagnostic). Resources and lines are read independently with the `yaml` package's AST, tags
 * ignored. Files that even a lenient YAML parser rejects must give an error with a line.
 */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import { importArchitecture } from '../../src/pipeline.js';
import { CORPUS, corpusFiles, corpusKinds, REPO_ROOT } from '../helpers/paths.js';

const files = [...corpusFiles('cfn-yaml'), ...corpusFiles('cfn-json')];
const kinds = corpusKinds();
const kindOf = (file: string): string => kinds.get(relative(CORPUS, file)) ?? '';
const isNegative = (file: string): boolean => kindOf(file).includes('eemeli-yaml-lenient-error');

interface DeclaredResource {
  readonly logicalId: string;
  readonly line: number;
  /** A key template inside `Fn::ForEach` (the entity name is the expanded key). */
  readonly generated: boolean;
}

/** Resources with a Type, and the line of each key; ForEach bodies give their key templates. */
function declaredResources(file: string): DeclaredResource[] {
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc, uniqueKeys: false, logLevel: 'silent' });
  const out: DeclaredResource[] = [];
  const visit = (map: unknown, generated: boolean): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key.startsWith('Fn::ForEach::')) {
        const body = isSeq(pair.value) ? pair.value.items[2] : undefined;
        visit(body, true);
        continue;
      }
      if (isMap(pair.value) && pair.value.has('Type')) {
        out.push({ logicalId: key, line: lc.linePos(pair.key.range?.[0] ?? 0).line, generated });
      }
    }
  };
  const resources = isMap(doc.contents) ? doc.contents.get('Resources', true) : undefined;
  visit(resources, false);
  return out;
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

describe('corpus cfn-yaml/ and cfn-json/', () => {
  it('has the 72 templates the manifest lists; one is rejected even by lenient YAML parsers', () => {
    expect(files.length).toBe(72);
    expect(files.filter(isNegative).map((f) => basename(f))).toEqual(['aws-samples+eks-workshop__templates_amazon-eks-nodegroup-with-mixed-instances.yml']);
  });

  const valid = files.filter((f) => !isNegative(f));
  it.each(valid.map((f) => [basename(f), f]))('%s imports ok; every resource is an entity at its key line', (_name, file) => {
    const m = model(file);
    expect(m.inputs).toEqual([expect.objectContaining({ format: 'cloudformation', status: 'ok', documents: 1 })]);
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const display = m.inputs[0]?.file ?? '';
    const declared = declaredResources(file);
    expect(declared.length).toBeGreaterThan(0);
    for (const r of declared) {
      const atLine = m.entities.filter((e) => e.sources.some((s) => s.file === display && s.line === r.line && s.format === 'cloudformation'));
      const dropped = m.diagnostics.some((d) => d.code === 'cfn/condition-false' && d.file === display && d.line === r.line);
      const found = r.generated
        ? atLine.length > 0
        : atLine.some((e) => e.props['logicalId'] === r.logicalId || e.sources.length > 1);
      expect({ resource: r.logicalId, line: r.line, found: found || dropped }).toEqual({ resource: r.logicalId, line: r.line, found: true });
    }
  });

  it('files only strict parsers reject (js-yaml / YAML 1.2) import as CloudFormation accepts them', () => {
    const strictOnly = valid.filter((f) => /js-yaml-error|strict-yaml1\.2-error/.test(kindOf(f)));
    expect(strictOnly.length).toBeGreaterThan(0);
    for (const f of strictOnly) expect(model(f).inputs[0]?.status).toBe('ok');
  });

  it.each(files.filter(isNegative).map((f) => [basename(f), f]))('%s gives an error diagnostic with a line', (_name, file) => {
    const m = model(file);
    expect(m.inputs[0]?.status).toBe('error');
    const errors = m.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.line).toBeGreaterThan(0);
  });

  it('EKS templates give clusters and node groups, self-managed ones included', () => {
    const kindsIn = (name: string): string[] => {
      const f = files.find((x) => basename(x).includes(name));
      const label = (kind: string, type: unknown): string => (kind === 'NodeGroup' && typeof type === 'string' ? `${kind}/${type}` : kind);
      return f ? [...new Set(model(f).entities.map((e) => label(e.kind, e.props['nodeGroupType'])))].sort() : [];
    };
    expect(kindsIn('__EKS_template.yaml')).toEqual(expect.arrayContaining(['Cluster', 'NodeGroup/managed', 'Subnet', 'Vpc', 'IamRole']));
    expect(kindsIn('amazon-eks-ami__amazon-eks-nodegroup.yaml')).toContain('NodeGroup/self-managed');
    expect(kindsIn('nodegroup-example-1.json')).toContain('NodeGroup/self-managed');
    expect(kindsIn('cluster-example-1.json')).toEqual(expect.arrayContaining(['Cluster', 'InternetGateway', 'NatGateway', 'RouteTable', 'SecurityGroup']));
  });
});
