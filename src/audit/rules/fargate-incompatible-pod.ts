import { readSelectors, selectorLabelsMatch } from '../../passes/link/cross/fargate.js';
import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { k8sId } from '../../model/ids.js';
import { propMap, propString } from '../../model/read.js';
import { isTopLevel } from '../../passes/link/kubernetes/k8s-index.js';
import { defineRule, type RuleContext } from '../rule.js';
import { describeSubject, firstTime, isSystemDaemonSet, POD_SPEC_KINDS, privilegedContainers, subjectOf, SYSTEM_DAEMONSETS } from './pod-subject.js';

/**
 * REL-08: a pod or workload that a Fargate profile takes (`runs-on FargateProfile`: J18 observed
 * label, J19 selector prediction) but that Fargate cannot run: privileged containers, `hostNetwork`,
 * an EBS-backed claim (PVC bound to an EBS PV, or of an EBS StorageClass), or a Service behind a load
 * balancer with `instance` targets (J34 registers no Fargate node). DaemonSets are never placed by
 * J19, so their pod templates are matched against the profiles' selectors here (namespace and
 * labels, `*`/`?` wildcards); the kube-system system DaemonSets (pod-subject.ts), which run on the EC2
 * nodes beside Fargate, are left out. `hostPort` is not in the model and is not checked.
 */
export default defineRule({
  id: 'eks/fargate-incompatible-pod',
  check: 'REL-08',
  severity: 'warning',
  description: 'A pod or workload selected by a Fargate profile uses something Fargate does not support.',
  appliesTo: ['FargateProfile'],
  run(profile, ctx) {
    const graph = ctx.graph;
    for (const rel of graph.relationsTo(profile.id, 'runs-on')) {
      const e = graph.get(rel.from);
      if (!e || !POD_SPEC_KINDS.includes(e.kind)) continue;
      const subject = subjectOf(ctx, e);
      const reasons = incompatibilities(graph, e);
      if (subject.kind === 'DaemonSet' && !isSystemDaemonSet(subject)) reasons.unshift('is a DaemonSet (Fargate runs no DaemonSets)');
      if (reasons.length === 0 || !firstTime(ctx, subject.key)) continue;
      const how = rel.confidence === 'high' ? 'runs on' : 'is selected by';
      ctx.report(subject.entity, `${describeSubject(subject)} ${how} Fargate profile ${profile.name} but ${reasons.join('; ')}`);
    }
    for (const ds of daemonSetsOf(ctx).get(profile.id) ?? []) {
      const subject = subjectOf(ctx, ds);
      if (!firstTime(ctx, subject.key)) continue;
      const reasons = ['is a DaemonSet (Fargate runs no DaemonSets)', ...incompatibilities(graph, ds)];
      ctx.report(ds, `${describeSubject(subject)} is selected by Fargate profile ${profile.name} but ${reasons.join('; ')}`);
    }
  },
});

function incompatibilities(graph: ModelGraph, e: Entity): string[] {
  const out: string[] = [];
  const privileged = privilegedContainers(e);
  if (privileged.length) out.push(`has privileged container${privileged.length > 1 ? 's' : ''} ${privileged.join(', ')}`);
  if (e.props['hostNetwork'] === true) out.push('uses hostNetwork');
  const ebs: string[] = [];
  for (const r of graph.relationsFrom(e.id, 'uses')) {
    const pvc = graph.get(r.to);
    if (pvc?.kind === 'PersistentVolumeClaim' && isEbsClaim(graph, pvc)) ebs.push(pvc.name);
  }
  if (ebs.length) out.push(`mounts EBS volume claim${ebs.length > 1 ? 's' : ''} ${ebs.join(', ')}`);
  const lbs = new Set<string>();
  for (const s of graph.relationsTo(e.id, 'selects')) {
    const svc = graph.get(s.from);
    if (svc?.kind !== 'Service') continue;
    for (const r of graph.relationsTo(svc.id, 'routes-to')) {
      const lb = graph.get(r.from);
      if (lb?.kind === 'LoadBalancer' && propString(lb, 'targetType') === 'instance') lbs.add(lb.name);
    }
  }
  if (lbs.size) out.push(`is behind load balancer ${[...lbs].sort(cmp).join(', ')} with instance targets`);
  return out;
}

const EBS_DRIVERS: ReadonlySet<string> = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);

/** A claim bound to an EBS PersistentVolume, or of a StorageClass with the EBS provisioner. */
function isEbsClaim(graph: ModelGraph, pvc: Entity): boolean {
  for (const r of graph.relationsFrom(pvc.id, 'bound-to')) {
    const driver = graph.get(r.to)?.props['driver'];
    if (typeof driver === 'string') return EBS_DRIVERS.has(driver);
  }
  const sc = propString(pvc, 'storageClass');
  const provisioner = sc ? graph.get(k8sId('StorageClass', undefined, sc))?.props['provisioner'] : undefined;
  return typeof provisioner === 'string' && EBS_DRIVERS.has(provisioner);
}

/** Per rule run: the top-level, non-system DaemonSets each profile's selectors match (J19 semantics). */
const daemonSetCache = new WeakMap<RuleContext, Map<string, Entity[]>>();

function daemonSetsOf(ctx: RuleContext): Map<string, Entity[]> {
  const cached = daemonSetCache.get(ctx);
  if (cached) return cached;
  const graph = ctx.graph;
  const out = new Map<string, Entity[]>();
  daemonSetCache.set(ctx, out);
  const daemonSets = graph.ofKind('DaemonSet').filter(isTopLevel);
  if (daemonSets.length === 0) return out;
  // Profiles by name: of several matching profiles the alphabetically first takes the pod (J19).
  const profiles = graph.ofKind('FargateProfile').sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  const selectors = readSelectors(profiles);
  for (const ds of daemonSets) {
    if (ds.namespace === 'kube-system' && SYSTEM_DAEMONSETS.has(ds.name)) continue;
    const ns = ds.namespace ?? 'default';
    const labels = Object.entries(propMap(ds, 'templateLabels'));
    const hit = selectors.find((s) => s.namespace.test(ns) && selectorLabelsMatch(s, labels));
    if (!hit) continue;
    const list = out.get(hit.profile.id);
    if (list) list.push(ds);
    else out.set(hit.profile.id, [ds]);
  }
  return out;
}
