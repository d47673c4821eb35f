import { renderJson } from './json/render-json.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { renderMermaid } from './mermaid/render-mermaid.js';
import type { OutputFormat, Renderer } from './types.js';

export const RENDERERS: Readonly<Record<OutputFormat, Renderer>> = {
  markdown: renderMarkdown,
  json: renderJson,
  mermaid: renderMermaid,
};

export function render(model: Parameters<Renderer>[0], format: OutputFormat): string {
  return RENDERERS[format](model);
}
