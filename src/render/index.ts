import { renderJson, renderJsonChunks } from './json/render-json.js';
import { renderMarkdown, renderMarkdownChunks } from './markdown/render-markdown.js';
import { renderMermaid, renderMermaidChunks } from './mermaid/render-mermaid.js';
import type { ChunkRenderer, OutputFormat, Renderer } from './types.js';

export const RENDERERS: Readonly<Record<OutputFormat, Renderer>> = {
  markdown: renderMarkdown,
  json: renderJson,
  mermaid: renderMermaid,
};

/** The back ends as chunk streams: what the CLI writes, so no output is limited by V8's string length. */
export const CHUNK_RENDERERS: Readonly<Record<OutputFormat, ChunkRenderer>> = {
  markdown: renderMarkdownChunks,
  json: renderJsonChunks,
  mermaid: renderMermaidChunks,
};

export function render(model: Parameters<Renderer>[0], format: OutputFormat): string {
  return RENDERERS[format](model);
}

export function renderChunks(model: Parameters<ChunkRenderer>[0], format: OutputFormat): Iterable<string> {
  return CHUNK_RENDERERS[format](model);
}
