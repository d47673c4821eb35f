/**
 * Relations by end and type in no particular order, for the questions whose answer does not depend
 * on order (is there an owner, does a PDB select this, which pods does this own):
 * `graph.relationsTo` sorts on every call, which over 20,000 pods took most of the audit's time.
 * Straight from the graph's relation store: an index built per run cost more (~25 ms per direction
 * on the 20,000-pod fixture) than the lookups it saves. Rules that list relations in a message keep
 * the sorted graph methods.
 */
import type { ModelGraph } from '../model/graph.js';
import type { Relation } from '../model/entity.js';
import type { EntityKind, RelationType } from '../model/kinds.js';
import { WORKLOAD_KINDS } from '../passes/link/kubernetes/k8s-index.js';

const NONE: readonly Relation[] = [];
const WORKLOAD_KIND_SET: ReadonlySet<EntityKind> = new Set(WORKLOAD_KINDS);

export class RelationIndex {
  /** `reachedFrom`'s sets, by kinds and relation type. */
  private readonly reached = new Map<string, ReadonlySet<string>>();

  constructor(private readonly graph: ModelGraph) {}

  /** Whether a workload of the graph owns `id` (J23; a Node owning its static pods does not count). */
  isOwned(id: string): boolean {
    for (const r of this.graph.unorderedRelationsTo(id)) {
      if (r.type !== 'owns' || r.from === id) continue;
      const owner = this.graph.get(r.from);
      if (owner && WORKLOAD_KIND_SET.has(owner.kind)) return true;
    }
    return false;
  }

  /**
   * Whether an entity of one of `kinds` has a relation of `type` to `id`. Found from those kinds'
   * side once per run (a few thousand workloads' or a few PDBs' outgoing relations instead of every
   * pod's incoming ones).
   */
  reachedFrom(kinds: readonly EntityKind[], type: RelationType, id: string): boolean {
    const key = `${kinds.join(',')}\u0000${type}`;
    let ids = this.reached.get(key);
    if (!ids) {
      const found = new Set<string>();
      for (const kind of kinds) for (const e of this.graph.ofKind(kind)) for (const r of this.from(e.id, type)) if (r.to !== e.id) found.add(r.to);
      this.reached.set(key, (ids = found));
    }
    return ids.has(id);
  }

  /** Relations of `type` arriving at `id`, in no particular order. */
  to(id: string, type: RelationType): readonly Relation[] {
    return ofType(this.graph.unorderedRelationsTo(id), type);
  }

  /** Relations of `type` leaving `id`, in no particular order. */
  from(id: string, type: RelationType): readonly Relation[] {
    return ofType(this.graph.unorderedRelationsFrom(id), type);
  }
}

/** The relations of one type (most ids have a handful of relations). */
function ofType(list: readonly Relation[], type: RelationType): readonly Relation[] {
  if (list.length === 0) return NONE;
  for (const r of list) if (r.type !== type) return list.filter((x) => x.type === type);
  return list;
}
