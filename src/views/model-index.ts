/** Read-only lookups over an ArchitectureModel, built once per render (views never mutate the model). */
import { cmp } from '../core/diagnostics.js';
import type { ArchitectureModel } from '../model/architecture.js';
import type { Entity, Relation } from '../model/entity.js';
import type { EntityKind, RelationType } from '../model/kinds.js';
import { k8sId } from '../model/ids.js';
import { propString } from '../model/read.js';
import { pushTo } from './util.js';

const WORKLOAD_OWNER_KINDS: readonly EntityKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];

export class ModelIndex {
  private readonly byId = new Map<string, Entity>();
  private readonly byKind = new Map<EntityKind, Entity[]>();
  private readonly from = new Map<string, Relation[]>();
  private readonly to = new Map<string, Relation[]>();
  /** `topOwner` results; `rooted` when the chain ended at an entity with no owner (not at a cycle). */
  private readonly ownerCache = new Map<string, { readonly top: Entity; readonly rooted: boolean }>();

  constructor(readonly model: ArchitectureModel) {
    // Models come out of the pipeline with entities sorted by id and relations sorted by `from`
    // first (`compareRelations`): then only each `from` run needs ordering by `to`, `type`.
    const sorted = isSortedBy(model.entities, (e) => e.id) ? model.entities : [...model.entities].sort((a, b) => cmp(a.id, b.id));
    for (const e of sorted) {
      this.byId.set(e.id, e);
      pushTo(this.byKind, e.kind, e);
    }
    const rels = isSortedBy(model.relations, (r) => r.from) ? model.relations : [...model.relations].sort((a, b) => cmp(a.from, b.from));
    for (let start = 0; start < rels.length;) {
      const from = rels[start]?.from;
      let end = start + 1;
      while (end < rels.length && rels[end]?.from === from) end++;
      const run = rels.slice(start, end);
      if (!isSortedWith(run, byToThenType)) run.sort(byToThenType);
      if (from !== undefined) this.from.set(from, run);
      for (const r of run) pushTo(this.to, r.to, r);
      start = end;
    }
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** Entities of one kind, sorted by id. */
  ofKind(kind: EntityKind): readonly Entity[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Relations leaving `id`, optionally of one type and towards entities of the given kinds. */
  out(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation[] {
    return (this.from.get(id) ?? []).filter((r) => (type === undefined || r.type === type) && this.kindIn(r.to, kinds));
  }

  /** `out(id, type, kinds)[0]`, without building the list. */
  firstOut(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation | undefined {
    for (const r of this.from.get(id) ?? []) if ((type === undefined || r.type === type) && this.kindIn(r.to, kinds)) return r;
    return undefined;
  }

  /** Relations arriving at `id`, optionally of one type and from entities of the given kinds. */
  in(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation[] {
    return (this.to.get(id) ?? []).filter((r) => (type === undefined || r.type === type) && this.kindIn(r.from, kinds));
  }

  /** `in(id, type, kinds)[0]`, without building the list. */
  firstIn(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation | undefined {
    for (const r of this.to.get(id) ?? []) if ((type === undefined || r.type === type) && this.kindIn(r.from, kinds)) return r;
    return undefined;
  }

  private kindIn(id: string, kinds: readonly EntityKind[] | undefined): boolean {
    if (!kinds) return true;
    const e = this.byId.get(id);
    return e !== undefined && kinds.includes(e.kind);
  }

  /**
   * The top-level controller of a pod or workload (Pod → ReplicaSet → Deployment, Job → CronJob), from
   * `owns` relations, else from the owner fields in props. Returns the entity itself when it has none.
   */
  topOwner(entity: Entity): Entity {
    const cached = this.ownerCache.get(entity.id);
    if (cached) return cached.top;
    let current = entity;
    let rooted = true;
    // Owner chains are a few links long: a list is cheaper than a set for the cycle check.
    const seen: string[] = [entity.id];
    for (let parent = this.directOwner(current); parent; parent = this.directOwner(current)) {
      if (seen.includes(parent.id)) {
        rooted = false;
        break;
      }
      // A parent whose chain ends at an ownerless entity has the same top (no cycle can reach back here).
      const known = this.ownerCache.get(parent.id);
      if (known?.rooted) {
        current = known.top;
        break;
      }
      seen.push(parent.id);
      current = parent;
    }
    this.ownerCache.set(entity.id, { top: current, rooted });
    return current;
  }

  private directOwner(entity: Entity): Entity | undefined {
    const owns = this.firstIn(entity.id, 'owns', WORKLOAD_OWNER_KINDS);
    if (owns) return this.byId.get(owns.from);
    const ownerKind = propString(entity, 'ownerKind');
    const kind = WORKLOAD_OWNER_KINDS.find((k) => k === ownerKind);
    const name = propString(entity, 'ownerName');
    return kind && name ? this.byId.get(k8sId(kind, entity.namespace, name)) : undefined;
  }
}

function byToThenType(a: Relation, b: Relation): number {
  return cmp(a.to, b.to) || cmp(a.type, b.type);
}

/** Whether `items` are in ascending order of `key` (one pass; the common case needs no sort). */
function isSortedBy<T>(items: readonly T[], key: (item: T) => string): boolean {
  return isSortedWith(items, (a, b) => cmp(key(a), key(b)));
}

function isSortedWith<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (a !== undefined && b !== undefined && compare(a, b) > 0) return false;
  }
  return true;
}
