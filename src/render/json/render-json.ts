/** The JSON back end: the model as its versioned contract, keys in a fixed order, 2-space indent. */
import type { ArchitectureModel } from '../../model/architecture.js';

export function renderJson(model: ArchitectureModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
