/** The JSON back end: the model as its versioned contract, keys in a fixed order, 2-space indent. */
import type { ArchitectureModel } from '../../model/architecture.js';
import { followedBy, groupChunks, joinChunks } from '../chunks.js';
import { streamJson } from './stream-json.js';

/** `JSON.stringify(model, null, 2) + "\n"`, in chunks of about 64 KiB (no length limit). */
export function* renderJsonChunks(model: ArchitectureModel): Generator<string, void, undefined> {
  yield* groupChunks(followedBy(streamJson(model, 2), '\n'));
}

export function renderJson(model: ArchitectureModel): string {
  return joinChunks(renderJsonChunks(model));
}
