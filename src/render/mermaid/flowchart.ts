/**
 * One view diagram → Mermaid flowchart text. Labels are quoted and escaped by `escapeLabel`, ids come
 * from `mermaidId`. `renderFlowchart` always returns text within Mermaid's default limits (see
 * limits.ts): if a diagram is too large it is drawn with shorter labels, compact ids and, as a last
 * resort, fewer nodes.
 */
import type { Diagram, NodeClass, NodeShape, ViewGroup, ViewNode } from '../../views/types.js';
import { escapeLabel } from './escape-label.js';
import { MERMAID_MAX_EDGES, DIAGRAM_TEXT_BUDGET } from './limits.js';
import { IdTable } from './mermaid-id.js';
import { pushTo } from '../../views/util.js';

/** How much detail one rendering attempt keeps. */
interface Detail {
  readonly labelChars: number;
  readonly maxLines: number;
  readonly edgeLabels: boolean;
  readonly compactIds: boolean;
}

const DETAIL_LEVELS: readonly Detail[] = [
  { labelChars: 60, maxLines: 6, edgeLabels: true, compactIds: false },
  { labelChars: 40, maxLines: 3, edgeLabels: true, compactIds: false },
  { labelChars: 24, maxLines: 2, edgeLabels: true, compactIds: true },
  { labelChars: 16, maxLines: 0, edgeLabels: false, compactIds: true },
];

/** Styles of the node classes, in the order `class` statements are written. */
export const CLASS_DEFS: Readonly<Record<NodeClass, string>> = {
  public: 'fill:#e8f5e9,stroke:#2e7d32',
  private: 'fill:#e3f2fd,stroke:#1565c0',
  isolated: 'fill:#f5f5f5,stroke:#616161',
  external: 'fill:#f3e8ff,stroke:#7c3aed',
  conditional: 'stroke-dasharray:8 4',
  defaulted: 'fill:#fafafa,stroke:#888,stroke-dasharray:5 5,color:#444',
  unresolved: 'fill:#fff8e1,stroke:#d97706,stroke-dasharray:2 2',
  more: 'fill:#eeeeee,stroke:#999,color:#555',
};

const CLASS_ORDER: readonly NodeClass[] = ['public', 'private', 'isolated', 'external', 'conditional', 'defaulted', 'unresolved', 'more'];

const SHAPES: Readonly<Record<NodeShape, readonly [string, string]>> = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  circle: ['((', '))'],
  hexagon: ['{{', '}}'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
};

export interface RenderedFlowchart {
  readonly text: string;
  readonly edges: number;
  /** True when the diagram had to lose detail to fit Mermaid's limits. */
  readonly reduced: boolean;
}

/** Renders a diagram within Mermaid's limits, reducing detail only as much as needed. */
export function renderFlowchart(diagram: Diagram): RenderedFlowchart {
  for (const [i, detail] of DETAIL_LEVELS.entries()) {
    const out = draw(diagram, detail);
    if (fits(out)) return { ...out, reduced: i > 0 };
  }
  // Last resort: keep a prefix of the nodes (views put the important ones first).
  const last = DETAIL_LEVELS[DETAIL_LEVELS.length - 1] ?? { labelChars: 16, maxLines: 0, edgeLabels: false, compactIds: true };
  let keep = diagram.nodes.length;
  for (;;) {
    keep = Math.floor(keep / 2);
    const out = draw(truncate(diagram, keep), last);
    if (fits(out) || keep === 0) return { ...out, reduced: true };
  }
}

function fits(out: { text: string; edges: number }): boolean {
  return out.text.length <= DIAGRAM_TEXT_BUDGET && out.edges <= MERMAID_MAX_EDGES;
}

function truncate(diagram: Diagram, keep: number): Diagram {
  const nodes: ViewNode[] = diagram.nodes.slice(0, keep);
  const dropped = diagram.nodes.length - keep;
  nodes.push({ key: 'more:truncated', title: `+${dropped} more (diagram too large)`, lines: [], shape: 'subroutine', classes: ['more'] });
  const shown = new Set(nodes.map((n) => n.key));
  const edges = diagram.edges.filter((e) => shown.has(e.from) && shown.has(e.to)).slice(0, MERMAID_MAX_EDGES);
  return { ...diagram, nodes, edges };
}

function draw(diagram: Diagram, detail: Detail): { text: string; edges: number } {
  const ids = new IdTable(detail.compactIds);
  const lines: string[] = [`flowchart ${diagram.direction}`];
  const childGroups = new Map<string | undefined, ViewGroup[]>();
  for (const g of diagram.groups) pushTo(childGroups, g.parent, g);
  const nodesIn = new Map<string | undefined, ViewNode[]>();
  for (const n of diagram.nodes) pushTo(nodesIn, n.group, n);

  const emit = (group: string | undefined, depth: number): void => {
    const pad = '  '.repeat(depth + 1);
    for (const g of childGroups.get(group) ?? []) {
      lines.push(`${pad}subgraph ${ids.id(`group:${g.key}`)}["${escapeLabel(g.title, detail.labelChars + 20)}"]`);
      emit(g.key, depth + 1);
      lines.push(`${pad}end`);
    }
    for (const n of nodesIn.get(group) ?? []) lines.push(`${pad}${nodeText(ids.id(n.key), n, detail)}`);
  };
  emit(undefined, 0);

  for (const e of diagram.edges) {
    const arrow = e.confidence === 'high' ? '-->' : '-.->';
    const label = detail.edgeLabels && e.label ? `|"${escapeLabel(e.label, 40)}"|` : '';
    lines.push(`  ${ids.id(e.from)} ${arrow}${label} ${ids.id(e.to)}`);
  }
  lines.push(...classLines(diagram, ids));
  return { text: `${lines.join('\n')}\n`, edges: diagram.edges.length };
}

function nodeText(id: string, n: ViewNode, detail: Detail): string {
  const [open, close] = SHAPES[n.shape];
  const parts = [n.title, ...n.lines.slice(0, detail.maxLines)].map((t) => escapeLabel(t, detail.labelChars));
  return `${id}${open}"${parts.join('<br/>')}"${close}`;
}

/** `classDef` for each class in use, then one `class a,b name` statement per class. */
function classLines(diagram: Diagram, ids: IdTable): string[] {
  const members = new Map<NodeClass, string[]>();
  for (const g of diagram.groups) for (const c of g.classes) pushTo(members, c, ids.id(`group:${g.key}`));
  for (const n of diagram.nodes) for (const c of n.classes) pushTo(members, c, ids.id(n.key));
  const out: string[] = [];
  for (const cls of CLASS_ORDER) {
    const list = members.get(cls);
    if (!list) continue;
    out.push(`  classDef ${cls} ${CLASS_DEFS[cls]}`, `  class ${list.join(',')} ${cls}`);
  }
  return out;
}
