/** Pods and workload controllers (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). */
import { asArray, asNumber, asObject, asString, asStringMap, type JsonObject } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { toProps, type PodProps, type WorkloadProps } from '../../model/props.js';
import { controllerOwner, labelsOf, type ObjectHeader } from './object-meta.js';
import { readPodSpec, type PodSpecInfo } from './pod-spec.js';

export function lowerPod(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const status = asObject(h.obj['status']);
  const info = readPodSpec(spec);
  const labels = labelsOf(h.meta);
  const props: PodProps = {
    ...refProps(info),
    ...controllerOwner(h.meta),
    labels,
    nodeName: info.nodeName,
    serviceAccount: info.serviceAccount,
    phase: asString(status?.['phase']),
    podIP: asString(status?.['podIP']),
    hostIP: asString(status?.['hostIP']),
    uid: asString(h.meta['uid']),
    containers: info.containers,
    hostNetwork: info.hostNetwork,
    fargateProfile: labels?.['eks.amazonaws.com/fargate-profile'],
    nodeSelector: info.nodeSelector,
  };
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
  const props: WorkloadProps = {
    ...refProps(info),
    ...controllerOwner(h.meta),
    replicas: replicasOf(h, spec),
    selector: nonEmpty(asStringMap(selector?.['matchLabels'])),
    selectorExpressions: expressions(selector),
    templateLabels: nonEmpty(asStringMap(asObject(template?.['metadata'])?.['labels'])),
    serviceAccount: info.serviceAccount,
    containers: info.containers,
    uid: asString(h.meta['uid']),
    readyReplicas: asNumber(status?.['readyReplicas']),
    nodeSelector: info.nodeSelector,
    hostNetwork: info.hostNetwork,
    serviceName: asString(spec?.['serviceName']),
    volumeClaimTemplates: claimTemplates(spec),
    schedule: h.kind === 'CronJob' ? asString(spec?.['schedule']) : undefined,
  };
  return toProps(props);
}

/** Declared replicas: `spec.replicas` (default 1 for Deployment/StatefulSet/ReplicaSet), Job parallelism. */
function replicasOf(h: ObjectHeader, spec: JsonObject | undefined): number | undefined {
  if (h.kind === 'DaemonSet' || h.kind === 'CronJob') return undefined;
  if (h.kind === 'Job') return asNumber(spec?.['parallelism']);
  return asNumber(spec?.['replicas']);
}

function refProps(info: PodSpecInfo): Partial<PodProps> {
  return {
    volumeClaims: info.volumeClaims,
    configMapRefs: info.configMapRefs,
    secretRefs: info.secretRefs,
    optionalRefs: info.optionalRefs,
    secretLikeEnv: info.secretLikeEnv,
  };
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
