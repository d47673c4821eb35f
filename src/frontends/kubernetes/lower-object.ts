/**
 * One Kubernetes object → one compact entity. This is where secrets are dropped: only the fields
 * each kind's lowering reads enter the model (no env values, args, commands, ConfigMap/Secret values —
 * except the IAM mappings of `kube-system/aws-auth`, see aws-auth.ts —
 * `managedFields` or `last-applied-configuration`), so nothing else can leak into any output.
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import { isObject } from '../../core/guards.js';
import { makeEntity, type Entity, type PropValue } from '../../model/entity.js';
import type { EntityKind } from '../../model/kinds.js';
import { isAwsAuth, lowerAwsAuth } from './aws-auth.js';
import { lowerConfigData, lowerHpa, lowerKarpenter, lowerNamespace, lowerNode, lowerPdb, lowerPv, lowerPvc, lowerServiceAccount, lowerStorageClass } from './lower-cluster.js';
import { lowerIngress, lowerNetworkExtras, lowerNetworkPolicy, lowerService } from './lower-network.js';
import { lowerPod, lowerWorkload } from './lower-workloads.js';
import { labelsOf, readHeader, type ObjectHeader } from './object-meta.js';

type Lowering = (h: ObjectHeader) => Record<string, PropValue>;

const LOWERINGS: Partial<Record<EntityKind, Lowering>> = {
  Namespace: lowerNamespace,
  Node: lowerNode,
  Pod: lowerPod,
  Deployment: lowerWorkload,
  StatefulSet: lowerWorkload,
  DaemonSet: lowerWorkload,
  ReplicaSet: lowerWorkload,
  Job: lowerWorkload,
  CronJob: lowerWorkload,
  Service: lowerService,
  Ingress: lowerIngress,
  NetworkPolicy: lowerNetworkPolicy,
  ServiceAccount: lowerServiceAccount,
  PersistentVolumeClaim: lowerPvc,
  PersistentVolume: lowerPv,
  StorageClass: lowerStorageClass,
  ConfigMap: lowerConfigData,
  Secret: lowerConfigData,
  PodDisruptionBudget: lowerPdb,
  HorizontalPodAutoscaler: lowerHpa,
};

/** A Kubernetes object with the 1-based line where it starts. */
export interface LocatedObject {
  readonly value: unknown;
  readonly line: number;
}

/** Lowers one object; problems go to `sink` and the object is left out. */
export function lowerObject(value: unknown, file: string, line: number, sink: DiagnosticSink): Entity | undefined {
  if (!isObject(value)) {
    sink.warning('k8s/not-an-object', file, line, 'list item is not a Kubernetes object; skipped');
    return undefined;
  }
  const h = readHeader(value);
  if ('code' in h) {
    sink.warning(h.code, file, line, `${h.message}; skipped`);
    return undefined;
  }
  const lowering = LOWERINGS[h.kind];
  const props = lowering ? lowering(h) : genericProps(h);
  if (isAwsAuth(h)) Object.assign(props, lowerAwsAuth(h, (message) => sink.warning('k8s/aws-auth-unreadable', file, line, message)));
  return makeEntity({
    id: h.id,
    kind: h.kind,
    name: h.name,
    namespace: h.namespace,
    props,
    source: { file, line, format: 'kubernetes' },
  });
}

function genericProps(h: ObjectHeader): Record<string, PropValue> {
  const props: Record<string, PropValue> = { apiVersion: h.apiVersion, kind: h.typeKind };
  const labels = labelsOf(h.meta);
  if (labels) props['labels'] = labels;
  Object.assign(props, lowerNetworkExtras(h), lowerKarpenter(h));
  return props;
}
