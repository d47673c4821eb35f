import type { DiagnosticSink } from '../core/diagnostics.js';
import type { ModelGraph } from '../model/graph.js';

export interface PassContext {
  readonly sink: DiagnosticSink;
}

/**
 * One link pass per join rule (DOMAIN.md section B). A pass reads the graph, adds relations (each with
 * its confidence and `rule`), and may merge entities that turn out to be the same real thing.
 * Passes index what they need (by label, name, CIDR): no pairwise loops over large kinds.
 */
export interface LinkPass {
  /** The join rule(s) implemented, e.g. `J10`, `J22`. */
  readonly rule: string;
  readonly description: string;
  run(graph: ModelGraph, ctx: PassContext): void;
}
