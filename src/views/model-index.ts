/** Read-only lookups over an ArchitectureModel, built once per render (views never mutate the model). */
import { cmp, isSorted } from '../core/order.js';
import type { ArchitectureModel } from '../model/architecture.js';
import type { Entity, Relation } from '../model/entity.js';
import type { EntityKind, RelationType } from '../model/kinds.js';
import { compareEntityIds } from '../model/graph.js';
import { k8sId } from '../model/ids.js';
import { propString } from '../model/read.js';
import { pushTo } from './util.js';

const WORKLOAD_OWNER_KINDS: readonly EntityKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];

/** What the index knows about one id: the entity (absent for a dangling relation end) and its relations. */
interface Slot {
  entity: Entity | undefined;
  /** Relations leaving the id, by `to` then `type`. */
  out: readonly Relation[];
  /** Relations arriving at the id, by `from`, `to`, `type` (made when the first arrives). */
  in: Relation[] | undefined;
  /** The `topOwner` result; `rooted` when the chain ended at an entity with no owner (not at a cycle). */
  owner: { readonly top: Entity; readonly rooted: boolean } | undefined;
}

const NONE: readonly Relation[] = [];

export class ModelIndex {
  /** One slot per id: a single lookup gives an entity, its relations and its cached owner. */
  private readonly slots = new Map<string, Slot>();
  private readonly byKind = new Map<EntityKind, Entity[]>();

  constructor(readonly model: ArchitectureModel) {
    // Models come out of the pipeline with entities sorted by id and relations sorted by `from`
    // first (`compareRelations`): then only each `from` run needs ordering by `to`, `type`.
    const sorted = isSorted(model.entities, compareEntityIds) ? model.entities : [...model.entities].sort(compareEntityIds);
    for (const e of sorted) {
      this.slots.set(e.id, { entity: e, out: NONE, in: undefined, owner: undefined });
      pushTo(this.byKind, e.kind, e);
    }
    const rels = isSorted(model.relations, byFrom) ? model.relations : [...model.relations].sort(byFrom);
    for (let start = 0, first = rels[0]; first; first = rels[start]) {
      let end = start + 1;
      while (end < rels.length && rels[end]?.from === first.from) end++;
      const run = rels.slice(start, end);
      if (!isSorted(run, byToThenType)) run.sort(byToThenType);
      this.slot(first.from).out = run;
      for (const r of run) {
        const to = this.slot(r.to);
        // Most ids have one or two incoming relations: exact-size arrays, not one grown from empty.
        if (to.in) to.in.push(r);
        else to.in = [r];
      }
      start = end;
    }
  }

  private slot(id: string): Slot {
    let s = this.slots.get(id);
    if (!s) this.slots.set(id, (s = { entity: undefined, out: NONE, in: undefined, owner: undefined }));
    return s;
  }

  get(id: string): Entity | undefined {
    return this.slots.get(id)?.entity;
  }

  /** Entities of one kind, sorted by id. */
  ofKind(kind: EntityKind): readonly Entity[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Relations leaving `id`, optionally of one type and towards entities of the given kinds. */
  out(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation[] {
    return (this.slots.get(id)?.out ?? NONE).filter((r) => (type === undefined || r.type === type) && this.kindIn(r.to, kinds));
  }

  /** `out(id, type, kinds)[0]`, without building the list. */
  firstOut(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation | undefined {
    for (const r of this.slots.get(id)?.out ?? NONE) if ((type === undefined || r.type === type) && this.kindIn(r.to, kinds)) return r;
    return undefined;
  }

  /** Relations arriving at `id`, optionally of one type and from entities of the given kinds. */
  in(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation[] {
    return (this.slots.get(id)?.in ?? NONE).filter((r) => (type === undefined || r.type === type) && this.kindIn(r.from, kinds));
  }

  /** `in(id, type, kinds)[0]`, without building the list. */
  firstIn(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation | undefined {
    for (const r of this.slots.get(id)?.in ?? NONE) if ((type === undefined || r.type === type) && this.kindIn(r.from, kinds)) return r;
    return undefined;
  }

  private kindIn(id: string, kinds: readonly EntityKind[] | undefined): boolean {
    if (!kinds) return true;
    const e = this.get(id);
    return e !== undefined && kinds.includes(e.kind);
  }

  /**
   * The top-level controller of a pod or workload (Pod → ReplicaSet → Deployment, Job → CronJob), from
   * `owns` relations, else from the owner fields in props. Returns the entity itself when it has none.
   */
  topOwner(entity: Entity): Entity {
    const slot = this.slot(entity.id);
    if (slot.owner) return slot.owner.top;
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
      const known = this.slots.get(parent.id)?.owner;
      if (known?.rooted) {
        current = known.top;
        break;
      }
      seen.push(parent.id);
      current = parent;
    }
    slot.owner = { top: current, rooted };
    return current;
  }

  private directOwner(entity: Entity): Entity | undefined {
    const owns = this.firstIn(entity.id, 'owns', WORKLOAD_OWNER_KINDS);
    if (owns) return this.get(owns.from);
    const ownerKind = propString(entity, 'ownerKind');
    const kind = WORKLOAD_OWNER_KINDS.find((k) => k === ownerKind);
    const name = propString(entity, 'ownerName');
    return kind && name ? this.get(k8sId(kind, entity.namespace, name)) : undefined;
  }
}

function byToThenType(a: Relation, b: Relation): number {
  return cmp(a.to, b.to) || cmp(a.type, b.type);
}

function byFrom(a: Relation, b: Relation): number {
  return cmp(a.from, b.from);
}
