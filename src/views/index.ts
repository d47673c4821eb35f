/** All views of a model, in report order: network, compute, workloads per namespace, identity. */
import type { ArchitectureModel } from '../model/architecture.js';
import { buildComputeViews } from './compute.js';
import { buildIdentityViews } from './identity.js';
import { ModelIndex } from './model-index.js';
import { buildNetworkViews } from './network.js';
import type { Diagram } from './types.js';
import { buildWorkloadViews } from './workloads.js';

export type { Diagram, DiagramSection, NodeClass, NodeShape, ViewEdge, ViewGroup, ViewNode } from './types.js';
export { ModelIndex } from './model-index.js';

/** Builds every diagram of the model. Pure and deterministic. */
export function buildViews(model: ArchitectureModel, index: ModelIndex = new ModelIndex(model)): Diagram[] {
  return [...buildNetworkViews(index), ...buildComputeViews(index), ...buildWorkloadViews(index), ...buildIdentityViews(index)];
}
