/** Declared-vs-observed drift. */
import type { DriftItem } from '../model/architecture.js';
import type { ModelGraph } from '../model/graph.js';

export function computeDrift(_graph: ModelGraph): DriftItem[] {
  return [];
}
