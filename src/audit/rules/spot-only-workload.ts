import type { Entity } from '../../model/entity.js';
import { propMap, propNumber, propString } from '../../model/read.js';
import { isTopLevel } from '../../passes/link/kubernetes/k8s-index.js';
import { defineRule, type RuleContext } from '../rule.js';
import { hasDisruptionBudget, ownedPods } from './pod-subject.js';

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
    if (replicas === undefined || replicas < 2 || !isTopLevel(w)) return;
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

/** Per rule run: whether each node (by name) with a known capacity type is Spot; null when none is. */
const spotNodes = new WeakMap<RuleContext, Map<string, boolean> | null>();

function spotByNode(ctx: RuleContext): Map<string, boolean> | null {
  const cached = spotNodes.get(ctx);
  if (cached !== undefined) return cached;
  const out = new Map<string, boolean>();
  let anySpot = false;
  for (const n of ctx.graph.ofKind('Node')) {
    const capacity = propString(n, 'capacityType');
    if (capacity === undefined) continue;
    out.set(n.name, isSpot(capacity));
    anySpot ||= isSpot(capacity);
  }
  const result = anySpot ? out : null;
  spotNodes.set(ctx, result);
  return result;
}

/** `all N placed pods on Spot nodes` when every placed, live pod the workload owns (J23) is on a Spot node. */
function observedOnSpot(ctx: RuleContext, w: Entity): string | undefined {
  const spot = spotByNode(ctx);
  if (!spot) return undefined;
  let placed = 0;
  for (const pod of ownedPods(ctx, w)) {
    const nodeName = propString(pod, 'nodeName');
    const phase = propString(pod, 'phase');
    if (nodeName === undefined || phase === 'Succeeded' || phase === 'Failed') continue;
    // A node of unknown capacity leaves the workload undecided.
    if (spot.get(nodeName) !== true) return undefined;
    placed++;
  }
  return placed === 0 ? undefined : `all ${placed} placed pod${placed > 1 ? 's' : ''} on Spot nodes`;
}

function isSpot(capacityType: string): boolean {
  return capacityType.toLowerCase() === 'spot';
}
