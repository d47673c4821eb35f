/**
 * The model graph: entities merged by id, relations deduplicated. One instance per import run.
 */
import { cmp, isSorted } from '../core/order.js';
import type { Entity, Fragment, PropValue, Relation, SourceRef } from './entity.js';
import type { EntityKind, RelationType } from './kinds.js';
import { RelationStore } from './relation-store.js';

export class ModelGraph {
  private readonly entities = new Map<string, Entity>();
  private readonly byKind = new Map<EntityKind, Set<string>>();
  /** `ofKind` results, kept until an entity of that kind is added or merged away. */
  private readonly sortedKinds = new Map<EntityKind, Entity[]>();
  private readonly relations = new RelationStore();
  /** Ids merged away by `merge()`, pointing to the id that absorbed them. */
  private readonly aliases = new Map<string, string>();

  /**
   * Adds a front end's fragment. The graph takes ownership of the fragment's entities (front ends
   * hand over fresh objects and do not use them afterwards), so they are not copied.
   */
  addFragment(fragment: Fragment): void {
    for (const e of fragment.entities) this.add(e, this.resolve(e.id) === e.id);
    for (const r of fragment.relations) this.addRelation(r);
  }

  /** Adds a copy of an entity, or merges it into the entity that already has its id. */
  addEntity(entity: Entity): Entity {
    return this.add(entity, false);
  }

  private add(entity: Entity, adopt: boolean): Entity {
    const id = this.resolve(entity.id);
    const existing = this.entities.get(id);
    if (!existing) {
      const own: Entity = adopt ? entity : { ...entity, id, props: { ...entity.props }, defaulted: [...entity.defaulted], sources: [...entity.sources] };
      this.entities.set(id, own);
      let ids = this.byKind.get(entity.kind);
      if (!ids) this.byKind.set(entity.kind, (ids = new Set()));
      ids.add(id);
      this.sortedKinds.delete(entity.kind);
      return own;
    }
    if (existing !== entity) mergeInto(existing, entity);
    return existing;
  }

  /** Adds a relation; the same (type, from, to) keeps the highest confidence. */
  addRelation(input: Relation): void {
    const relation = this.aliases.size === 0 ? input : { ...input, from: this.resolve(input.from), to: this.resolve(input.to) };
    this.relations.add(relation);
  }

  /**
   * Merges entity `dropId` into `keepId` (the same real thing seen through different keys, e.g. a
   * subnet found by CIDR). Relations of the dropped id are redirected.
   */
  merge(keepId: string, dropId: string): void {
    const keep = this.entities.get(this.resolve(keepId));
    const drop = this.entities.get(this.resolve(dropId));
    if (!keep || !drop || keep === drop) return;
    mergeInto(keep, drop);
    this.entities.delete(drop.id);
    this.byKind.get(drop.kind)?.delete(drop.id);
    this.sortedKinds.delete(drop.kind);
    this.aliases.set(drop.id, keep.id);
    const moved = this.relations.detach(drop.id);
    for (const r of moved) {
      const from = r.from === drop.id ? keep.id : r.from;
      const to = r.to === drop.id ? keep.id : r.to;
      if (from !== to) this.addRelation({ ...r, from, to });
    }
  }

  /** The id an entity is known by now (after merges). */
  resolve(id: string): string {
    if (this.aliases.size === 0) return id;
    let current = id;
    for (let next = this.aliases.get(current); next !== undefined; next = this.aliases.get(current)) current = next;
    return current;
  }

  get(id: string): Entity | undefined {
    return this.entities.get(this.resolve(id));
  }

  has(id: string): boolean {
    return this.entities.has(this.resolve(id));
  }

  /** Entities of one kind, sorted by id (a fresh array; the sorted list is cached per kind). */
  ofKind(kind: EntityKind): Entity[] {
    return this.sortedOfKind(kind).slice();
  }

  private sortedOfKind(kind: EntityKind): readonly Entity[] {
    const cached = this.sortedKinds.get(kind);
    if (cached) return cached;
    const out: Entity[] = [];
    const ids = [...(this.byKind.get(kind) ?? [])];
    // Dumps often list a kind in id order already (kubectl sorts by namespace and name): check first.
    // The default sort orders strings by UTF-16 code units, as `cmp` does, without a JS call per comparison.
    if (!isSorted(ids, cmp)) ids.sort();
    for (const id of ids) {
      const e = this.entities.get(id);
      if (e) out.push(e);
    }
    this.sortedKinds.set(kind, out);
    return out;
  }

  /** Every entity, in no particular order (for passes that visit all of them once). */
  unorderedEntities(): IterableIterator<Entity> {
    return this.entities.values();
  }

  /** Outgoing relations of an entity, in no particular order (for yes/no questions and counts). */
  unorderedRelationsFrom(id: string): readonly Relation[] {
    return this.relations.from(this.resolve(id));
  }

  /** Incoming relations of an entity, in no particular order (for yes/no questions and counts). */
  unorderedRelationsTo(id: string): readonly Relation[] {
    return this.relations.to(this.resolve(id));
  }

  /** All entities, sorted by id. */
  allEntities(): Entity[] {
    // Ids start with their kind (`Pod:…`), so the per-kind lists in `kind:` order are nearly always
    // already sorted; a plain pass confirms it and the sort is only run when it is not.
    const kinds = [...this.byKind.keys()].sort((a, b) => cmp(`${a}:`, `${b}:`));
    const out: Entity[] = [];
    for (const kind of kinds) appendAll(out, this.sortedOfKind(kind));
    return isSorted(out, compareEntityIds) ? out : out.sort(compareEntityIds);
  }

  /** Every stored relation (dangling ones too), sorted. */
  allRelations(): Relation[] {
    const out: Relation[] = [];
    for (const from of this.relations.sources()) appendAll(out, this.relations.from(from));
    return out.sort(compareRelations);
  }

  /** Outgoing relations of an entity, sorted. */
  relationsFrom(id: string, type?: RelationType): Relation[] {
    return this.relations.from(this.resolve(id)).filter((r) => type === undefined || r.type === type).sort(compareRelations);
  }

  /** Incoming relations of an entity, sorted. */
  relationsTo(id: string, type?: RelationType): Relation[] {
    return this.relations.to(this.resolve(id)).filter((r) => type === undefined || r.type === type).sort(compareRelations);
  }

  /**
   * Relations whose both ends exist, sorted; self-relations are left out. Dangling relations (an end
   * that no input defines) are returned separately so the caller can report them. Stored relations
   * never name a merged-away id (`merge` redirects them), so no alias needs resolving here.
   * `entities`: `allEntities()`, when the caller has it already.
   */
  finalRelations(entities: readonly Entity[] = this.allEntities()): { relations: Relation[]; dangling: Relation[] } {
    const relations: Relation[] = [];
    const dangling: Relation[] = [];
    // Grouped by `from` in id order, each group sorted on its own: the same order as one sort by
    // `compareRelations` (whose first key is `from`), for much less comparing.
    let fromEntities = 0;
    for (const e of entities) {
      const start = relations.length;
      const out = this.relations.from(e.id);
      if (out.length > 0) fromEntities++;
      for (const r of out) {
        if (r.to !== e.id) (this.entities.has(r.to) ? relations : dangling).push(r);
      }
      if (relations.length - start > 1) sortTail(relations, start);
    }
    // Relations from an id that is no entity: only when some source was not met above.
    if (fromEntities < this.relations.sourceCount) {
      for (const from of this.relations.sources()) {
        if (!this.entities.has(from)) appendAll(dangling, this.relations.from(from));
      }
    }
    return { relations, dangling: dangling.sort(compareRelations) };
  }

  get size(): number {
    return this.entities.size;
  }
}

/** Entities in id order (the order of the model's entity list). */
export function compareEntityIds(a: Entity, b: Entity): number {
  return cmp(a.id, b.id);
}

/** `target.push(...items)` without spreading arguments. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

/** Sorts `list[start…]` in place by `compareRelations` (insertion sort: groups are a few relations). */
function sortTail(list: Relation[], start: number): void {
  if (list.length - start > 16) {
    const tail = list.slice(start).sort(compareRelations);
    for (const [i, r] of tail.entries()) list[start + i] = r;
    return;
  }
  for (let i = start + 1; i < list.length; i++) {
    const r = list[i];
    if (!r) continue;
    let j = i - 1;
    for (let prev = list[j]; j >= start && prev && compareRelations(prev, r) > 0; prev = list[--j]) list[j + 1] = prev;
    list[j + 1] = r;
  }
}

export function compareRelations(a: Relation, b: Relation): number {
  return cmp(a.from, b.from) || cmp(a.type, b.type) || cmp(a.to, b.to) || cmp(a.rule, b.rule);
}

function sourceKey(s: SourceRef): string {
  return `${s.file}\u0000${String(s.line).padStart(9, '0')}`;
}

/**
 * Merges `incoming` into `target`. Sources are unioned and sorted. A property keeps a declared value
 * over a defaulted one; between two declared values the one from the first source (in sorted order)
 * wins, so the result does not depend on the order files were read in.
 */
function mergeInto(target: Entity, incoming: Entity): void {
  const targetFirst = firstSourceKey(target);
  const incomingFirst = firstSourceKey(incoming);
  const incomingWins = cmp(incomingFirst, targetFirst) < 0;
  for (const [key, value] of Object.entries(incoming.props)) {
    const has = Object.prototype.hasOwnProperty.call(target.props, key);
    const targetDefaulted = target.defaulted.includes(key);
    const incomingDefaulted = incoming.defaulted.includes(key);
    const targetUnresolved = isUnresolvedValue(target.props[key]);
    const incomingUnresolved = isUnresolvedValue(value);
    // A concrete value beats a placeholder; a declared one beats a default; otherwise the first source wins.
    const take =
      !has ||
      (targetUnresolved && !incomingUnresolved) ||
      (targetUnresolved === incomingUnresolved &&
        ((targetDefaulted && !incomingDefaulted) || (incomingWins && targetDefaulted === incomingDefaulted)));
    if (take) {
      target.props[key] = mergeValue(target.props[key], value);
      if (incomingDefaulted && (!has || targetDefaulted)) {
        if (!targetDefaulted) target.defaulted.push(key);
      } else {
        target.defaulted = target.defaulted.filter((k) => k !== key);
      }
    } else if (isPlainMap(target.props[key]) && isPlainMap(value)) {
      target.props[key] = mergeValue(value, target.props[key]);
    }
  }
  target.defaulted.sort(cmp);
  const seen = new Set(target.sources.map(sourceKey));
  for (const s of incoming.sources) {
    const k = sourceKey(s);
    if (!seen.has(k)) {
      seen.add(k);
      target.sources.push(s);
    }
  }
  target.sources.sort((a, b) => cmp(sourceKey(a), sourceKey(b)));
}

function firstSourceKey(e: Entity): string {
  let min = '\uffff';
  for (const s of e.sources) {
    const k = sourceKey(s);
    if (cmp(k, min) < 0) min = k;
  }
  return min;
}

function isUnresolvedValue(v: PropValue | undefined): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'unresolved' in v;
}

function isPlainMap(v: PropValue | undefined): v is { readonly [key: string]: PropValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('unresolved' in v);
}

/** Label/tag maps are unioned (the winning side's keys first); anything else is replaced. */
function mergeValue(previous: PropValue | undefined, next: PropValue): PropValue {
  if (isPlainMap(previous) && isPlainMap(next)) return { ...previous, ...next };
  return next;
}
