/**
 * The graph's relations, deduplicated by (type, from, to), with lookups both ways. Most ids have a
 * handful of relations, so each id keeps a plain list (no map or set per pod); an id whose outgoing
 * list grows past HUB_SIZE (a Service selecting thousands of pods) switches to a map by `to`. The
 * incoming side lists the relation objects themselves, so a lookup by `to` is one map read (a Node
 * that 30 pods run on does not visit those 30 pods' lists).
 */
import { cmp } from '../core/order.js';
import type { Relation } from './entity.js';

const CONFIDENCE_RANK = { high: 2, medium: 1, low: 0 } as const;

/** Relations from one id before it is indexed by `to`. */
const HUB_SIZE = 16;

/** Between two relations of the same (type, from, to): the higher confidence, then the smaller rule. */
function replaces(next: Relation, prev: Relation): boolean {
  return CONFIDENCE_RANK[next.confidence] > CONFIDENCE_RANK[prev.confidence] ||
    (next.confidence === prev.confidence && cmp(next.rule, prev.rule) < 0);
}

/** The relations leaving one id: a list while short, a map by `to` once the id is a hub. */
class Outgoing {
  private short: Relation[];
  private byTo: Map<string, Relation[]> | undefined;
  /** `all()` of a hub, kept until the hub changes (a Service's thousands of `selects`, asked per rule). */
  private flat: Relation[] | undefined;

  /** Starts with the first relation (an exact-size list: most ids have one or two). */
  constructor(first: Relation) {
    this.short = [first];
  }

  /**
   * Adds a relation, or lets it replace the stored one of the same (type, to) when it ranks higher.
   * Returns what changed: `relation` itself when it was added, the relation it replaced, or
   * undefined when the stored one stays.
   */
  add(relation: Relation): Relation | undefined {
    this.flat = undefined;
    if (this.byTo) {
      const list = this.byTo.get(relation.to);
      if (!list) {
        this.byTo.set(relation.to, [relation]);
        return relation;
      }
      return upsert(list, relation);
    }
    for (let i = 0; i < this.short.length; i++) {
      const prev = this.short[i];
      if (!prev || prev.to !== relation.to || prev.type !== relation.type) continue;
      if (!replaces(relation, prev)) return undefined;
      this.short[i] = relation;
      return prev;
    }
    this.short.push(relation);
    if (this.short.length > HUB_SIZE) {
      this.byTo = new Map();
      for (const r of this.short) upsertList(this.byTo, r);
      this.short = [];
    }
    return relation;
  }

  /** Removes and returns the relations towards `to`. */
  take(to: string): Relation[] {
    this.flat = undefined;
    if (this.byTo) {
      const list = this.byTo.get(to) ?? [];
      this.byTo.delete(to);
      return list;
    }
    const taken = this.short.filter((r) => r.to === to);
    if (taken.length > 0) this.short = this.short.filter((r) => r.to !== to);
    return taken;
  }

  /** Every relation, in no particular order. */
  all(): readonly Relation[] {
    if (!this.byTo) return this.short;
    if (this.flat) return this.flat;
    const out: Relation[] = [];
    for (const list of this.byTo.values()) for (const r of list) out.push(r);
    return (this.flat = out);
  }
}

/** `Outgoing.add` on the relations towards one id. */
function upsert(list: Relation[], relation: Relation): Relation | undefined {
  const i = list.findIndex((r) => r.type === relation.type);
  const prev = list[i];
  if (!prev) {
    list.push(relation);
    return relation;
  }
  if (!replaces(relation, prev)) return undefined;
  list[i] = relation;
  return prev;
}

function upsertList(byTo: Map<string, Relation[]>, relation: Relation): void {
  const list = byTo.get(relation.to);
  if (list) upsert(list, relation);
  else byTo.set(relation.to, [relation]);
}

export class RelationStore {
  private readonly outgoing = new Map<string, Outgoing>();
  /** For each id, the relations towards it (the same objects as in `outgoing`). */
  private readonly incoming = new Map<string, Relation[]>();

  /** Adds a relation; the same (type, from, to) keeps the highest confidence, then the smallest rule. */
  add(relation: Relation): void {
    const out = this.outgoing.get(relation.from);
    let changed: Relation | undefined = relation;
    if (!out) this.outgoing.set(relation.from, new Outgoing(relation));
    else changed = out.add(relation);
    if (changed === undefined) return;
    const list = this.incoming.get(relation.to);
    if (changed !== relation) {
      // An upgrade: the incoming list holds the replaced object.
      if (list) list[list.indexOf(changed)] = relation;
    } else if (list) list.push(relation);
    else this.incoming.set(relation.to, [relation]);
  }

  /** Relations leaving `id`, in no particular order. */
  from(id: string): readonly Relation[] {
    return this.outgoing.get(id)?.all() ?? [];
  }

  /** Relations arriving at `id`, in no particular order. */
  to(id: string): readonly Relation[] {
    return this.incoming.get(id) ?? NONE;
  }

  /** How many ids `sources()` lists. */
  get sourceCount(): number {
    return this.outgoing.size;
  }

  /** The ids that have outgoing relations. */
  sources(): IterableIterator<string> {
    return this.outgoing.keys();
  }

  /** Removes and returns every relation with `id` at either end. */
  detach(id: string): Relation[] {
    const moved: Relation[] = [];
    const own = this.outgoing.get(id);
    if (own) {
      this.outgoing.delete(id);
      for (const r of own.all()) {
        moved.push(r);
        const list = this.incoming.get(r.to);
        if (list && r.to !== id) this.incoming.set(r.to, list.filter((x) => x.from !== id));
      }
    }
    const froms = new Set<string>();
    for (const r of this.incoming.get(id) ?? NONE) if (r.from !== id) froms.add(r.from);
    for (const from of froms) for (const r of this.outgoing.get(from)?.take(id) ?? NONE) moved.push(r);
    this.incoming.delete(id);
    return moved;
  }
}

const NONE: readonly Relation[] = [];
