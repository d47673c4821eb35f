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
import { groupChunks, joinChunks } from '../chunks.js';

/** The marker that starts each diagram in the `-f mermaid` output. */
export const DIAGRAM_MARKER = '%% diagram: ';

export interface RenderedDiagram extends RenderedFlowchart {
  readonly diagram: Diagram;
}

/** Every view diagram of the model, rendered (an empty list for a model with nothing to draw). */
export function renderDiagrams(model: ArchitectureModel): RenderedDiagram[] {
  return buildViews(model).map((diagram) => ({ diagram, ...renderFlowchart(diagram) }));
}

/** The `-f mermaid` text in chunks of about 64 KiB, one piece per diagram. */
export function* renderMermaidChunks(model: ArchitectureModel): Generator<string, void, undefined> {
  yield* groupChunks(pieces(buildViews(model)));
}

export function renderMermaid(model: ArchitectureModel): string {
  return joinChunks(renderMermaidChunks(model));
}

function* pieces(diagrams: readonly Diagram[]): Generator<string, void, undefined> {
  const count = Math.max(diagrams.length, 1);
  yield `%% archmap: ${count} Mermaid flowchart(s); each starts at a "${DIAGRAM_MARKER.trim()} <slug>" line.`;
  if (diagrams.length === 0) yield `\n${DIAGRAM_MARKER}empty\nflowchart LR\n  empty["No network, compute, workload or identity entities found"]\n`;
  for (const d of diagrams) yield `\n${DIAGRAM_MARKER}${d.slug}\n${renderFlowchart(d).text}`;
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
