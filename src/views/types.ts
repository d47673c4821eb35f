/**
 * Views: diagram-ready trees built from the model. A view knows which entities to show, how to group
 * and aggregate them and what each box says; it knows nothing about Mermaid syntax or escaping (the
 * renderers do that). Every string here is plain text, possibly hostile (it comes from input files).
 */
import type { Confidence } from '../model/kinds.js';

/** The report section a diagram belongs to. */
export type DiagramSection = 'network' | 'compute' | 'workloads' | 'identity';

/** Box shapes the renderers know. */
export type NodeShape = 'box' | 'round' | 'stadium' | 'circle' | 'hexagon' | 'subroutine' | 'cylinder';

/**
 * Visual classes of a node. `defaulted`: exists only because of a documented default (`'@entity'`);
 * `unresolved`: shows a value static analysis could not determine; `external`: known only by reference;
 * `conditional`: CloudFormation resource behind an unknown Condition; `more`: stands for omitted items;
 * `public`/`private`/`isolated`: subnet topology.
 */
export type NodeClass = 'defaulted' | 'unresolved' | 'external' | 'conditional' | 'more' | 'public' | 'private' | 'isolated';

export interface ViewNode {
  /** Unique key within the diagram: an entity id or a synthetic key (`more:…`, `az:…`). */
  readonly key: string;
  /** Entity the node stands for, if exactly one. */
  readonly entity?: string;
  /** First label line (usually the name). */
  readonly title: string;
  /** Further label lines (kind, facts); `(default)` and `⟨…⟩` markers are already applied. */
  readonly lines: readonly string[];
  readonly shape: NodeShape;
  readonly classes: readonly NodeClass[];
  /** Key of the enclosing group, if any. */
  readonly group?: string;
}

export interface ViewGroup {
  readonly key: string;
  readonly title: string;
  readonly parent?: string;
  readonly classes: readonly NodeClass[];
}

export interface ViewEdge {
  readonly from: string;
  readonly to: string;
  /** Short text on the edge (a port, a rule); absent for obvious edges. */
  readonly label?: string;
  /** High is drawn solid; medium and low dashed. */
  readonly confidence: Confidence;
}

/** One diagram: groups (nested through `parent`), nodes and edges, in output order. */
export interface Diagram {
  readonly section: DiagramSection;
  /** Stable, unique, filesystem-safe identifier (`network/vpc-0abc`, `workloads/shop`). */
  readonly slug: string;
  readonly title: string;
  readonly direction: 'LR' | 'TB';
  readonly groups: readonly ViewGroup[];
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  /** Sentences about what was aggregated or omitted (shown under the diagram in Markdown). */
  readonly notes: readonly string[];
}
