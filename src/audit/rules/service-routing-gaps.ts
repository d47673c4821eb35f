import type { Entity, PropValue } from '../../model/entity.js';
import { k8sId } from '../../model/ids.js';
import { propMap, propStrings } from '../../model/read.js';
import { WORKLOAD_KINDS } from '../../passes/link/kubernetes/k8s-index.js';
import { defineRule, type RuleContext } from '../rule.js';

/**
 * NET-11: traffic is routed to nothing. A Service whose selector matches no pod and no workload pod
 * template (no J25 `selects` relation); an Ingress backend naming a Service that no input defines (the
 * J28 `danglingRefs` entry) or a port that the existing Service does not expose. Only namespaces the
 * inputs show the contents of are judged: a Service when its namespace has a pod or a workload in the
 * model, an Ingress when its namespace has a Service (a file holding only the Ingress says nothing
 * about the Services). `port.name: use-annotation` backends (ALB actions) and Services without known
 * ports are not port-checked. Container ports (J26) are not checked: declaring them is optional.
 */
export default defineRule({
  id: 'net/dangling-service-route',
  check: 'NET-11',
  severity: 'warning',
  description: 'A Service selects no pods, or an Ingress routes to a missing Service or port.',
  appliesTo: ['Service', 'Ingress'],
  run(entity, ctx) {
    const label = `${entity.kind} ${entity.namespace ?? ''}/${entity.name}`;
    const contents = namespaceContents(ctx);
    if (entity.kind === 'Service') {
      const selector = propMap(entity, 'selector');
      const keys = Object.keys(selector);
      if (keys.length === 0 || entity.props['serviceType'] === 'ExternalName') return;
      if (!contents.withWorkloads.has(entity.namespace ?? '')) return;
      if (ctx.relations.from(entity.id, 'selects').length > 0) return;
      const shown = keys.sort().map((k) => `${k}=${selector[k] ?? ''}`).join(',');
      ctx.report(entity, `${label}: selector ${shown} matches no pod or workload`);
      return;
    }
    if (!contents.withServices.has(entity.namespace ?? '')) return;
    const missing = propStrings(entity, 'danglingRefs').filter((r) => r.startsWith('Service/')).map((r) => r.slice('Service/'.length));
    for (const name of missing) ctx.report(entity, `${label}: backend Service ${name} does not exist`);
    for (const { service, port } of backends(entity)) {
      if (port === undefined || port === 'use-annotation' || missing.includes(service)) continue;
      const svc = ctx.graph.get(k8sId('Service', entity.namespace, service));
      const ports = svc ? servicePorts(svc) : [];
      if (ports.length === 0) continue;
      const found = ports.some((p) => (typeof port === 'number' ? p.port === port : p.name === port));
      if (!found) ctx.report(entity, `${label}: backend Service ${service} has no port ${port}`);
    }
  },
});


interface Contents {
  withWorkloads: Set<string>;
  withServices: Set<string>;
}

/** Namespaces with a pod or workload, and with a Service; once per audit run. */
const cache = new WeakMap<RuleContext, Contents>();

function namespaceContents(ctx: RuleContext): Contents {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const withWorkloads = new Set<string>();
  // An owned pod is in its owner's namespace (ownerReferences do not cross namespaces).
  for (const kind of WORKLOAD_KINDS) for (const e of ctx.graph.ofKind(kind)) withWorkloads.add(e.namespace ?? '');
  for (const pod of ctx.unowned('Pod')) withWorkloads.add(pod.namespace ?? '');
  const withServices = new Set(ctx.graph.ofKind('Service').map((s) => s.namespace ?? ''));
  const out = { withWorkloads, withServices };
  cache.set(ctx, out);
  return out;
}

/** Distinct (service, port) backends of an Ingress. */
function backends(ing: Entity): { service: string; port?: string | number }[] {
  const v = ing.props['backends'];
  if (!Array.isArray(v)) return [];
  const seen = new Set<string>();
  const out: { service: string; port?: string | number }[] = [];
  for (const b of v as readonly PropValue[]) {
    if (!b || typeof b !== 'object' || Array.isArray(b)) continue;
    const o = b as { readonly [k: string]: PropValue };
    const service = o['service'];
    const port = o['port'];
    if (typeof service !== 'string') continue;
    const p = typeof port === 'number' || typeof port === 'string' ? port : undefined;
    const key = `${service}\u0000${String(p)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p === undefined ? { service } : { service, port: p });
  }
  return out;
}

function servicePorts(svc: Entity): { port?: number; name?: string }[] {
  const v = svc.props['ports'];
  if (!Array.isArray(v)) return [];
  const out: { port?: number; name?: string }[] = [];
  for (const p of v as readonly PropValue[]) {
    if (!p || typeof p !== 'object' || Array.isArray(p)) continue;
    const o = p as { readonly [k: string]: PropValue };
    const port = o['port'];
    const name = o['name'];
    out.push({ ...(typeof port === 'number' ? { port } : {}), ...(typeof name === 'string' ? { name } : {}) });
  }
  return out;
}
