/** What a namespace holds, with pods folded into their top-level owners (for the workload views). */
import { cmp } from '../core/order.js';
import type { Entity } from '../model/entity.js';
import type { EntityKind } from '../model/kinds.js';
import { propString } from '../model/read.js';
import type { ModelIndex } from './model-index.js';

const OWNER_KINDS: readonly EntityKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];

/** A workload box: an owner entity, or an owner known only from pods' ownerReferences. */
export interface Owner {
  /** Node key: the entity id, or `owner:<ns>/<kind>/<name>` for an owner not in the inputs. */
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly entity?: Entity;
  /** Pods folded into this owner. */
  pods: number;
}

export interface NamespaceContent {
  readonly name: string;
  readonly owners: Owner[];
  readonly services: Entity[];
  readonly ingresses: Entity[];
  pods: number;
  /** Ranking score: how much there is to draw. */
  size: number;
}

export function collectNamespaces(ix: ModelIndex): NamespaceContent[] {
  const byName = new Map<string, NamespaceContent>();
  const ownersByKey = new Map<string, Owner>();
  const get = (name: string): NamespaceContent => {
    let ns = byName.get(name);
    if (!ns) byName.set(name, (ns = { name, owners: [], services: [], ingresses: [], pods: 0, size: 0 }));
    return ns;
  };
  for (const kind of OWNER_KINDS) {
    for (const e of ix.ofKind(kind)) {
      const ns = get(e.namespace ?? '');
      const key = ownerKey(ix, e);
      let o = ownersByKey.get(key);
      if (!o) {
        ownersByKey.set(key, (o = ownerOf(ix, e)));
        ns.owners.push(o);
      }
      if (e.kind === 'Pod') {
        o.pods += 1;
        ns.pods += 1;
      }
    }
  }
  for (const s of ix.ofKind('Service')) get(s.namespace ?? '').services.push(s);
  for (const i of ix.ofKind('Ingress')) get(i.namespace ?? '').ingresses.push(i);
  for (const ns of byName.values()) {
    ns.owners.sort((a, b) => cmp(a.key, b.key));
    ns.size = ns.owners.length + ns.services.length + ns.ingresses.length + ns.pods;
  }
  return [...byName.values()].sort((a, b) => cmp(a.name, b.name));
}

/** The workload box an entity folds into (pods and ReplicaSets into their top-level owner). */
function ownerOf(ix: ModelIndex, e: Entity): Owner {
  const top = ix.topOwner(e);
  const external = externalOwner(top);
  if (external) return { key: ownerKeyOfExternal(top, external), ...external, pods: 0 };
  return { key: top.id, kind: top.kind, name: top.name, entity: top, pods: 0 };
}

/** `ownerOf(ix, e).key`, without building the box (once per pod). */
export function ownerKey(ix: ModelIndex, e: Entity): string {
  const top = ix.topOwner(e);
  const external = externalOwner(top);
  return external ? ownerKeyOfExternal(top, external) : top.id;
}

/** A pod's owner that is not in the inputs, known only from its ownerReferences. */
function externalOwner(top: Entity): { kind: string; name: string } | undefined {
  if (top.kind !== 'Pod') return undefined;
  const kind = propString(top, 'ownerKind');
  const name = propString(top, 'ownerName');
  return kind && name ? { kind, name } : undefined;
}

function ownerKeyOfExternal(top: Entity, owner: { kind: string; name: string }): string {
  return `owner:${top.namespace ?? ''}/${owner.kind}/${owner.name}`;
}
