/** Pods and workload controllers (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). */
import { asArray, asNumber, asObject, asString, asStringMap, type JsonObject } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { toProps, type PodProps, type PodRefProps, type WorkloadProps } from '../../model/props.js';
import { controllerOwner, labelsOf, type ObjectHeader } from './object-meta.js';
import { readPodSpec, type PodSpecInfo } from './pod-spec.js';

export function lowerPod(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const status = asObject(h.obj['status']);
  const info = readPodSpec(spec);
  const labels = labelsOf(h.meta);
  // Built field by field (no object spread): this runs once per pod on the hot path.
  const props: PodProps = {};
  copyOwner(props, h);
  copyRefs(props, info);
  props.labels = labels;
  props.nodeName = info.nodeName;
  props.serviceAccount = info.serviceAccount;
  props.phase = asString(status?.['phase']);
  props.podIP = asString(status?.['podIP']);
  props.hostIP = asString(status?.['hostIP']);
  props.uid = asString(h.meta['uid']);
  props.containers = info.containers;
  props.hostNetwork = info.hostNetwork;
  props.fargateProfile = labels?.['eks.amazonaws.com/fargate-profile'];
  props.nodeSelector = info.nodeSelector;
  return toProps(props);
}

export function lowerWorkload(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const status = asObject(h.obj['status']);
  // CronJob: the pod template sits under jobTemplate.
  const podOwner = h.kind === 'CronJob' ? asObject(asObject(spec?.['jobTemplate'])?.['spec']) : spec;
  const template = asObject(podOwner?.['template']);
  const info = readPodSpec(asObject(template?.['spec']));
  const selector = asObject(spec?.['selector']);
  const props: WorkloadProps = {};
  copyOwner(props, h);
  copyRefs(props, info);
  props.replicas = replicasOf(h, spec);
  props.selector = nonEmpty(asStringMap(selector?.['matchLabels']));
  props.selectorExpressions = expressions(selector);
  props.templateLabels = nonEmpty(asStringMap(asObject(template?.['metadata'])?.['labels']));
  props.serviceAccount = info.serviceAccount;
  props.containers = info.containers;
  props.uid = asString(h.meta['uid']);
  props.readyReplicas = asNumber(status?.['readyReplicas']);
  props.nodeSelector = info.nodeSelector;
  props.hostNetwork = info.hostNetwork;
  props.serviceName = asString(spec?.['serviceName']);
  props.volumeClaimTemplates = claimTemplates(spec);
  if (h.kind === 'CronJob') props.schedule = asString(spec?.['schedule']);
  return toProps(props);
}

function copyOwner(props: PodProps | WorkloadProps, h: ObjectHeader): void {
  const o = controllerOwner(h.meta);
  props.ownerKind = o.ownerKind;
  props.ownerName = o.ownerName;
  props.ownerUid = o.ownerUid;
}

/** Declared replicas: `spec.replicas` (default 1 for Deployment/StatefulSet/ReplicaSet), Job parallelism. */
function replicasOf(h: ObjectHeader, spec: JsonObject | undefined): number | undefined {
  if (h.kind === 'DaemonSet' || h.kind === 'CronJob') return undefined;
  if (h.kind === 'Job') return asNumber(spec?.['parallelism']);
  return asNumber(spec?.['replicas']);
}

function copyRefs(props: PodRefProps, info: PodSpecInfo): void {
  props.volumeClaims = info.volumeClaims;
  props.configMapRefs = info.configMapRefs;
  props.secretRefs = info.secretRefs;
  props.optionalRefs = info.optionalRefs;
  props.secretLikeEnv = info.secretLikeEnv;
}

export function nonEmpty(map: Record<string, string> | undefined): Record<string, string> | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}

/** `matchExpressions` of a label selector. */
export function expressions(selector: JsonObject | undefined): { key: string; operator: string; values?: string[] }[] | undefined {
  const out: { key: string; operator: string; values?: string[] }[] = [];
  for (const raw of asArray(selector?.['matchExpressions'])) {
    const e = asObject(raw);
    const key = asString(e?.['key']);
    const operator = asString(e?.['operator']);
    if (!e || !key || !operator) continue;
    const values = asArray(e['values']).map((v) => asString(v)).filter((v): v is string => v !== undefined);
    out.push(values.length ? { key, operator, values } : { key, operator });
  }
  return out.length ? out : undefined;
}

function claimTemplates(spec: JsonObject | undefined): string[] | undefined {
  const names = asArray(spec?.['volumeClaimTemplates'])
    .map((t) => asString(asObject(asObject(t)?.['metadata'])?.['name']))
    .filter((n): n is string => n !== undefined);
  return names.length ? names : undefined;
}
