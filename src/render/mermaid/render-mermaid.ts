/**
 * The Mermaid back end (`-f mermaid`): every diagram of the report in one text file.
 *
 * Format: a header comment, then each diagram preceded by one `%% diagram: <slug>` line (slugs such as
 * `network/vpc-0abc`, `compute/shop-prod`, `workloads/shop`, `identity`). A diagram runs from its
 * `%% diagram:` line to the next one; each such chunk is a complete flowchart that Mermaid (and GitHub)
 * renders on its own. `%%` lines are Mermaid comments, so a chunk can be pasted as is.
 */
import type { ArchitectureModel } from '../../model/architecture.js';
import { buildViews } from '../../views/index.js';
import type { Diagram } from '../../views/types.js';
import { renderFlowchart, type RenderedFlowchart } from './flowchart.js';

/** The marker that starts each diagram in the `-f mermaid` output. */
export const DIAGRAM_MARKER = '%% diagram: ';

export interface RenderedDiagram extends RenderedFlowchart {
  readonly diagram: Diagram;
}

/** Every view diagram of the model, rendered (an empty list for a model with nothing to draw). */
export function renderDiagrams(model: ArchitectureModel): RenderedDiagram[] {
  return buildViews(model).map((diagram) => ({ diagram, ...renderFlowchart(diagram) }));
}

export function renderMermaid(model: ArchitectureModel): string {
  const chunks = renderDiagrams(model).map((d) => `${DIAGRAM_MARKER}${d.diagram.slug}\n${d.text}`);
  if (chunks.length === 0) chunks.push(`${DIAGRAM_MARKER}empty\nflowchart LR\n  empty["No network, compute, workload or identity entities found"]\n`);
  const header = `%% archmap: ${chunks.length} Mermaid flowchart(s); each starts at a "${DIAGRAM_MARKER.trim()} <slug>" line.`;
  return [header, ...chunks].join('\n');
}

/** Splits `-f mermaid` output back into `{slug, text}` chunks (the inverse of the format above). */
export function splitMermaid(output: string): { slug: string; text: string }[] {
  const out: { slug: string; text: string }[] = [];
  for (const chunk of output.split(new RegExp(`^(?=${DIAGRAM_MARKER})`, 'm')).slice(1)) {
    const newline = chunk.indexOf('\n');
    out.push({ slug: chunk.slice(DIAGRAM_MARKER.length, newline), text: chunk });
  }
  return out;
}
