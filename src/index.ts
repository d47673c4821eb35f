/** The library API: the same pipeline as the CLI, callable from code. */
export { importArchitecture, type ImportOptions } from './pipeline.js';
export { render, renderChunks, RENDERERS, CHUNK_RENDERERS } from './render/index.js';
export { renderJson, renderJsonChunks } from './render/json/render-json.js';
export { renderMarkdown, renderMarkdownChunks } from './render/markdown/render-markdown.js';
export { renderMermaid, renderMermaidChunks } from './render/mermaid/render-mermaid.js';
export type { ChunkRenderer, OutputFormat, Renderer } from './render/types.js';
export { SCHEMA_VERSION } from './model/architecture.js';
export type { ArchitectureModel, DriftItem, Finding, InputReport } from './model/architecture.js';
export type { Entity, Relation, SourceRef, PropValue, Unresolved } from './model/entity.js';
export { ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType, type Confidence, type InputFormat } from './model/kinds.js';
export type { Diagnostic, Severity } from './core/diagnostics.js';
export { VERSION } from './version.js';
