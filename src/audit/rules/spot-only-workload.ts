import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { k8sId } from '../../model/ids.js';
import { propMap, propNumber, propString } from '../../model/read.js';
import { defineRule, type RuleContext } from '../rule.js';
import { hasDisruptionBudget, isTopLevelWorkload } from './pod-subject.js';

/**
 * REL-12: a replicated workload (a top-level Deployment or StatefulSet with `replicas` ≥ 2, the ones
 * meant to stay available) that can only run on Spot capacity and that no PodDisruptionBudget
 * selects (J27). "Only on Spot": its `nodeSelector` asks for `eks.amazonaws.com/capacityType: SPOT`
 * or `karpenter.sh/capacity-type: spot`, or every one of its observed, placed pods (J23, J22) runs on
 * a node whose capacity type (from the same labels) is Spot. A pod on a node of unknown capacity
 * makes the observed case undecided: no finding. Node affinity is not in the model, and declared
 * capacity (node groups all `SPOT`) is not tied to the workloads, so neither is read.
 */
export default defineRule({
  id: 'k8s/spot-only-without-pdb',
  check: 'REL-12',
  severity: 'info',
  description: 'A replicated workload runs only on Spot capacity and has no PodDisruptionBudget.',
  appliesTo: ['Deployment', 'StatefulSet'],
  run(w, ctx) {
    const replicas = propNumber(w, 'replicas');
    if (replicas === undefined || replicas < 2 || !isTopLevelWorkload(w)) return;
    const how = spotSelector(w) ?? observedOnSpot(ctx, w);
    if (how === undefined) return;
    if (hasDisruptionBudget(ctx, w)) return;
    ctx.report(w, `${w.kind} ${w.namespace ?? ''}/${w.name}: ${replicas} replicas run only on Spot capacity (${how}) and no PodDisruptionBudget covers them`);
  },
});

const SPOT_LABELS: readonly (readonly [string, string])[] = [
  ['eks.amazonaws.com/capacityType', 'SPOT'],
  ['karpenter.sh/capacity-type', 'spot'],
];

function spotSelector(w: Entity): string | undefined {
  const selector = propMap(w, 'nodeSelector');
  for (const [key, spot] of SPOT_LABELS) if (selector[key] === spot) return `nodeSelector ${key}=${spot}`;
  return undefined;
}

interface Placement {
  placed: number;
  onSpot: number;
}

/** Per rule run: placed pods and pods on Spot nodes, per top-level Deployment/StatefulSet id; null without Spot nodes. */
const placementCache = new WeakMap<RuleContext, Map<string, Placement> | null>();

function observedOnSpot(ctx: RuleContext, w: Entity): string | undefined {
  const p = placementsOf(ctx)?.get(w.id);
  if (!p || p.placed === 0 || p.onSpot < p.placed) return undefined;
  return `all ${p.placed} placed pod${p.placed > 1 ? 's' : ''} on Spot nodes`;
}

/**
 * One pass over the pods, then one over their owners. Owners are found by the keys the J23 owner
 * chain uses (owner uid, else kind + namespace + name; a missing ReplicaSet's Deployment by the
 * pod-template-hash), read from the props: walking `owns` relations pod by pod costs tens of
 * milliseconds on a 20,000-pod dump, and this pass a few.
 */
function placementsOf(ctx: RuleContext): Map<string, Placement> | undefined {
  const cached = placementCache.get(ctx);
  if (cached !== undefined) return cached ?? undefined;
  const graph = ctx.graph;
  const spotByNode = new Map<string, boolean>();
  let anySpot = false;
  for (const n of graph.ofKind('Node')) {
    const capacity = propString(n, 'capacityType');
    if (capacity === undefined) continue;
    spotByNode.set(n.name, isSpot(capacity));
    anySpot ||= isSpot(capacity);
  }
  if (!anySpot) {
    placementCache.set(ctx, null);
    return undefined;
  }
  // Placed pods per owner uid (the usual dump case), else per owner entity id.
  const byOwnerUid = new Map<string, Placement>();
  const byOwnerId = new Map<string, Placement>();
  for (const pod of graph.ofKind('Pod')) {
    const props = pod.props;
    const nodeName = props['nodeName'];
    if (typeof nodeName !== 'string') continue;
    const phase = props['phase'];
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const uid = props['ownerUid'];
    let p: Placement | undefined;
    if (typeof uid === 'string') {
      p = byOwnerUid.get(uid);
      if (!p) byOwnerUid.set(uid, (p = { placed: 0, onSpot: 0 }));
    } else {
      const owner = ownerByName(graph, pod);
      if (!owner) continue;
      p = byOwnerId.get(owner.id);
      if (!p) byOwnerId.set(owner.id, (p = { placed: 0, onSpot: 0 }));
    }
    p.placed++;
    if (spotByNode.get(nodeName) === true) p.onSpot++;
  }
  const byUid = new Map<string, Entity>();
  for (const kind of OWNER_KINDS) {
    for (const e of graph.ofKind(kind)) {
      const uid = propString(e, 'uid');
      if (uid !== undefined) byUid.set(uid, e);
    }
  }
  const out = new Map<string, Placement>();
  const add = (owner: Entity | undefined, p: Placement): void => {
    // A ReplicaSet's pods count for its Deployment.
    const top = owner?.kind === 'ReplicaSet' ? ownerOf(graph, byUid, owner) : owner;
    if (!top || top.kind === 'ReplicaSet') return;
    const sum = out.get(top.id);
    if (sum) {
      sum.placed += p.placed;
      sum.onSpot += p.onSpot;
    } else out.set(top.id, { placed: p.placed, onSpot: p.onSpot });
  };
  for (const [uid, p] of byOwnerUid) add(byUid.get(uid), p);
  for (const [id, p] of byOwnerId) add(graph.get(id), p);
  placementCache.set(ctx, out);
  return out;
}

const OWNER_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'] as const;

function ownerOf(graph: ModelGraph, byUid: ReadonlyMap<string, Entity>, e: Entity): Entity | undefined {
  const uid = propString(e, 'ownerUid');
  return (uid === undefined ? undefined : byUid.get(uid)) ?? ownerByName(graph, e);
}

function ownerByName(graph: ModelGraph, e: Entity): Entity | undefined {
  const kind = propString(e, 'ownerKind');
  const name = propString(e, 'ownerName');
  if (name === undefined || (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'ReplicaSet')) return undefined;
  const owner = graph.get(k8sId(kind, e.namespace, name));
  if (owner) return owner;
  const hash = propMap(e, 'labels')['pod-template-hash'];
  return kind === 'ReplicaSet' && hash && name.endsWith(`-${hash}`) ? graph.get(k8sId('Deployment', e.namespace, name.slice(0, -hash.length - 1))) : undefined;
}

function isSpot(capacityType: string): boolean {
  return capacityType.toLowerCase() === 'spot';
}
