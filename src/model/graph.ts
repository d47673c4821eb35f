/**
 * The model graph: entities merged by id, relations deduplicated. One instance per import run.
 */
import { cmp } from '../core/diagnostics.js';
import type { Entity, Fragment, PropValue, Relation, SourceRef } from './entity.js';
import type { EntityKind, RelationType } from './kinds.js';

const CONFIDENCE_RANK = { high: 2, medium: 1, low: 0 } as const;

export class ModelGraph {
  private readonly entities = new Map<string, Entity>();
  private readonly byKind = new Map<EntityKind, Set<string>>();
  private readonly relations = new Map<string, Relation>();
  /** Relation keys by endpoint id, for O(degree) lookups. */
  private readonly byEndpoint = new Map<string, Set<string>>();
  /** Ids merged away by `merge()`, pointing to the id that absorbed them. */
  private readonly aliases = new Map<string, string>();

  addFragment(fragment: Fragment): void {
    for (const e of fragment.entities) this.addEntity(e);
    for (const r of fragment.relations) this.addRelation(r);
  }

  /** Adds an entity, or merges it into the entity that already has its id. */
  addEntity(entity: Entity): Entity {
    const id = this.resolve(entity.id);
    const existing = this.entities.get(id);
    if (!existing) {
      const copy: Entity = { ...entity, id, props: { ...entity.props }, defaulted: [...entity.defaulted], sources: [...entity.sources] };
      this.entities.set(id, copy);
      let ids = this.byKind.get(entity.kind);
      if (!ids) this.byKind.set(entity.kind, (ids = new Set()));
      ids.add(id);
      return copy;
    }
    mergeInto(existing, entity);
    return existing;
  }

  /** Adds a relation; the same (type, from, to) keeps the highest confidence. */
  addRelation(input: Relation): void {
    const relation = this.aliases.size === 0 ? input : { ...input, from: this.resolve(input.from), to: this.resolve(input.to) };
    const key = `${relation.type}\u0000${relation.from}\u0000${relation.to}`;
    const prev = this.relations.get(key);
    if (!prev || CONFIDENCE_RANK[relation.confidence] > CONFIDENCE_RANK[prev.confidence] ||
      (relation.confidence === prev.confidence && cmp(relation.rule, prev.rule) < 0)) {
      this.relations.set(key, relation);
      this.index(relation.from, key);
      this.index(relation.to, key);
    }
  }

  private index(id: string, key: string): void {
    let keys = this.byEndpoint.get(id);
    if (!keys) this.byEndpoint.set(id, (keys = new Set()));
    keys.add(key);
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
    this.aliases.set(drop.id, keep.id);
    const movedKeys = [...(this.byEndpoint.get(drop.id) ?? [])];
    this.byEndpoint.delete(drop.id);
    for (const key of movedKeys) {
      const r = this.relations.get(key);
      if (!r) continue;
      this.relations.delete(key);
      const from = r.from === drop.id ? keep.id : r.from;
      const to = r.to === drop.id ? keep.id : r.to;
      if (from !== to) this.addRelation({ ...r, from, to });
    }
  }

  /** The id an entity is known by now (after merges). */
  resolve(id: string): string {
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

  /** Entities of one kind, sorted by id. */
  ofKind(kind: EntityKind): Entity[] {
    const ids = this.byKind.get(kind);
    if (!ids) return [];
    const out: Entity[] = [];
    for (const id of [...ids].sort(cmp)) {
      const e = this.entities.get(id);
      if (e) out.push(e);
    }
    return out;
  }

  /** Every entity, in no particular order (for passes that visit all of them once). */
  unorderedEntities(): IterableIterator<Entity> {
    return this.entities.values();
  }

  allEntities(): Entity[] {
    return [...this.entities.values()].sort((a, b) => cmp(a.id, b.id));
  }

  allRelations(): Relation[] {
    return [...this.relations.values()].sort(compareRelations);
  }

  /** Outgoing relations of an entity, sorted. */
  relationsFrom(id: string, type?: RelationType): Relation[] {
    return this.around(id).filter((r) => r.from === this.resolve(id) && (type === undefined || r.type === type));
  }

  /** Incoming relations of an entity, sorted. */
  relationsTo(id: string, type?: RelationType): Relation[] {
    return this.around(id).filter((r) => r.to === this.resolve(id) && (type === undefined || r.type === type));
  }

  private around(id: string): Relation[] {
    const out: Relation[] = [];
    for (const key of this.byEndpoint.get(this.resolve(id)) ?? []) {
      const r = this.relations.get(key);
      if (r) out.push(r);
    }
    return out.sort(compareRelations);
  }

  /**
   * Relations whose both ends exist, with aliases resolved, sorted. Dangling relations (an end that
   * no input defines) are returned separately so the caller can report them.
   */
  finalRelations(): { relations: Relation[]; dangling: Relation[] } {
    const relations: Relation[] = [];
    const dangling: Relation[] = [];
    const seen = new Set<string>();
    for (const r of this.relations.values()) {
      const from = this.resolve(r.from);
      const to = this.resolve(r.to);
      const rel = from === r.from && to === r.to ? r : { ...r, from, to };
      if (!this.entities.has(from) || !this.entities.has(to)) {
        dangling.push(rel);
        continue;
      }
      const key = `${rel.type}\u0000${from}\u0000${to}`;
      if (seen.has(key) || from === to) continue;
      seen.add(key);
      relations.push(rel);
    }
    return { relations: relations.sort(compareRelations), dangling: dangling.sort(compareRelations) };
  }

  get size(): number {
    return this.entities.size;
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
