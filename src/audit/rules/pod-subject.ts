/**
 * Helpers shared by the pod and workload audit rules (POD-01, POD-02, POD-08, POD-10, REL-08, REL-10,
 * REL-12). This file is not a rule: it has no default export and is not listed in `index.ts`.
 *
 * A fact found on a pod or a pod template is reported once, on its *subject*: the top of the owner
 * chain the model knows (`owns` relations, J23: Pod ← ReplicaSet ← Deployment, Job ← CronJob). A pod
 * whose owner is not in the inputs (a dump of pods only) is grouped under the owner its
 * `ownerReferences` name, so the pods of one DaemonSet give one finding, not one per node.
 */
import { cmp } from '../../core/order.js';
import type { Entity, PropValue } from '../../model/entity.js';
import type { EntityKind } from '../../model/kinds.js';
import { propMap, propString } from '../../model/read.js';
import { WORKLOAD_KINDS } from '../../passes/link/kubernetes/k8s-index.js';
import { propRecords } from '../../passes/link/cross/lookup.js';
import type { RuleContext } from '../rule.js';

/** Kinds with a pod spec, owners before what they own (so an owner's own facts are met first). */
export const POD_SPEC_KINDS: readonly EntityKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet', 'Pod'];


/**
 * The kube-system DaemonSets that EKS and its AWS add-ons install, which need host access by design
 * (DOMAIN.md D, POD-02 allow-list): VPC CNI, kube-proxy, the EBS/EFS/FSx/S3 CSI node plugins, the
 * Pod Identity agent and the node monitoring agent. Only these names, only in `kube-system`, only as
 * DaemonSets.
 */
export const SYSTEM_DAEMONSETS: ReadonlySet<string> = new Set([
  'aws-node',
  'kube-proxy',
  'ebs-csi-node',
  'ebs-csi-node-windows',
  'efs-csi-node',
  'fsx-csi-node',
  's3-csi-node',
  'eks-pod-identity-agent',
  'eks-node-monitoring-agent',
]);

/** Who a finding on a pod or workload is about. */
export interface Subject {
  /** Deduplication key: the top owner's id, or the owner named by `ownerReferences`. */
  readonly key: string;
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** The entity the finding is attached to (the top owner, or the pod itself when its owner is absent). */
  readonly entity: Entity;
}

/** The top of `e`'s owner chain in the model (`e` itself when nothing owns it). */
export function topOwner(ctx: RuleContext, e: Entity): Entity {
  let current = e;
  // Only an entity with an ownerReference can be owned (J23 reads nothing else); the depth bound
  // guards against a cycle in hand-written ownerReferences.
  for (let depth = 0; depth < 8 && typeof current.props['ownerKind'] === 'string'; depth++) {
    // Of several owners, the first in id order (what the sorted relations would give first).
    let first: string | undefined;
    for (const r of ctx.relations.to(current.id, 'owns')) if (first === undefined || cmp(r.from, first) < 0) first = r.from;
    const owner = first === undefined ? undefined : ctx.graph.get(first);
    if (!owner || owner.id === e.id) break;
    current = owner;
  }
  return current;
}

export function subjectOf(ctx: RuleContext, e: Entity): Subject {
  const top = topOwner(ctx, e);
  if (top !== e) return { key: top.id, kind: top.kind, namespace: top.namespace, name: top.name, entity: top };
  const ownerKind = propString(e, 'ownerKind');
  const ownerName = propString(e, 'ownerName');
  // Static (mirror) pods are owned by their Node: each is its own subject.
  if (ownerKind === undefined || ownerName === undefined || ownerKind === 'Node') {
    return { key: e.id, kind: e.kind, namespace: e.namespace, name: e.name, entity: e };
  }
  // A ReplicaSet that is not in the inputs: its Deployment is its name minus the pod-template-hash
  // (the same convention J23 uses), so the pods of several revisions are one subject.
  const hash = propMap(e, 'labels')['pod-template-hash'];
  const [kind, name] = ownerKind === 'ReplicaSet' && hash && ownerName.endsWith(`-${hash}`) ? ['Deployment', ownerName.slice(0, -hash.length - 1)] : [ownerKind, ownerName];
  return { key: `owner:${kind}:${e.namespace ?? ''}/${name}`, kind, namespace: e.namespace, name, entity: e };
}

/** `DaemonSet kube-system/aws-node`, plus the pod it was seen through when that owner is not in the model. */
export function describeSubject(s: Subject): string {
  const own = `${s.kind} ${s.namespace ?? ''}/${s.name}`;
  return s.entity.kind === s.kind && s.entity.name === s.name ? own : `${own} (seen as ${s.entity.kind} ${s.entity.namespace ?? ''}/${s.entity.name})`;
}

/** ` (in Pod ns/x)` when the fact was read on another entity than the one reported. */
export function seenIn(s: Subject, e: Entity): string {
  return s.entity === e ? '' : ` (in ${e.kind} ${e.namespace ?? ''}/${e.name})`;
}

export function isSystemDaemonSet(s: Subject): boolean {
  return s.kind === 'DaemonSet' && s.namespace === 'kube-system' && SYSTEM_DAEMONSETS.has(s.name);
}

/**
 * The allow-list of the host-access checks (POD-01, POD-02): the system DaemonSets above, and the
 * static (mirror) pods that kubelet runs from the node's manifests in kube-system (owned by their
 * Node: etcd, kube-apiserver… on self-managed control planes; EKS has none).
 */
export function isSystemComponent(s: Subject): boolean {
  return isSystemDaemonSet(s) || (s.kind === 'Pod' && s.namespace === 'kube-system' && propString(s.entity, 'ownerKind') === 'Node');
}

/** Whether a PodDisruptionBudget selects the workload (J27). */
export function hasDisruptionBudget(ctx: RuleContext, workload: Entity): boolean {
  return ctx.relations.reachedFrom(['PodDisruptionBudget'], 'selects', workload.id);
}

/** Pods a workload owns, directly or through the workloads it owns (J23), at most two levels down. */
export function ownedPods(ctx: RuleContext, workload: Entity): Entity[] {
  const out: Entity[] = [];
  for (const r of ctx.relations.from(workload.id, 'owns')) {
    const child = ctx.graph.get(r.to);
    if (child?.kind === 'Pod') out.push(child);
    else if (child && WORKLOAD_KINDS.includes(child.kind)) {
      for (const p of ctx.relations.from(child.id, 'owns')) {
        const pod = ctx.graph.get(p.to);
        if (pod?.kind === 'Pod') out.push(pod);
      }
    }
  }
  return out;
}

const reported = new WeakMap<RuleContext, Set<string>>();

/**
 * True the first time `key` is seen in this rule run. The engine makes one context per rule and
 * run, so the state is neither shared between rules nor kept between runs.
 */
export function firstTime(ctx: RuleContext, key: string): boolean {
  let seen = reported.get(ctx);
  if (!seen) reported.set(ctx, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The images of an entity's containers (`containers` of a pod or a workload's template). */
export function containerImages(e: Entity): string[] {
  return propRecords(e, 'containers').flatMap((c) => (typeof c['image'] === 'string' ? [c['image']] : []));
}

/** Names of the containers (init containers included) with `securityContext.privileged: true`. */
export function privilegedContainers(e: Entity): readonly string[] {
  const v = e.props['containers'];
  if (!Array.isArray(v)) return NONE;
  let out: string[] | undefined;
  // A plain loop: this runs once per pod of a dump.
  for (const c of v as readonly PropValue[]) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) continue;
    const rec = c as { readonly [key: string]: PropValue };
    if (rec['privileged'] !== true) continue;
    const name = rec['name'];
    (out ??= []).push(typeof name === 'string' && name !== '' ? name : '(unnamed)');
  }
  return out ?? NONE;
}

const NONE: readonly string[] = Object.freeze([]);
