// @vitest-environment happy-dom
/**
 * End to end: the generated EKS fixture through importArchitecture, then every renderer. Whatever the
 * front ends and link passes produce, the outputs must be valid: JSON against the schema, every Mermaid
 * diagram parsed by Mermaid and within its limits, Markdown with one mermaid block per diagram.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArchitecture } from '../../src/pipeline.js';
import { renderJson } from '../../src/render/json/render-json.js';
import { renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from '../../src/render/mermaid/limits.js';
import { renderMermaid, splitMermaid } from '../../src/render/mermaid/render-mermaid.js';
import { REPO_ROOT, generateFixture, readTruth } from '../helpers/paths.js';

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false });
});

describe('renderers on the generated fixture', () => {
  it('JSON validates, Mermaid parses within limits, Markdown embeds every diagram', async () => {
    const dir = generateFixture({ pods: 300, json: false });
    const truth = readTruth(dir);
    const model = await importArchitecture([dir], { cwd: dir });

    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/model.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020.default({ allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(JSON.parse(renderJson(model))), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);

    const chunks = splitMermaid(renderMermaid(model));
    for (const { slug, text } of chunks) {
      expect(text.length, slug).toBeLessThanOrEqual(MERMAID_MAX_TEXT);
      expect(text.split('\n').filter((l) => / (-->|-\.->)/.test(l)).length, slug).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
      await expect(mermaid.parse(text), slug).resolves.toBeTruthy();
    }
    const md = renderMarkdown(model);
    expect([...md.matchAll(/^```mermaid$/gm)].length).toBe(chunks.length);
    expect(md.startsWith(`# Architecture: ${truth.cluster}\n`)).toBe(true);
    for (const secret of truth.secretValuesThatMustNotAppear) {
      expect(md).not.toContain(secret);
      expect(renderMermaid(model)).not.toContain(secret);
    }
  });
});
