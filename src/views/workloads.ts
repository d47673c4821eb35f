/**
 * Workloads and traffic, one diagram per namespace: Internet → LoadBalancer → Ingress → Service →
 * workload ×replicas. Pods collapse into their top-level owner (Pod → ReplicaSet → Deployment) with a
 * count. Beyond MAX_NAMESPACE_DIAGRAMS namespaces, the smaller ones share one summary diagram.
 */
import { own } from '../core/guards.js';
import { cmp } from '../core/order.js';
import type { Entity } from '../model/entity.js';
import { k8sId } from '../model/ids.js';
import { displayValue, propNumber, propString } from '../model/read.js';
import { DiagramBuilder, addMoreNode, topN } from './builder.js';
import { Facts, listText, plural } from './format.js';
import { subnetSpread } from './group-zones.js';
import type { ModelIndex } from './model-index.js';
import { collectNamespaces, ownerKey, type NamespaceContent, type Owner } from './namespace-content.js';
import { slugPart, uniqueSlug } from './util.js';
import type { Diagram } from './types.js';

export const MAX_NAMESPACE_DIAGRAMS = 25;
const MAX_WORKLOADS = 40;
const MAX_SERVICES = 30;
const MAX_INGRESSES = 15;
const MAX_LOAD_BALANCERS = 10;
const MAX_SUMMARY_NAMESPACES = 60;
const INTERNET = 'internet';

export function buildWorkloadViews(ix: ModelIndex): Diagram[] {
  const all = collectNamespaces(ix);
  const { kept, omitted } = topN(all, MAX_NAMESPACE_DIAGRAMS, (n) => n.size);
  const slugs = new Set<string>();
  const diagrams = kept.map((ns) => buildNamespace(ix, ns, uniqueSlug(slugs, `workloads/${slugPart(ns.name)}`)));
  if (omitted.length > 0) diagrams.push(buildSummary(omitted, uniqueSlug(slugs, 'workloads/other-namespaces')));
  return diagrams;
}

function buildNamespace(ix: ModelIndex, ns: NamespaceContent, slug: string): Diagram {
  const b = new DiagramBuilder();
  const nsKey = `namespace:${ns.name}`;
  b.group(nsKey, `namespace ${ns.name}`);

  // Traffic entry points first so that the flow reads left to right.
  const lbs = new Map<string, Entity>();
  for (const target of [...ns.ingresses, ...ns.services]) {
    for (const r of ix.in(target.id, 'routes-to', ['LoadBalancer'])) {
      const lb = ix.get(r.from);
      if (lb) lbs.set(lb.id, lb);
    }
  }
  const lbPick = topN([...lbs.values()].sort((a, x) => cmp(a.id, x.id)), MAX_LOAD_BALANCERS, () => 0);
  for (const lb of lbPick.kept) addLoadBalancer(ix, b, lb);
  addMoreNode(b, `more:lbs:${ns.name}`, lbPick.omitted.map((e) => e.id), 'load balancers');

  const ingPick = topN(ns.ingresses, MAX_INGRESSES, () => 0);
  for (const ing of ingPick.kept) addIngress(b, ing, nsKey);
  addMoreNode(b, `more:ingresses:${ns.name}`, ingPick.omitted.map((e) => e.id), 'ingresses', [], nsKey);

  const svcPick = topN(ns.services, MAX_SERVICES, (s) => ix.out(s.id, 'selects').length);
  for (const svc of svcPick.kept) addService(b, svc, nsKey);
  addMoreNode(b, `more:services:${ns.name}`, svcPick.omitted.map((e) => e.id), 'services', [], nsKey);

  const wlPick = topN(ns.owners, MAX_WORKLOADS, (o) => o.pods + (o.entity ? (propNumber(o.entity, 'replicas') ?? 0) : 0));
  for (const o of wlPick.kept) addOwner(b, o, nsKey);
  const omittedPods = wlPick.omitted.reduce((n, o) => n + o.pods, 0);
  addMoreNode(b, `more:workloads:${ns.name}`, wlPick.omitted.map((o) => o.key), 'workloads', [plural(omittedPods, 'pod')], nsKey);

  for (const lb of lbs.values()) {
    for (const r of ix.out(lb.id, 'routes-to', ['Ingress', 'Service'])) b.relationEdge(lb.id, r.to, r);
  }
  for (const ing of ns.ingresses) addIngressEdges(ix, b, ing);
  for (const svc of ns.services) {
    for (const r of ix.out(svc.id, 'selects')) {
      const target = ix.get(r.to);
      if (target) b.relationEdge(svc.id, ownerKey(ix, target), r);
    }
  }
  return b.build('workloads', slug, `Workloads and traffic: namespace ${ns.name}`, 'LR');
}

function addLoadBalancer(ix: ModelIndex, b: DiagramBuilder, lb: Entity): void {
  const lbType = propString(lb, 'lbType');
  const f = new Facts(lb).text(lbType ? `${own(LB_TYPE_TEXT, lbType) ?? lbType} load balancer` : 'load balancer')
    .prop('scheme').prop('hostname').prop('basis', '', (v) => own(BASIS_TEXT, displayValue(v)) ?? displayValue(v));
  const placed = ix.in(lb.id, 'contains', ['Subnet']);
  const spread = subnetSpread(placed.map((r) => ix.get(r.from)).filter((s): s is Entity => s !== undefined));
  const weakest = placed.find((r) => r.confidence === 'low') ?? placed.find((r) => r.confidence === 'medium');
  f.text(spread && `in ${spread}${weakest ? ` (${weakest.rule} · ${weakest.confidence})` : ''}`);
  const predicted = propString(lb, 'basis') === 'predicted';
  b.node({ key: lb.id, entity: lb.id, title: lb.name, lines: f.lines, shape: 'hexagon', classes: f.classes(predicted ? ['unresolved'] : []) });
  if (propString(lb, 'scheme') === 'internet-facing') {
    b.node({ key: INTERNET, title: 'Internet', lines: [], shape: 'circle', classes: [] });
    b.edge(INTERNET, lb.id, 'high');
  }
}

const BASIS_TEXT: Readonly<Record<string, string>> = { declared: 'declared in CloudFormation', observed: 'seen in Kubernetes status', predicted: 'predicted from annotations' };

const LB_TYPE_TEXT: Readonly<Record<string, string>> = { application: 'application (ALB)', network: 'network (NLB)', classic: 'classic (CLB)', gateway: 'gateway (GWLB)' };

function addIngress(b: DiagramBuilder, ing: Entity, nsKey: string): void {
  const hosts = [...new Set(backendsOf(ing).map((x) => x.host).filter((h): h is string => h !== undefined))].sort(cmp);
  const f = new Facts(ing).text('Ingress').prop('ingressClassName', 'class ').text(hosts.length ? `hosts: ${listText(hosts, 2)}` : undefined);
  b.node({ key: ing.id, entity: ing.id, title: ing.name, lines: f.lines, shape: 'box', classes: f.classes(), group: nsKey });
}

/** Ingress → Service from `routes-to` relations, else from the Ingress's declared backends (same namespace). */
function addIngressEdges(ix: ModelIndex, b: DiagramBuilder, ing: Entity): void {
  const rels = ix.out(ing.id, 'routes-to', ['Service']);
  for (const r of rels) b.relationEdge(ing.id, r.to, r);
  if (rels.length > 0) return;
  for (const be of backendsOf(ing)) {
    const id = k8sId('Service', ing.namespace, be.service);
    if (ix.get(id)) b.edge(ing.id, id, 'high', be.path);
  }
}

function addService(b: DiagramBuilder, svc: Entity, nsKey: string): void {
  const ports = portsOf(svc);
  const f = new Facts(svc).prop('serviceType', 'Service · ').text(ports.length ? `ports ${listText(ports, 3)}` : undefined);
  if (f.lines.length === 0 || !f.lines[0]?.startsWith('Service')) f.lines.unshift('Service');
  b.node({ key: svc.id, entity: svc.id, title: svc.name, lines: f.lines, shape: 'round', classes: f.classes(), group: nsKey });
}

function addOwner(b: DiagramBuilder, o: Owner, nsKey: string): void {
  const lines: string[] = [];
  if (o.entity) {
    const f = new Facts(o.entity).text(o.kind);
    if (o.entity.props['replicas'] !== undefined) f.prop('replicas', '×', (v) => (v === 1 ? '1 replica' : `${displayValue(v)} replicas`));
    if (o.pods > 0 || o.kind !== 'Pod') f.text(plural(o.pods, 'pod'));
    const images = containerImages(o.entity);
    if (images.length > 0) f.text(listText(images, 1));
    b.node({ key: o.key, entity: o.entity.id, title: o.name, lines: f.lines, shape: 'box', classes: f.classes(), group: nsKey });
    return;
  }
  lines.push(`${o.kind} (not in inputs)`, plural(o.pods, 'pod'));
  b.node({ key: o.key, title: o.name, lines, shape: 'box', classes: ['external'], group: nsKey });
}

function buildSummary(namespaces: readonly NamespaceContent[], slug: string): Diagram {
  const b = new DiagramBuilder();
  const sorted = [...namespaces].sort((a, x) => cmp(a.name, x.name));
  const { kept, omitted } = topN(sorted, MAX_SUMMARY_NAMESPACES, (n) => n.size);
  for (const ns of kept) {
    const lines = [plural(ns.owners.length, 'workload'), plural(ns.pods, 'pod'), plural(ns.services.length, 'service')];
    if (ns.ingresses.length > 0) lines.push(plural(ns.ingresses.length, 'ingress', 'ingresses'));
    b.node({ key: `namespace:${ns.name}`, title: `namespace ${ns.name}`, lines, shape: 'box', classes: [] });
  }
  addMoreNode(b, 'more:namespaces', omitted.map((n) => `namespace:${n.name}`), 'namespaces', [plural(omitted.reduce((n, x) => n + x.pods, 0), 'pod')]);
  b.note(`${plural(namespaces.length, 'smaller namespace')} summarised here (one diagram per namespace is drawn for the ${MAX_NAMESPACE_DIAGRAMS} largest).`);
  return b.build('workloads', slug, 'Workloads: other namespaces', 'LR');
}

function backendsOf(ing: Entity): { service: string; path?: string; host?: string }[] {
  const out: { service: string; path?: string; host?: string }[] = [];
  for (const item of records(ing.props['backends'])) {
    if (!('service' in item) || typeof item.service !== 'string') continue;
    const path = 'path' in item && typeof item.path === 'string' ? item.path : undefined;
    const host = 'host' in item && typeof item.host === 'string' ? item.host : undefined;
    out.push({ service: item.service, ...(path !== undefined ? { path } : {}), ...(host !== undefined ? { host } : {}) });
  }
  return out;
}

function portsOf(svc: Entity): string[] {
  return records(svc.props['ports']).flatMap((p) => {
    if (!('port' in p) || typeof p.port !== 'number') return [];
    const target = 'targetPort' in p && (typeof p.targetPort === 'number' || typeof p.targetPort === 'string') ? `→${p.targetPort}` : '';
    const proto = 'protocol' in p && typeof p.protocol === 'string' && p.protocol !== 'TCP' ? `/${p.protocol}` : '';
    return [`${p.port}${target}${proto}`];
  });
}

function containerImages(e: Entity): string[] {
  return records(e.props['containers']).flatMap((c) => ('image' in c && typeof c.image === 'string' ? [c.image] : []));
}

/** The object items of an array property (anything else is ignored). */
function records(value: unknown): object[] {
  return Array.isArray(value) ? (value as unknown[]).filter((x): x is object => typeof x === 'object' && x !== null) : [];
}
