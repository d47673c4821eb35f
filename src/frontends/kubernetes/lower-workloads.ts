/** Pods and workload controllers (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). */
import { asArray, asNumber, asObject, asString, asStringMap, type JsonObject } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { definedProps, put, type PodProps, type PodRefProps, type WorkloadProps } from '../../model/props.js';
import { controllerOwner, labelsOf, type ObjectHeader } from './object-meta.js';
import { readPodSpec, type PodSpecInfo } from './pod-spec.js';

export function lowerPod(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const status = asObject(h.obj['status']);
  const info = readPodSpec(spec);
  const labels = labelsOf(h.meta);
  // Built field by field with `put` (no spread, no undefined to drop): this runs once per pod on the hot path.
  const props: PodProps = {};
  copyOwner(props, h);
  copyRefs(props, info);
  put(props, 'labels', labels);
  put(props, 'nodeName', info.nodeName);
  put(props, 'serviceAccount', info.serviceAccount);
  put(props, 'phase', asString(status?.['phase']));
  put(props, 'podIP', asString(status?.['podIP']));
  put(props, 'hostIP', asString(status?.['hostIP']));
  put(props, 'uid', asString(h.meta['uid']));
  put(props, 'containers', info.containers);
  put(props, 'hostNetwork', info.hostNetwork);
  put(props, 'fargateProfile', labels?.['eks.amazonaws.com/fargate-profile']);
  put(props, 'nodeSelector', info.nodeSelector);
  return definedProps(props);
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
  put(props, 'replicas', replicasOf(h, spec));
  put(props, 'selector', nonEmpty(asStringMap(selector?.['matchLabels'])));
  put(props, 'selectorExpressions', expressions(selector));
  put(props, 'templateLabels', nonEmpty(asStringMap(asObject(template?.['metadata'])?.['labels'])));
  put(props, 'serviceAccount', info.serviceAccount);
  put(props, 'containers', info.containers);
  put(props, 'uid', asString(h.meta['uid']));
  put(props, 'readyReplicas', asNumber(status?.['readyReplicas']));
  put(props, 'nodeSelector', info.nodeSelector);
  put(props, 'hostNetwork', info.hostNetwork);
  put(props, 'serviceName', asString(spec?.['serviceName']));
  put(props, 'volumeClaimTemplates', claimTemplates(spec));
  if (h.kind === 'CronJob') put(props, 'schedule', asString(spec?.['schedule']));
  return definedProps(props);
}

function copyOwner(props: PodProps | WorkloadProps, h: ObjectHeader): void {
  const o = controllerOwner(h.meta);
  put(props, 'ownerKind', o.ownerKind);
  put(props, 'ownerName', o.ownerName);
  put(props, 'ownerUid', o.ownerUid);
}

/** Declared replicas: `spec.replicas` (default 1 for Deployment/StatefulSet/ReplicaSet), Job parallelism. */
function replicasOf(h: ObjectHeader, spec: JsonObject | undefined): number | undefined {
  if (h.kind === 'DaemonSet' || h.kind === 'CronJob') return undefined;
  if (h.kind === 'Job') return asNumber(spec?.['parallelism']);
  return asNumber(spec?.['replicas']);
}

function copyRefs(props: PodRefProps, info: PodSpecInfo): void {
  put(props, 'volumeClaims', info.volumeClaims);
  put(props, 'configMapRefs', info.configMapRefs);
  put(props, 'secretRefs', info.secretRefs);
  put(props, 'optionalRefs', info.optionalRefs);
  put(props, 'secretLikeEnv', info.secretLikeEnv);
  put(props, 'envSecretRefs', info.envSecretRefs);
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
