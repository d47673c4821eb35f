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
  private readonly ownerCache = new Map<string, Entity>();

  constructor(readonly model: ArchitectureModel) {
    const sorted = [...model.entities].sort((a, b) => cmp(a.id, b.id));
    for (const e of sorted) {
      this.byId.set(e.id, e);
      pushTo(this.byKind, e.kind, e);
    }
    const rels = [...model.relations].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type));
    for (const r of rels) {
      pushTo(this.from, r.from, r);
      pushTo(this.to, r.to, r);
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

  /** Relations arriving at `id`, optionally of one type and from entities of the given kinds. */
  in(id: string, type?: RelationType, kinds?: readonly EntityKind[]): Relation[] {
    return (this.to.get(id) ?? []).filter((r) => (type === undefined || r.type === type) && this.kindIn(r.from, kinds));
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
    if (cached) return cached;
    let current = entity;
    const seen = new Set<string>([entity.id]);
    for (let parent = this.directOwner(current); parent && !seen.has(parent.id); parent = this.directOwner(current)) {
      seen.add(parent.id);
      current = parent;
    }
    this.ownerCache.set(entity.id, current);
    return current;
  }

  private directOwner(entity: Entity): Entity | undefined {
    // The first `owns` relation from a workload (what `in(id, 'owns', kinds)[0]` is), without the array.
    for (const r of this.to.get(entity.id) ?? []) {
      if (r.type === 'owns' && this.kindIn(r.from, WORKLOAD_OWNER_KINDS)) return this.byId.get(r.from);
    }
    const ownerKind = propString(entity, 'ownerKind');
    const kind = WORKLOAD_OWNER_KINDS.find((k) => k === ownerKind);
    const name = propString(entity, 'ownerName');
    return kind && name ? this.byId.get(k8sId(kind, entity.namespace, name)) : undefined;
  }
}
