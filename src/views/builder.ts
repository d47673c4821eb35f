/**
 * Assembles one diagram: first node for a key wins, edges are deduplicated (highest confidence kept),
 * omitted items are folded into "+N more" nodes through aliases, and edges whose ends are not shown
 * are dropped. Output order is insertion order, which callers make deterministic.
 */
import type { Relation } from '../model/entity.js';
import type { Confidence } from '../model/kinds.js';
import type { Diagram, DiagramSection, NodeClass, ViewEdge, ViewGroup, ViewNode } from './types.js';

/** Edges per diagram kept by views; the Mermaid renderer's hard limit (500) is above it. */
export const MAX_VIEW_EDGES = 400;

const RANK: Readonly<Record<Confidence, number>> = { high: 2, medium: 1, low: 0 };

export class DiagramBuilder {
  private readonly nodes = new Map<string, ViewNode>();
  private readonly groups = new Map<string, ViewGroup>();
  private readonly edges = new Map<string, ViewEdge>();
  private readonly aliases = new Map<string, string>();
  private readonly notes: string[] = [];
  /**
   * The last `edge` call. Repeating it changes nothing (edges only ever gain confidence), and views
   * repeat it a lot: every pod a Service selects is folded into the same workload box.
   */
  private lastEdge: { readonly from: string; readonly to: string; readonly confidence: Confidence; readonly label: string | undefined } | undefined;

  node(node: ViewNode): void {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
  }

  group(key: string, title: string, parent?: string, classes: readonly NodeClass[] = []): void {
    if (this.groups.has(key)) return;
    this.groups.set(key, parent === undefined ? { key, title, classes } : { key, title, parent, classes });
  }

  has(key: string): boolean {
    return this.nodes.has(this.resolve(key));
  }

  /** Edges to or from `key` are drawn to `target` instead (an omitted item folded into a "+N more" node). */
  alias(key: string, target: string): void {
    this.aliases.set(key, target);
    this.lastEdge = undefined;
  }

  resolve(key: string): string {
    return this.aliases.get(key) ?? key;
  }

  edge(from: string, to: string, confidence: Confidence, label?: string): void {
    const last = this.lastEdge;
    if (last && last.from === from && last.to === to && last.confidence === confidence && last.label === label) return;
    this.lastEdge = { from, to, confidence, label };
    const a = this.resolve(from);
    const b = this.resolve(to);
    if (a === b) return;
    const key = `${a}\u0000${b}`;
    const prev = this.edges.get(key);
    if (prev && RANK[prev.confidence] >= RANK[confidence]) return;
    this.edges.set(key, label === undefined ? { from: a, to: b, confidence } : { from: a, to: b, confidence, label });
  }

  /** An edge for a model relation: its confidence, and its rule as the label unless it is high. */
  relationEdge(from: string, to: string, relation: Relation, label?: string): void {
    const ruleLabel = relation.confidence === 'high' ? undefined : `${relation.rule} · ${relation.confidence}`;
    const text = label === undefined ? ruleLabel : ruleLabel === undefined ? label : `${label} · ${ruleLabel}`;
    this.edge(from, to, relation.confidence, text === '' ? undefined : text);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  build(section: DiagramSection, slug: string, title: string, direction: 'LR' | 'TB'): Diagram {
    // A node whose group was never declared (e.g. its subnet was folded away) is drawn at top level.
    const nodes = [...this.nodes.values()].map((n) => (n.group === undefined || this.groups.has(n.group) ? n : { ...n, group: undefined }));
    const shown = new Set(nodes.map((n) => n.key));
    let edges = [...this.edges.values()].filter((e) => shown.has(e.from) && shown.has(e.to));
    if (edges.length > MAX_VIEW_EDGES) {
      // Keep the most certain edges; the rest would not be readable anyway.
      const ranked = edges.map((e, i) => ({ e, i })).sort((x, y) => RANK[y.e.confidence] - RANK[x.e.confidence] || x.i - y.i);
      const keep = new Set(ranked.slice(0, MAX_VIEW_EDGES).map((x) => x.i));
      this.notes.push(`${edges.length - MAX_VIEW_EDGES} edges are not drawn (over ${MAX_VIEW_EDGES} in one diagram).`);
      edges = edges.filter((_, i) => keep.has(i));
    }
    const usedGroups = usedGroupKeys(nodes, this.groups);
    const groups = [...this.groups.values()].filter((g) => usedGroups.has(g.key));
    return { section, slug, title, direction, groups, nodes, edges, notes: [...this.notes] };
  }
}

/** Groups that contain at least one node, directly or through nested groups. */
function usedGroupKeys(nodes: readonly ViewNode[], groups: ReadonlyMap<string, ViewGroup>): Set<string> {
  const used = new Set<string>();
  for (const n of nodes) {
    for (let g = n.group; g !== undefined && !used.has(g); g = groups.get(g)?.parent) used.add(g);
  }
  return used;
}

/** Splits items into the `limit` highest-scoring (ties by key) and the rest; kept items stay in input order. */
export function topN<T>(items: readonly T[], limit: number, score: (item: T) => number): { kept: T[]; omitted: T[] } {
  if (items.length <= limit) return { kept: [...items], omitted: [] };
  const ranked = items.map((item, i) => ({ item, i, s: score(item) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const keep = new Set(ranked.slice(0, limit).map((x) => x.i));
  return { kept: items.filter((_, i) => keep.has(i)), omitted: items.filter((_, i) => !keep.has(i)) };
}

/** Adds a "+N more <what>" node standing for `omittedKeys`, and aliases them to it. */
export function addMoreNode(
  builder: DiagramBuilder,
  key: string,
  omittedKeys: readonly string[],
  what: string,
  lines: readonly string[] = [],
  group?: string,
): void {
  if (omittedKeys.length === 0) return;
  const node: ViewNode = { key, title: `+${omittedKeys.length} more ${what}`, lines, shape: 'subroutine', classes: ['more'] };
  builder.node(group === undefined ? node : { ...node, group });
  for (const k of omittedKeys) builder.alias(k, key);
}
