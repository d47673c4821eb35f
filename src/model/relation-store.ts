/**
 * The graph's relations, deduplicated by (type, from, to), with lookups both ways. Most ids have a
 * handful of relations, so each id keeps a plain list (no map or set per pod); an id whose list
 * grows past HUB_SIZE (a Service selecting thousands of pods) switches to a map by `to`.
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

  /** Starts with the first relation (an exact-size list: most ids have one or two). */
  constructor(first: Relation) {
    this.short = [first];
  }

  /** Adds or upgrades a relation; true when it is the first one towards `relation.to`. */
  add(relation: Relation): boolean {
    if (this.byTo) {
      const list = this.byTo.get(relation.to);
      if (!list) {
        this.byTo.set(relation.to, [relation]);
        return true;
      }
      upsert(list, relation);
      return false;
    }
    let known = false;
    for (let i = 0; i < this.short.length; i++) {
      const prev = this.short[i];
      if (!prev || prev.to !== relation.to) continue;
      known = true;
      if (prev.type !== relation.type) continue;
      if (replaces(relation, prev)) this.short[i] = relation;
      return false;
    }
    this.short.push(relation);
    if (this.short.length > HUB_SIZE) {
      this.byTo = new Map();
      for (const r of this.short) upsertList(this.byTo, r);
      this.short = [];
    }
    return !known;
  }

  /** The relations towards `to`. */
  towards(to: string): readonly Relation[] {
    return this.byTo ? (this.byTo.get(to) ?? []) : this.short.filter((r) => r.to === to);
  }

  /** Removes and returns the relations towards `to`. */
  take(to: string): Relation[] {
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
    const out: Relation[] = [];
    for (const list of this.byTo.values()) for (const r of list) out.push(r);
    return out;
  }
}

function upsert(list: Relation[], relation: Relation): void {
  const i = list.findIndex((r) => r.type === relation.type);
  const prev = list[i];
  if (!prev) list.push(relation);
  else if (replaces(relation, prev)) list[i] = relation;
}

function upsertList(byTo: Map<string, Relation[]>, relation: Relation): void {
  const list = byTo.get(relation.to);
  if (list) upsert(list, relation);
  else byTo.set(relation.to, [relation]);
}

export class RelationStore {
  private readonly outgoing = new Map<string, Outgoing>();
  /** For each id, the ids that have a relation towards it, once each (for incoming lookups and merges). */
  private readonly incoming = new Map<string, string[]>();

  /** Adds a relation; the same (type, from, to) keeps the highest confidence, then the smallest rule. */
  add(relation: Relation): void {
    const out = this.outgoing.get(relation.from);
    if (!out) this.outgoing.set(relation.from, new Outgoing(relation));
    else if (!out.add(relation)) return;
    const froms = this.incoming.get(relation.to);
    if (froms) froms.push(relation.from);
    else this.incoming.set(relation.to, [relation.from]);
  }

  /** Relations leaving `id`, in no particular order. */
  from(id: string): readonly Relation[] {
    return this.outgoing.get(id)?.all() ?? [];
  }

  /** Relations arriving at `id`, in no particular order. */
  to(id: string): Relation[] {
    const out: Relation[] = [];
    for (const from of this.incoming.get(id) ?? []) for (const r of this.outgoing.get(from)?.towards(id) ?? []) out.push(r);
    return out;
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
        removeFrom(this.incoming.get(r.to), id);
      }
    }
    for (const from of this.incoming.get(id) ?? []) {
      for (const r of this.outgoing.get(from)?.take(id) ?? []) moved.push(r);
    }
    this.incoming.delete(id);
    return moved;
  }
}

/** Removes `id` from `ids` (each id is listed once). */
function removeFrom(ids: string[] | undefined, id: string): void {
  const i = ids?.indexOf(id) ?? -1;
  if (ids && i >= 0) ids.splice(i, 1);
}
