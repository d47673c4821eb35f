/**
 * The JSON contract: what `archmap import -f json` writes and what every renderer reads.
 * Versioned by `schemaVersion` (semver of the contract, see docs/model.md and schema/model.schema.json):
 * fields and kinds may be added in a minor version; nothing is renamed or removed without a major one.
 */
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import type { Entity, PropValue, Relation } from './entity.js';
import type { InputFormat } from './kinds.js';

export const SCHEMA_VERSION = '1.0.0';

export interface InputReport {
  readonly file: string;
  /** The format of the file's documents; `unknown` when none was recognised. */
  readonly format: InputFormat | 'mixed' | 'unknown';
  /** Number of documents (objects, for Kubernetes lists) read from the file. */
  readonly documents: number;
  readonly status: 'ok' | 'skipped' | 'error';
  readonly reason?: string;
}

/** An audit result pointing at an entity and its first source. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly entity: string;
  readonly file?: string;
  readonly line?: number;
}

/** A disagreement between what is declared (CloudFormation, eksctl) and what is observed (kubectl dump). */
export interface DriftItem {
  readonly code: string;
  readonly entity: string;
  readonly message: string;
  readonly declared?: PropValue;
  readonly observed?: PropValue;
}

export interface ArchitectureModel {
  readonly schemaVersion: string;
  readonly inputs: InputReport[];
  readonly entities: Entity[];
  readonly relations: Relation[];
  readonly drift: DriftItem[];
  readonly findings: Finding[];
  readonly diagnostics: Diagnostic[];
}
