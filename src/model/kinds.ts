/**
 * The public vocabulary of the model (part of the JSON contract, see docs/model.md).
 * Add new strings at the end; never rename one.
 */
export const ENTITY_KINDS = [
  'Vpc',
  'Subnet',
  'InternetGateway',
  'NatGateway',
  'RouteTable',
  'SecurityGroup',
  'Cluster',
  'NodeGroup',
  'FargateProfile',
  'Node',
  'Namespace',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
  'Service',
  'Ingress',
  'LoadBalancer',
  'IamRole',
  'ServiceAccount',
  'Addon',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'ConfigMap',
  'Secret',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'AwsResource',
  'KubernetesObject',
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * Relation types, read as a sentence from `from` to `to`:
 * `Vpc contains Subnet`, `Deployment owns ReplicaSet`, `Pod runs-on Node`, `Node member-of NodeGroup`,
 * `Service selects Pod`, `LoadBalancer routes-to Ingress`, `ServiceAccount assumes IamRole`,
 * `Pod uses ConfigMap`, `PersistentVolumeClaim bound-to PersistentVolume`, `Subnet depends-on Vpc`.
 */
export const RELATION_TYPES = [
  'contains',
  'owns',
  'runs-on',
  'member-of',
  'selects',
  'routes-to',
  'assumes',
  'uses',
  'bound-to',
  'depends-on',
] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Input formats a document can be classified as. */
export const INPUT_FORMATS = ['cloudformation', 'eksctl', 'kubernetes'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
