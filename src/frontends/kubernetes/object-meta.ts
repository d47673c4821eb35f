/**
 * What every Kubernetes object shares: its type (group, kind), name, namespace and entity id, plus the
 * allow-lists of annotations the model keeps (never the whole bag: annotations can carry secrets,
 * `last-applied-configuration` above all).
 */
import { type JsonObject, asObject, asString, asStringMap, setOwn } from '../../core/guards.js';
import { k8sId, k8sObjectId } from '../../model/ids.js';
import type { EntityKind } from '../../model/kinds.js';

/** Contract kinds by `group/kind` (core group is empty). Other kinds become `KubernetesObject`. */
const CONTRACT_KINDS: ReadonlyMap<string, EntityKind> = new Map<string, EntityKind>([
  ['/Namespace', 'Namespace'],
  ['/Node', 'Node'],
  ['/Pod', 'Pod'],
  ['/Service', 'Service'],
  ['/ServiceAccount', 'ServiceAccount'],
  ['/PersistentVolumeClaim', 'PersistentVolumeClaim'],
  ['/PersistentVolume', 'PersistentVolume'],
  ['/ConfigMap', 'ConfigMap'],
  ['/Secret', 'Secret'],
  ['apps/Deployment', 'Deployment'],
  ['apps/StatefulSet', 'StatefulSet'],
  ['apps/DaemonSet', 'DaemonSet'],
  ['apps/ReplicaSet', 'ReplicaSet'],
  ['extensions/Deployment', 'Deployment'],
  ['extensions/DaemonSet', 'DaemonSet'],
  ['extensions/ReplicaSet', 'ReplicaSet'],
  ['batch/Job', 'Job'],
  ['batch/CronJob', 'CronJob'],
  ['networking.k8s.io/Ingress', 'Ingress'],
  ['extensions/Ingress', 'Ingress'],
  ['networking.k8s.io/NetworkPolicy', 'NetworkPolicy'],
  ['extensions/NetworkPolicy', 'NetworkPolicy'],
  ['storage.k8s.io/StorageClass', 'StorageClass'],
  ['policy/PodDisruptionBudget', 'PodDisruptionBudget'],
  ['autoscaling/HorizontalPodAutoscaler', 'HorizontalPodAutoscaler'],
]);

/** Cluster-scoped kinds: their ids carry no namespace even if a file writes one. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'IngressClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'PriorityClass', 'RuntimeClass', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'PodSecurityPolicy',
  'NodePool', 'EC2NodeClass', 'NodeClaim', 'ENIConfig', 'ClusterIssuer', 'IngressClassParams',
]);

export interface ObjectHeader {
  readonly obj: JsonObject;
  readonly apiVersion: string;
  readonly group: string;
  readonly typeKind: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly id: string;
  readonly meta: JsonObject;
  /** True when the namespace was not written and `default` was assumed. */
  readonly namespaceDefaulted: boolean;
}

/** Why an object has no identity: its diagnostic code and message. */
export interface HeaderProblem {
  readonly code: 'k8s/unnamed-object' | 'k8s/invalid-name';
  readonly message: string;
}

/** Reads the identity of an object, or why it has none (no kind, no name, a name no API server takes). */
export function readHeader(obj: JsonObject): ObjectHeader | HeaderProblem {
  const apiVersion = asString(obj['apiVersion']) ?? '';
  const typeKind = asString(obj['kind']);
  if (!typeKind) return { code: 'k8s/unnamed-object', message: 'object without kind' };
  const meta = asObject(obj['metadata']) ?? {};
  const name = asString(meta['name']) ?? generatedName(meta);
  if (!name) return { code: 'k8s/unnamed-object', message: `${typeKind} without metadata.name` };
  const nameField = asString(meta['name']) === undefined ? 'metadata.generateName' : 'metadata.name';
  const invalid = invalidPathSegment(name) ? nameField : invalidPathSegment(asString(meta['namespace'])) ? 'metadata.namespace' : undefined;
  if (invalid) return { code: 'k8s/invalid-name', message: `${typeKind} whose ${invalid} contains '/' or is '.' or '..', which no API server accepts` };
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const kind = CONTRACT_KINDS.get(`${group}/${typeKind}`) ?? 'KubernetesObject';
  const scoped = CLUSTER_SCOPED.has(typeKind);
  const written = asString(meta['namespace']);
  // Namespaced contract kinds without a namespace land in `default` (kubectl's default context namespace).
  const namespace = scoped ? undefined : (written ?? (kind === 'KubernetesObject' ? undefined : 'default'));
  const id = kind === 'KubernetesObject' ? k8sObjectId(group, typeKind, namespace, name) : k8sId(kind, namespace, name);
  return { obj, apiVersion, group, typeKind, kind, name, namespace, id, meta, namespaceDefaulted: !scoped && written === undefined && namespace !== undefined };
}

/**
 * Names and namespaces are URL path segments to the API server: never `.` or `..`, never with a `/`
 * (it validates every kind's name so, whatever else its kind allows). Ids join namespace and name
 * with `/`, so such a name would make two different objects one entity (`a` + `b/c`, `a/b` + `c`).
 */
function invalidPathSegment(segment: string | undefined): boolean {
  return segment !== undefined && (segment.includes('/') || segment === '.' || segment === '..');
}

function generatedName(meta: JsonObject): string | undefined {
  const g = asString(meta['generateName']);
  return g ? `${g}*` : undefined;
}

export function labelsOf(meta: JsonObject): Record<string, string> | undefined {
  const labels = asStringMap(meta['labels']);
  return labels && Object.keys(labels).length > 0 ? labels : undefined;
}

/** Annotations kept for load balancers (Service and Ingress). */
const LB_ANNOTATION = /^(service\.beta\.kubernetes\.io\/aws-load-balancer-|service\.beta\.kubernetes\.io\/load-balancer-source-ranges$|alb\.ingress\.kubernetes\.io\/|service\.kubernetes\.io\/|kubernetes\.io\/ingress\.class$|external-dns\.alpha\.kubernetes\.io\/hostname$)/;

/** Only the annotations matching `keep`; `undefined` when none. */
export function pickAnnotations(meta: JsonObject, keep: RegExp = LB_ANNOTATION): Record<string, string> | undefined {
  const all = asObject(meta['annotations']);
  if (!all) return undefined;
  let out: Record<string, string> | undefined;
  for (const [k, v] of Object.entries(all)) {
    if (!keep.test(k)) continue;
    const s = asString(v);
    if (s !== undefined) setOwn((out ??= {}), k, s);
  }
  return out;
}

export function annotation(meta: JsonObject, key: string): string | undefined {
  return asString(asObject(meta['annotations'])?.[key]);
}

/** The controller owner reference (`controller: true`, else the first one). */
export function controllerOwner(meta: JsonObject): { ownerKind?: string; ownerName?: string; ownerUid?: string } {
  const refs = Array.isArray(meta['ownerReferences']) ? meta['ownerReferences'] : [];
  const objs = refs.map((r) => asObject(r)).filter((r): r is JsonObject => r !== undefined);
  const ref = objs.find((r) => r['controller'] === true) ?? objs[0];
  if (!ref) return {};
  const out: { ownerKind?: string; ownerName?: string; ownerUid?: string } = {};
  const kind = asString(ref['kind']);
  const name = asString(ref['name']);
  const uid = asString(ref['uid']);
  if (kind) out.ownerKind = kind;
  if (name) out.ownerName = name;
  if (uid) out.ownerUid = uid;
  return out;
}
