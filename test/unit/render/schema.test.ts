/** schema/model.schema.json matches the TypeScript contract and validates real and hand-made models. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CONFIDENCES, ENTITY_KINDS, INPUT_FORMATS, RELATION_TYPES } from '../../../src/model/kinds.js';
import { renderJson } from '../../../src/render/json/render-json.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { REPO_ROOT, SAMPLES } from '../../helpers/paths.js';
import { FIXTURE_NAMES, bigModel, hostileModel, loadModel } from './models.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/model.schema.json'), 'utf8')) as {
  required: string[];
  $defs: Record<string, { enum?: string[] }>;
};
const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

function errorsOf(json: string): string {
  return validate(JSON.parse(json)) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('schema/model.schema.json', () => {
  it('has the vocabulary of src/model/kinds.ts', () => {
    expect(schema.$defs['entityKind']?.enum).toEqual([...ENTITY_KINDS]);
    expect(schema.$defs['relationType']?.enum).toEqual([...RELATION_TYPES]);
    expect(schema.$defs['confidence']?.enum).toEqual([...CONFIDENCES]);
    expect(schema.$defs['inputFormat']?.enum).toEqual([...INPUT_FORMATS]);
    expect(schema.required).toEqual(['schemaVersion', 'inputs', 'entities', 'relations', 'drift', 'findings', 'diagnostics']);
  });

  it('validates renderJson of importArchitecture(samples)', async () => {
    const model = await importArchitecture([SAMPLES], { cwd: REPO_ROOT });
    expect(model.entities.length).toBeGreaterThan(0);
    expect(errorsOf(renderJson(model))).toBe('');
  });

  it.each(FIXTURE_NAMES)('validates the model fixture %s', (name) => {
    expect(errorsOf(renderJson(loadModel(name)))).toBe('');
  });

  it('validates the hostile and the huge synthetic models', () => {
    expect(errorsOf(renderJson(hostileModel()))).toBe('');
    expect(errorsOf(renderJson(bigModel(500)))).toBe('');
  });

  it('validates the example in docs/model.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/model.md'), 'utf8');
    const example = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '').find((b) => b.includes('schemaVersion'));
    expect(example).toBeDefined();
    expect(errorsOf(example ?? '')).toBe('');
  });

  it.each([
    ['an unknown kind', (m: Record<string, unknown[]>) => ((m['entities']?.[0] as Record<string, unknown>)['kind'] = 'Lambda')],
    ['a bad confidence', (m: Record<string, unknown[]>) => ((m['relations']?.[0] as Record<string, unknown>)['confidence'] = 'certain')],
    ['a 0 line', (m: Record<string, unknown[]>) => (((m['entities']?.[0] as Record<string, unknown[]>)['sources']?.[0] as Record<string, unknown>)['line'] = 0)],
    ['a malformed placeholder', (m: Record<string, unknown[]>) => ((m['entities']?.[0] as Record<string, Record<string, unknown>>)['props']!['x'] = { unresolved: 1 })],
    ['a missing drift key', (m: Record<string, unknown[]>) => delete m['drift']],
    ['an extra entity field', (m: Record<string, unknown[]>) => ((m['entities']?.[0] as Record<string, unknown>)['extra'] = true)],
  ])('rejects %s', (_name, mutate) => {
    const model = JSON.parse(renderJson(loadModel('eks-small'))) as Record<string, unknown[]>;
    mutate(model);
    expect(errorsOf(JSON.stringify(model))).not.toBe('');
  });
});
