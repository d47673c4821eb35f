/** The Mermaid back end: all diagrams of the report, as plain Mermaid text separated by blank lines. */
import type { ArchitectureModel } from '../../model/architecture.js';

export function renderMermaid(_model: ArchitectureModel): string {
  return 'flowchart LR\n';
}
