/**
 * The front-end contract. A front end turns the documents of one input format into a model fragment.
 * It never throws on bad input: problems go to the sink with file and line.
 */
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { DiscoveredFile } from '../discover/walk.js';
import type { LoadedDocument } from '../load/document.js';
import type { Fragment } from '../model/entity.js';
import type { InputFormat } from '../model/kinds.js';

export interface FrontEndContext {
  readonly sink: DiagnosticSink;
  /** CloudFormation parameter overrides from `--param NAME=VALUE`. */
  readonly params: Readonly<Record<string, string>>;
}

export interface FrontEnd {
  readonly format: InputFormat;
  /**
   * Lowers every document of this format at once (sorted by file, then position), so cross-document
   * facts such as CloudFormation exports can be resolved.
   */
  lower(documents: readonly LoadedDocument[], ctx: FrontEndContext): Fragment;
}

/** Result of a streaming import of one file. */
export interface StreamedFile {
  readonly format: InputFormat;
  readonly documents: number;
  readonly fragment: Fragment;
}

/**
 * A front end that can take a whole large file itself (kubectl dumps), streaming it instead of loading
 * it into one tree. `claim` sees the first bytes of the file; returning `undefined` from `importFile`
 * hands the file back to the general loader.
 */
export interface StreamingFrontEnd {
  readonly format: InputFormat;
  claim(file: DiscoveredFile, head: string): boolean;
  importFile(file: DiscoveredFile, ctx: FrontEndContext): Promise<StreamedFile | undefined>;
}
