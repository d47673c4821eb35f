/**
 * Shared lookups for the Kubernetes joins: label selectors (matchLabels AND matchExpressions) and an
 * index of entities by namespace + label, so a selector is matched against the few entities that
 * carry its rarest label instead of every pod (no pods × services loops).
 */
import type { DiagnosticSink } from '../../../core/diagnostics.js';
import type { Entity, PropValue } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import type { EntityKind } from '../../../model/kinds.js';
import { propMap } from '../../../model/read.js';

export const WORKLOAD_KINDS: readonly EntityKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];

export interface SelectorExpression {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

export interface Selector {
  readonly labels: Readonly<Record<string, string>>;
  readonly expressions: readonly SelectorExpression[];
}

/** Reads a selector from `labelsKey` (matchLabels) and `exprKey` (matchExpressions) props. */
export function selectorOf(e: Entity, labelsKey: string, exprKey: string): Selector | undefined {
  if (e.props[labelsKey] === undefined && e.props[exprKey] === undefined) return undefined;
  return { labels: propMap(e, labelsKey), expressions: readExpressions(e.props[exprKey]) };
}

function readExpressions(v: PropValue | undefined): SelectorExpression[] {
  if (!Array.isArray(v)) return [];
  const out: SelectorExpression[] = [];
  for (const x of v as readonly PropValue[]) {
    if (!x || typeof x !== 'object' || Array.isArray(x)) continue;
    const o = x as { readonly [k: string]: PropValue };
    const key = o['key'];
    const operator = o['operator'];
    const values = Array.isArray(o['values']) ? (o['values'] as readonly PropValue[]).filter((s): s is string => typeof s === 'string') : [];
    if (typeof key === 'string' && typeof operator === 'string') out.push({ key, operator, values });
  }
  return out;
}

export function matches(labels: Readonly<Record<string, string>>, sel: Selector): boolean {
  for (const k in sel.labels) if (labels[k] !== sel.labels[k]) return false;
  for (const e of sel.expressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || value === undefined || !e.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && e.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** An entity with the labels a LabelIndex matches it by. */
interface Labelled {
  readonly entity: Entity;
  readonly labels: Readonly<Record<string, string>>;
}

/** Entities of some kinds indexed by namespace and by `key=value` of the labels read by `labelsOf`. */
export class LabelIndex {
  private readonly byNs = new Map<string, Labelled[]>();
  private readonly byLabel = new Map<string, Labelled[]>();

  /**
   * `keys`: the label keys selectors will ask for (only those are indexed: building the index is
   * the expensive part with tens of thousands of pods).
   */
  constructor(graph: ModelGraph, kinds: readonly EntityKind[], labelsOf: (e: Entity) => Readonly<Record<string, string>>, keys?: ReadonlySet<string>) {
    for (const kind of kinds) {
      for (const entity of graph.ofKind(kind)) {
        const item: Labelled = { entity, labels: labelsOf(entity) };
        const ns = entity.namespace ?? '';
        push(this.byNs, ns, item);
        for (const k in item.labels) {
          if (keys && !keys.has(k)) continue;
          push(this.byLabel, `${ns}\u0000${k}\u0000${item.labels[k] ?? ''}`, item);
        }
      }
    }
  }

  /** Entities in `namespace` matched by `sel` (an empty selector matches all of them). */
  select(namespace: string, sel: Selector): Entity[] {
    let candidates: Labelled[] | undefined;
    for (const k in sel.labels) {
      const list = this.byLabel.get(`${namespace}\u0000${k}\u0000${sel.labels[k] ?? ''}`) ?? [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    candidates ??= this.byNs.get(namespace) ?? [];
    const out: Entity[] = [];
    for (const c of candidates) if (matches(c.labels, sel)) out.push(c.entity);
    return out;
  }
}

/**
 * Selector matches a join may relate in one run. Every matching pair is one relation, so N Services
 * sharing one selector over N pods make N² of them: 5,000 × 5,000 from a 1.4 MB file would need
 * tens of GB. Real clusters stay far below (the 20,000-pod fixture has ~21,000 Service matches).
 */
export const MAX_SELECTOR_MATCHES = 500_000;

/**
 * Bounds the relations of a selector join. Whole selectors are taken or skipped (in the join's
 * sorted order, so the result is deterministic); once the budget is spent, the rest are counted and
 * reported in one warning at the first skipped one.
 */
export class MatchBudget {
  private left: number;
  private skipped = 0;
  private first: Entity | undefined;

  constructor(private readonly limit = MAX_SELECTOR_MATCHES) {
    this.left = limit;
  }

  /** Whether any matches may still be taken (else `select` need not even run). */
  get open(): boolean {
    return this.left > 0;
  }

  /** Takes `matches` relations for `selector`, or records it as skipped when they do not fit. */
  take(selector: Entity, matches: number): boolean {
    if (matches <= this.left) {
      this.left -= matches;
      return true;
    }
    this.skip(selector);
    return false;
  }

  /** Records a selector that is not linked. */
  skip(selector: Entity): void {
    this.left = 0;
    this.skipped++;
    this.first ??= selector;
  }

  /** One warning for every skipped selector, at the first. */
  report(sink: DiagnosticSink, rule: string): void {
    const source = this.first?.sources[0];
    if (!this.first || !source) return;
    sink.warning(
      'link/too-many-matches',
      source.file,
      source.line,
      `selectors matched more than ${this.limit} objects (${rule}): ${this.skipped} selector(s) are not linked to what they select, the first being ${this.first.id}`,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Top-level workloads: not owned by another workload (a Deployment's ReplicaSets, a CronJob's Jobs). */
export function isTopLevel(e: Entity): boolean {
  const owner = e.props['ownerKind'];
  return typeof owner !== 'string' || !(WORKLOAD_KINDS as readonly string[]).includes(owner);
}

/** Records a reference to an object that no input defines (for the audit), once per entity. */
export function addDangling(e: Entity, ref: string): void {
  const prev = e.props['danglingRefs'];
  const list = Array.isArray(prev) ? (prev as readonly PropValue[]).filter((x): x is string => typeof x === 'string') : [];
  if (!list.includes(ref)) e.props['danglingRefs'] = [...list, ref].sort();
}
