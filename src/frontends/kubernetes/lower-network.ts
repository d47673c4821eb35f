/** Service, Ingress, NetworkPolicy, and the props of IngressClass / EndpointSlice / TargetGroupBinding. */
import { asArray, asNumber, asObject, asString, asStringArray, asStringMap, type JsonObject } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { toProps, type IngressProps, type ServiceProps } from '../../model/props.js';
import { annotation, labelsOf, pickAnnotations, type ObjectHeader } from './object-meta.js';
import { expressions, nonEmpty } from './lower-workloads.js';

export function lowerService(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const ports: NonNullable<ServiceProps['ports']> = [];
  for (const raw of asArray(spec?.['ports'])) {
    const p = asObject(raw);
    const port = asNumber(p?.['port']);
    if (!p || port === undefined) continue;
    const entry: (typeof ports)[number] = { port };
    const target = p['targetPort'];
    if (typeof target === 'number' || typeof target === 'string') entry.targetPort = target;
    const name = asString(p['name']);
    if (name) entry.name = name;
    const protocol = asString(p['protocol']);
    if (protocol) entry.protocol = protocol;
    ports.push(entry);
  }
  const props: ServiceProps & { labels?: Record<string, string> } = {
    serviceType: asString(spec?.['type']) ?? 'ClusterIP',
    selector: nonEmpty(asStringMap(spec?.['selector'])),
    ports: ports.length ? ports : undefined,
    loadBalancerClass: asString(spec?.['loadBalancerClass']),
    loadBalancerSourceRanges: nonEmptyList(asStringArray(spec?.['loadBalancerSourceRanges'])),
    lbAnnotations: pickAnnotations(h.meta),
    lbHostnames: lbHostnames(h.obj),
    labels: labelsOf(h.meta),
  };
  return toProps(props);
}

export function lowerIngress(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const backends: NonNullable<IngressProps['backends']> = [];
  for (const rawRule of asArray(spec?.['rules'])) {
    const rule = asObject(rawRule);
    const host = asString(rule?.['host']);
    for (const rawPath of asArray(asObject(rule?.['http'])?.['paths'])) {
      const p = asObject(rawPath);
      const b = backendOf(asObject(p?.['backend']));
      if (!b) continue;
      const path = asString(p?.['path']);
      backends.push({ ...b, ...(path ? { path } : {}), ...(host ? { host } : {}) });
    }
  }
  const def = backendOf(asObject(spec?.['defaultBackend']) ?? asObject(spec?.['backend']));
  if (def) backends.push(def);
  const tlsEntries = asArray(spec?.['tls']);
  const tls = tlsEntries
    .map((t) => asString(asObject(t)?.['secretName']))
    .filter((s): s is string => s !== undefined);
  const props: IngressProps = {
    ingressClassName: asString(spec?.['ingressClassName']) ?? annotation(h.meta, 'kubernetes.io/ingress.class'),
    backends: backends.length ? backends : undefined,
    lbAnnotations: pickAnnotations(h.meta),
    lbHostnames: lbHostnames(h.obj),
    tlsSecrets: tls.length ? [...new Set(tls)].sort() : undefined,
    tls: tlsEntries.length > 0 ? true : undefined,
    defaultBackend: def?.service,
  };
  return toProps(props);
}

/** `backend.service.{name, port.{number|name}}` (networking/v1) or `serviceName/servicePort` (v1beta1). */
function backendOf(b: JsonObject | undefined): { service: string; port?: string | number } | undefined {
  if (!b) return undefined;
  const svc = asObject(b['service']);
  const name = asString(svc?.['name']) ?? asString(b['serviceName']);
  if (!name) return undefined;
  const portObj = asObject(svc?.['port']);
  const legacy = b['servicePort'];
  const port = asNumber(portObj?.['number']) ?? asString(portObj?.['name']) ?? (typeof legacy === 'number' || typeof legacy === 'string' ? legacy : undefined);
  return port === undefined ? { service: name } : { service: name, port };
}

function lbHostnames(obj: JsonObject): string[] | undefined {
  const ingress = asArray(asObject(asObject(asObject(obj['status'])?.['loadBalancer']))?.['ingress']);
  const out = ingress.map((i) => asString(asObject(i)?.['hostname']) ?? asString(asObject(i)?.['ip'])).filter((x): x is string => x !== undefined);
  return out.length ? out : undefined;
}

export function lowerNetworkPolicy(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  const sel = asObject(spec?.['podSelector']);
  return toProps({
    podSelector: asStringMap(sel?.['matchLabels']) ?? {},
    podSelectorExpressions: expressions(sel),
    policyTypes: nonEmptyList(asStringArray(spec?.['policyTypes'])),
  });
}

/** Props of the KubernetesObject kinds the model knows something about. */
export function lowerNetworkExtras(h: ObjectHeader): Record<string, PropValue> {
  const spec = asObject(h.obj['spec']);
  switch (h.typeKind) {
    case 'IngressClass':
      return toProps({
        controller: asString(spec?.['controller']),
        isDefaultClass: annotation(h.meta, 'ingressclass.kubernetes.io/is-default-class') === 'true' ? true : undefined,
        parameters: asString(asObject(spec?.['parameters'])?.['name']),
      });
    case 'EndpointSlice':
      return toProps({ serviceName: labelsOf(h.meta)?.['kubernetes.io/service-name'] });
    case 'TargetGroupBinding': {
      const ref = asObject(spec?.['serviceRef']);
      const port = ref?.['port'];
      return toProps({
        serviceName: asString(ref?.['name']),
        servicePort: typeof port === 'number' || typeof port === 'string' ? port : undefined,
        targetGroupARN: asString(spec?.['targetGroupARN']),
        targetGroupName: asString(spec?.['targetGroupName']),
        targetType: asString(spec?.['targetType']),
      });
    }
    default:
      return {};
  }
}

function nonEmptyList(list: string[]): string[] | undefined {
  return list.length ? list : undefined;
}
