import type { ArchitectureModel } from '../model/architecture.js';

export const OUTPUT_FORMATS = ['markdown', 'json', 'mermaid'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A back end is a pure function of the model: no I/O, no clock, no randomness. */
export type Renderer = (model: ArchitectureModel) => string;

/** The same back end as chunks of about 64 KiB whose concatenation is the `Renderer`'s text. */
export type ChunkRenderer = (model: ArchitectureModel) => Iterable<string>;
