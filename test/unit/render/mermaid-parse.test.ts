// @vitest-environment happy-dom
/**
 * Every Mermaid diagram archmap writes must parse with the real Mermaid parser (mermaid 11, which
 * GitHub uses) and stay within Mermaid's default limits, for hand-made, real, hostile and huge models.
 */
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../../src/model/architecture.js';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.js';
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from '../../../src/render/mermaid/limits.js';
import { renderMermaid, splitMermaid } from '../../../src/render/mermaid/render-mermaid.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { SAMPLES } from '../../helpers/paths.js';
import { FIXTURE_NAMES, HOSTILE_NAMES, bigModel, hostileModel, loadModel } from './models.js';

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false });
});

/** Edge statements (`a --> b`, `a -.->|"x"| b`) in a flowchart. */
function edgeCount(text: string): number {
  return text.split('\n').filter((l) => /^\s+\S+ (-->|-\.->)/.test(l)).length;
}

async function expectAllParse(model: ArchitectureModel): Promise<number> {
  const chunks = splitMermaid(renderMermaid(model));
  for (const { slug, text } of chunks) {
    expect(text.length, slug).toBeLessThanOrEqual(MERMAID_MAX_TEXT);
    expect(edgeCount(text), slug).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
    await expect(mermaid.parse(text), `${slug}\n${text.slice(0, 2000)}`).resolves.toBeTruthy();
  }
  // The Markdown document embeds the same diagrams.
  const blocks = [...renderMarkdown(model).matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '');
  expect(blocks.length).toBe(chunks.length);
  for (const block of blocks) await expect(mermaid.parse(block)).resolves.toBeTruthy();
  return chunks.length;
}

describe('Mermaid output parses', () => {
  it.each(FIXTURE_NAMES.filter((n) => n !== 'empty'))('fixture %s', async (name) => {
    expect(await expectAllParse(loadModel(name))).toBeGreaterThan(0);
  });

  it('the empty model gives one placeholder diagram that parses', async () => {
    const chunks = splitMermaid(renderMermaid(loadModel('empty')));
    expect(chunks.map((c) => c.slug)).toEqual(['empty']);
    await expect(mermaid.parse(chunks[0]?.text ?? '')).resolves.toBeTruthy();
  });

  it('samples/ through the whole pipeline', async () => {
    const model = await importArchitecture([SAMPLES], { cwd: SAMPLES });
    expect(await expectAllParse(model)).toBeGreaterThan(0);
  });

  it('hostile names neither break the parse nor inject', async () => {
    const model = hostileModel();
    expect(await expectAllParse(model)).toBeGreaterThanOrEqual(4);
    const out = renderMermaid(model);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('`');
    // No label text outside quotes: every node/edge line ends its quoted parts properly.
    for (const line of out.split('\n')) {
      if (line.startsWith('%%')) continue;
      expect((line.match(/"/g) ?? []).length % 2, line).toBe(0);
      expect(line).not.toMatch(/^\s*(click|call|style|linkStyle)\b/);
    }
    // Hostile names are still recognisable (escaped, not dropped).
    expect(out).toContain('#lt;script#gt;alert#40;1#41;#lt;/script#gt;');
    expect(HOSTILE_NAMES.length).toBeGreaterThan(10);
  });
});

describe('size limits on a huge model', () => {
  it('every diagram of a 20k-pod model is within 50,000 characters and 500 edges, and parses', async () => {
    const model = bigModel(20_000);
    const out = renderMermaid(model);
    const chunks = splitMermaid(out);
    expect(chunks.length).toBeGreaterThan(20);
    for (const { slug, text } of chunks) {
      expect(text.length, slug).toBeLessThanOrEqual(MERMAID_MAX_TEXT);
      expect(edgeCount(text), slug).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
    }
    // Parse the largest diagrams (all would take long and add nothing).
    const largest = [...chunks].sort((a, b) => b.text.length - a.text.length).slice(0, 4);
    for (const { text } of largest) await expect(mermaid.parse(text)).resolves.toBeTruthy();
    // The timeout only keeps a runaway render from hanging the suite; speed is `npm run bench`'s.
  }, 60_000);
});
