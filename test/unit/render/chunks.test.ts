/** Chunk helpers and the chunked Markdown/Mermaid renderers: same text as the joined string, grouped. */
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../../src/pipeline.js';
import { CHUNK_CHARS, groupChunks, joinChunks, joinLines, trimEndChunks } from '../../../src/render/chunks.js';
import { renderMarkdown, renderMarkdownChunks } from '../../../src/render/markdown/render-markdown.js';
import { renderMermaid, renderMermaidChunks } from '../../../src/render/mermaid/render-mermaid.js';
import { generateFixture } from '../../helpers/paths.js';
import { FIXTURE_NAMES, hostileModel, loadModel } from './models.js';

describe('chunk helpers', () => {
  it('groupChunks packs pieces to at least the size, keeps every character, yields no empty chunk', () => {
    const pieces = Array.from({ length: 100 }, (_, i) => 'x'.repeat(i % 7));
    const chunks = [...groupChunks(pieces, 20)];
    expect(chunks.join('')).toBe(pieces.join(''));
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(20);
    expect(chunks.every((c) => c !== '')).toBe(true);
    expect([...groupChunks(['', ''])]).toEqual([]);
  });

  it('trimEndChunks is trimEnd of the joined pieces, whatever the cuts', () => {
    const cases: string[][] = [['a  ', ' \n', 'b\n\n', '\t', ''], ['   ', '\n'], [], ['a'], [' a ', '  ', ' b \u00a0\u2028'], ['x\n', '', '\n ', 'y']];
    for (const pieces of cases) expect([...trimEndChunks(pieces)].join('')).toBe(pieces.join('').trimEnd());
  });

  it('joinLines is the join of all blocks\' lines', () => {
    const blocks = [['a', ''], [], ['b'], ['', 'c', '']];
    expect([...joinLines(blocks)].join('')).toBe(blocks.flat().join('\n'));
    expect(joinChunks(joinLines([]))).toBe('');
  });
});

describe('chunked Markdown and Mermaid', () => {
  it.each(FIXTURE_NAMES)('%s: the chunks join to the string renderers\' text', (name) => {
    const model = loadModel(name);
    expect([...renderMarkdownChunks(model)].join('')).toBe(renderMarkdown(model));
    expect([...renderMermaidChunks(model)].join('')).toBe(renderMermaid(model));
  });

  it('hostile model: the chunks join to the same text', () => {
    const model = hostileModel();
    expect([...renderMarkdownChunks(model)].join('')).toBe(renderMarkdown(model));
    expect([...renderMermaidChunks(model)].join('')).toBe(renderMermaid(model));
  });

  it('generated fixture: Markdown comes in several chunks of about 64 KiB', async () => {
    const model = await importArchitecture([generateFixture({ pods: 300 })], { cwd: '/' });
    const chunks = [...renderMarkdownChunks(model)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(CHUNK_CHARS);
    expect(chunks.join('')).toMatch(/\S\n$/);
  });
});
