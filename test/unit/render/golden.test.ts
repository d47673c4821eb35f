/**
 * Golden files for the renderers on hand-made models (test/fixtures/models → test/golden). Update with
 * `npx vitest run test/unit/render/golden.test.ts -u` and review the diff: the goldens are the spec.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/render/json/render-json.js';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.js';
import { renderMermaid } from '../../../src/render/mermaid/render-mermaid.js';
import { FIXTURE_NAMES, GOLDEN, hostileModel, loadModel } from './models.js';

describe('golden renderer output', () => {
  it.each(FIXTURE_NAMES)('%s: Markdown and Mermaid', async (name) => {
    const model = loadModel(name);
    await expect(renderMarkdown(model)).toMatchFileSnapshot(join(GOLDEN, `${name}.md`));
    await expect(renderMermaid(model)).toMatchFileSnapshot(join(GOLDEN, `${name}.mmd`));
  });

  it('hostile names: Markdown and Mermaid', async () => {
    const model = hostileModel();
    await expect(renderMarkdown(model)).toMatchFileSnapshot(join(GOLDEN, 'hostile.md'));
    await expect(renderMermaid(model)).toMatchFileSnapshot(join(GOLDEN, 'hostile.mmd'));
  });

  it.each(FIXTURE_NAMES)('%s: JSON is the model itself, deterministic', (name) => {
    const model = loadModel(name);
    const json = renderJson(model);
    expect(JSON.parse(json)).toEqual(model);
    expect(renderJson(loadModel(name))).toBe(json);
    expect(renderMarkdown(loadModel(name))).toBe(renderMarkdown(model));
  });
});
