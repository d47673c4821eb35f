/**
 * What the dump reader skips at the text level, without parsing it. Most of a kubectl dump is never
 * read by the lowering (managedFields, status conditions, probes, resources…): skipping it saves
 * both parsing and the garbage of objects that would be dropped at once.
 *
 * Two forms, nested like the document:
 * - a deny-list, `{metadata: {managedFields: true}}`: the named keys are skipped, the rest is read;
 * - an allow-list, `keepOnly({name: ALL, labels: ALL})`: only the named keys are read.
 * `'[]'` applies to every entry of a sequence. Skipped keys are simply absent from the result.
 *
 * The allow-lists per kind (`ITEM_PRUNE.byKind`) must name every field that kind's lowering reads
 * (lower-workloads.ts, pod-spec.ts, object-meta.ts); the tests compare the entities read with them
 * against the general loader on every corpus dump and on the generated fixture. They take effect at
 * `kind`, which kubectl writes (keys sorted) after `apiVersion` and before `metadata`, `spec` and
 * `status`; in hand-ordered files the keys before `kind` are read with the deny-list.
 */

/** Marks an allow-list: keys it does not name are skipped. */
export const OTHER_KEYS: unique symbol = Symbol('other keys');

export interface Prune {
  readonly [key: string]: Prune | true;
  readonly [OTHER_KEYS]?: true;
}

/** Read the value whole. */
export const ALL: Prune = {};

/** An allow-list: only `keys` are read. */
export function keepOnly(keys: Readonly<Record<string, Prune>>): Prune {
  return { ...keys, [OTHER_KEYS]: true };
}

/** The rule for `key` inside a value read with `prune`: `true` skips it, `undefined` reads it whole. */
export function subPrune(prune: Prune | undefined, key: string): Prune | true | undefined {
  if (prune === undefined) return undefined;
  return Object.hasOwn(prune, key) ? prune[key] : prune[OTHER_KEYS];
}

/** The rule for the entries of a sequence read with `prune`. */
export function entryPrune(prune: Prune | undefined): Prune | undefined {
  const p = prune !== undefined && Object.hasOwn(prune, '[]') ? prune['[]'] : undefined;
  return typeof p === 'object' ? p : undefined;
}

/** How one list item is read: `generic` until its kind is known, then the kind's list if it has one. */
export interface ItemPrune {
  readonly generic: Prune;
  /** By `group/kind`, the core group being empty (`/Pod`, `apps/Deployment`). */
  readonly byKind: ReadonlyMap<string, Prune>;
}

/** The allow-list for an object of `apiVersion`/`kind`, if there is one. */
export function kindPrune(item: ItemPrune, apiVersion: unknown, kind: unknown): Prune | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return item.byKind.get(`${slash < 0 ? '' : apiVersion.slice(0, slash)}/${kind}`);
}

/** Container fields the model never reads (args and command could carry secrets anyway). */
const CONTAINER_PRUNE: Prune = {
  args: true, command: true, resources: true, volumeMounts: true, livenessProbe: true, readinessProbe: true, startupProbe: true,
  lifecycle: true, terminationMessagePath: true, terminationMessagePolicy: true, imagePullPolicy: true,
};
const POD_SPEC_PRUNE: Prune = { containers: { '[]': CONTAINER_PRUNE }, initContainers: { '[]': CONTAINER_PRUNE }, affinity: true, tolerations: true };

/** Values no lowering reads, for any kind. */
const GENERIC_PRUNE: Prune = {
  metadata: { managedFields: true, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': true } },
  spec: { ...POD_SPEC_PRUNE, template: { spec: POD_SPEC_PRUNE }, jobTemplate: { spec: { template: { spec: POD_SPEC_PRUNE } } } },
  status: { conditions: true, containerStatuses: true, initContainerStatuses: true, ephemeralContainerStatuses: true, images: true, volumesInUse: true, volumesAttached: true },
};

/** A reference to a ConfigMap or Secret by `name` (or `secretName`), as `addRef` (pod-spec.ts) reads it. */
const REF_KEEP = keepOnly({ name: ALL, secretName: ALL, optional: ALL });

/** What `readContainer` (pod-spec.ts) reads. */
const CONTAINER_KEEP = keepOnly({
  name: ALL,
  image: ALL,
  // Whether a literal value exists is looked at, never the value itself.
  env: { '[]': keepOnly({ name: ALL, value: ALL, valueFrom: keepOnly({ configMapKeyRef: REF_KEEP, secretKeyRef: REF_KEEP }) }) },
  envFrom: { '[]': keepOnly({ configMapRef: REF_KEEP, secretRef: REF_KEEP }) },
  ports: { '[]': keepOnly({ containerPort: ALL }) },
  securityContext: keepOnly({ privileged: ALL }),
});

/** What `readVolume` (pod-spec.ts) reads: the kube-api-access projected volume's items are skipped. */
const VOLUME_KEEP = keepOnly({
  persistentVolumeClaim: keepOnly({ claimName: ALL }),
  configMap: REF_KEEP,
  secret: REF_KEEP,
  projected: keepOnly({ sources: { '[]': keepOnly({ configMap: REF_KEEP, secret: REF_KEEP }) } }),
});

/** What `readPodSpec` (pod-spec.ts) reads. */
const POD_SPEC_KEEP = keepOnly({
  containers: { '[]': CONTAINER_KEEP },
  initContainers: { '[]': CONTAINER_KEEP },
  serviceAccountName: ALL,
  serviceAccount: ALL,
  nodeName: ALL,
  nodeSelector: ALL,
  hostNetwork: ALL,
  volumes: { '[]': VOLUME_KEEP },
  imagePullSecrets: ALL,
});

/** What `readHeader`, `labelsOf` and `controllerOwner` (object-meta.ts) read, and the uid. */
const META_KEEP = keepOnly({
  name: ALL,
  generateName: ALL,
  namespace: ALL,
  uid: ALL,
  labels: ALL,
  ownerReferences: { '[]': keepOnly({ controller: ALL, kind: ALL, name: ALL, uid: ALL }) },
});

/** What `lowerPod` reads. */
const POD_KEEP = keepOnly({
  apiVersion: ALL,
  kind: ALL,
  metadata: META_KEEP,
  spec: POD_SPEC_KEEP,
  status: keepOnly({ phase: ALL, podIP: ALL, hostIP: ALL }),
});

/** What `lowerWorkload` reads for the kinds with a pod template at `spec.template` (not CronJob). */
const WORKLOAD_KEEP = keepOnly({
  apiVersion: ALL,
  kind: ALL,
  metadata: META_KEEP,
  spec: keepOnly({
    replicas: ALL,
    parallelism: ALL,
    selector: ALL,
    serviceName: ALL,
    volumeClaimTemplates: { '[]': keepOnly({ metadata: keepOnly({ name: ALL }) }) },
    template: keepOnly({ metadata: keepOnly({ labels: ALL }), spec: POD_SPEC_KEEP }),
  }),
  status: keepOnly({ readyReplicas: ALL }),
});

export const ITEM_PRUNE: ItemPrune = {
  generic: GENERIC_PRUNE,
  byKind: new Map([
    ['/Pod', POD_KEEP],
    ['apps/Deployment', WORKLOAD_KEEP],
    ['apps/ReplicaSet', WORKLOAD_KEEP],
    ['apps/StatefulSet', WORKLOAD_KEEP],
    ['apps/DaemonSet', WORKLOAD_KEEP],
    ['batch/Job', WORKLOAD_KEEP],
  ]),
};
