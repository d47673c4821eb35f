/** Markdown: the resource inventory, entities grouped by kind, with key properties and provenance. */
import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import { ENTITY_KINDS, type EntityKind } from '../../model/kinds.js';
import type { ModelIndex } from '../../views/model-index.js';
import { escapeMarkdown, escapeMarkdownCell, table } from './escape.js';
import { propText } from './prop-text.js';

/** Rows per kind; the JSON output has every entity. */
export const MAX_INVENTORY_ROWS = 200;
const MAX_SOURCES = 3;

/** Properties worth a glance in the inventory, per kind (others: the JSON output). */
const KEY_PROPS: Partial<Record<EntityKind, readonly string[]>> = {
  Vpc: ['vpcId', 'cidr'],
  Subnet: ['subnetId', 'cidr', 'az', 'topology'],
  InternetGateway: [],
  NatGateway: [],
  RouteTable: [],
  SecurityGroup: ['groupId'],
  Cluster: ['version', 'region', 'authenticationMode', 'endpointPublicAccess'],
  NodeGroup: ['nodeGroupType', 'instanceTypes', 'capacityType', 'minSize', 'desiredCapacity', 'maxSize'],
  FargateProfile: ['selectors'],
  Node: ['instanceType', 'zone', 'computeType', 'kubeletVersion'],
  Deployment: ['replicas', 'serviceAccount'],
  StatefulSet: ['replicas', 'serviceAccount'],
  DaemonSet: ['serviceAccount'],
  ReplicaSet: ['replicas', 'ownerName'],
  Job: ['ownerName'],
  Pod: ['nodeName', 'phase', 'ownerKind', 'ownerName'],
  Service: ['serviceType', 'loadBalancerClass'],
  Ingress: ['ingressClassName'],
  LoadBalancer: ['lbType', 'scheme', 'basis', 'hostname'],
  IamRole: ['roleName', 'arn', 'external'],
  ServiceAccount: ['roleArn'],
  Addon: ['version'],
  PersistentVolumeClaim: ['storageClass', 'volumeName'],
  PersistentVolume: ['driver', 'zone', 'capacity'],
  AwsResource: ['cfnType'],
  KubernetesObject: ['apiVersion', 'kind'],
};
const ALWAYS_PROPS = ['conditional'];

/** The inventory section: its heading and introduction, then one block of lines per kind. */
export function* renderInventory(ix: ModelIndex): Generator<string[], void, undefined> {
  const out = ['## Inventory', ''];
  const kinds = ENTITY_KINDS.filter((k) => ix.ofKind(k).length > 0);
  if (kinds.length === 0) {
    yield [...out, 'No entities.', ''];
    return;
  }
  yield [...out, 'Every entity of the model, grouped by kind. `(default)` marks a value filled from a documented default;',
    'origin `default` marks an entity that exists only because of a default. Sources are `file:line`.', ''];
  for (const kind of kinds) yield kindTable(kind, ix.ofKind(kind));
}

function kindTable(kind: EntityKind, entities: readonly Entity[]): string[] {
  const namespaced = entities.some((e) => e.namespace !== undefined);
  const headers = ['name', ...(namespaced ? ['namespace'] : []), 'key properties', 'origin', 'sources'];
  const rows = entities.slice(0, MAX_INVENTORY_ROWS).map((e) => [
    escapeMarkdownCell(e.name),
    ...(namespaced ? [escapeMarkdownCell(e.namespace ?? '')] : []),
    escapeMarkdownCell(keyProps(e)),
    escapeMarkdownCell(origin(e)),
    escapeMarkdownCell(sourcesText(e)),
  ]);
  const out = [`### ${kind} (${entities.length})`, '', ...table(headers, rows), ''];
  if (entities.length > MAX_INVENTORY_ROWS) {
    out.push(`${entities.length - MAX_INVENTORY_ROWS} more ${escapeMarkdown(kind)} entities are in the JSON output.`, '');
  }
  return out;
}

function keyProps(e: Entity): string {
  const keys = [...(KEY_PROPS[e.kind] ?? []), ...ALWAYS_PROPS];
  const parts: string[] = [];
  for (const key of keys) {
    const text = propText(e, key);
    if (text !== undefined) parts.push(`${key}: ${text}`);
  }
  return parts.join(' · ');
}

function origin(e: Entity): string {
  const formats = [...new Set(e.sources.map((s) => s.format))].sort(cmp);
  return e.defaulted.includes('@entity') ? `default (${formats.join(', ')})` : formats.join(', ');
}

function sourcesText(e: Entity): string {
  const sorted = [...e.sources].sort((a, b) => cmp(a.file, b.file) || a.line - b.line);
  const all = [...new Set(sorted.map((s) => `${s.file}:${s.line}`))];
  const shown = all.slice(0, MAX_SOURCES).join(', ');
  return all.length > MAX_SOURCES ? `${shown} +${all.length - MAX_SOURCES} more` : shown;
}
