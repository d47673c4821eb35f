/**
 * The batch results worker threads send back (worker.ts → worker-pool.ts). Entities are sent as one
 * JSON string when that is exact, which the main thread parses faster than it deserialises the same
 * objects from a structured clone.
 */
import type { Entity } from '../../../model/entity.js';
import type { BatchResult } from './batch.js';

/** A batch result as a worker sends it: the entities as one JSON string when that is exact (see `toWire`). */
export interface WireResult extends Omit<BatchResult, 'entities'> {
  readonly entities: string | Entity[];
}

/**
 * The worker's side of a result. Entities are sent as JSON rather than structured-cloned: JSON.parse
 * on the main thread costs about half of deserialising the same objects. Props are JSON values by
 * contract (model/entity.ts); the one thing JSON would change, a non-finite number read from hostile
 * input (`.inf`), turns into `null`, so a batch holding one is sent as objects and the output does
 * not depend on whether a worker read the batch.
 */
export function toWire(result: BatchResult): WireResult {
  const json = JSON.stringify(result.entities);
  // JSON.stringify writes NaN and ±Infinity as `null`: only a batch with a `null` needs the check.
  if (json.includes('null') && result.entities.some((e) => hasNonFinite(e.props))) return result;
  return { ...result, entities: json };
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasNonFinite);
}

/** The main thread's side: the entities as objects again. */
export function fromWire(wire: WireResult): BatchResult {
  return { ...wire, entities: typeof wire.entities === 'string' ? (JSON.parse(wire.entities) as Entity[]) : wire.entities };
}
