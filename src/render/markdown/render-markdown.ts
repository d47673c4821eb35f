/**
 * The Markdown back end: a self-contained architecture document. Sections, in order: title and
 * summary (counts, inputs, cluster facts), the diagrams (network, compute, workloads and traffic,
 * identity; each a ```mermaid block), drift, findings, diagnostics and the inventory. Everything
 * taken from input is escaped; the output depends on the model only.
 */
import type { ArchitectureModel } from '../../model/architecture.js';
import { ModelIndex } from '../../views/model-index.js';
import { buildViews } from '../../views/index.js';
import type { Diagram, DiagramSection } from '../../views/types.js';
import { followedBy, groupChunks, joinChunks, joinLines, trimEndChunks } from '../chunks.js';
import { renderFlowchart } from '../mermaid/flowchart.js';
import { escapeMarkdown } from './escape.js';
import { renderInventory } from './inventory.js';
import { renderDiagnostics, renderDrift, renderFindings } from './report.js';
import { LEGEND, renderSummary, renderTitle } from './summary.js';

const SECTIONS: readonly { section: DiagramSection; heading: string; empty: string }[] = [
  { section: 'network', heading: 'Network', empty: 'No VPC or subnet was found in the inputs.' },
  { section: 'compute', heading: 'Compute', empty: 'No cluster, node group or node was found in the inputs.' },
  { section: 'workloads', heading: 'Workloads and traffic', empty: 'No Kubernetes workload, Service or Ingress was found in the inputs.' },
  { section: 'identity', heading: 'Identity', empty: 'No IAM role or service account with a role was found in the inputs.' },
];

/** The document in chunks of about 64 KiB: one block of lines per section, diagram and inventory kind. */
export function* renderMarkdownChunks(model: ArchitectureModel): Generator<string, void, undefined> {
  // `lines.join('\n').trimEnd() + '\n'` of all the blocks, without building the whole string.
  yield* groupChunks(followedBy(trimEndChunks(joinLines(blocks(model))), '\n'));
}

export function renderMarkdown(model: ArchitectureModel): string {
  return joinChunks(renderMarkdownChunks(model));
}

function* blocks(model: ArchitectureModel): Generator<readonly string[], void, undefined> {
  const ix = new ModelIndex(model);
  const diagrams = buildViews(model, ix);
  yield [...renderTitle(model, ix), ...renderSummary(model, ix), ...(diagrams.length > 0 ? LEGEND : [])];
  for (const { section, heading, empty } of SECTIONS) {
    yield [`## ${heading}`, ''];
    const own = diagrams.filter((d) => d.section === section);
    if (own.length === 0) yield [empty, ''];
    for (const d of own) yield diagramBlock(d, own.length > 1);
  }
  yield renderDrift(model, ix);
  yield renderFindings(model, ix);
  yield renderDiagnostics(model);
  yield* renderInventory(ix);
}

function diagramBlock(d: Diagram, titled: boolean): string[] {
  const rendered = renderFlowchart(d);
  const lines = titled ? [`### ${escapeMarkdown(d.title)}`, ''] : [];
  lines.push('```mermaid', rendered.text.trimEnd(), '```', '');
  const notes = [...d.notes, ...(rendered.reduced ? ['This diagram was simplified to fit Mermaid\'s size limits.'] : [])];
  for (const n of notes) lines.push(`_${escapeMarkdown(n)}_`, '');
  return lines;
}
