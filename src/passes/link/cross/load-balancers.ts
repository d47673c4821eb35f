/**
 * J30/J31/J32: `LoadBalancer routes-to Ingress` and `LoadBalancer routes-to Service`.
 *
 * One ALB per `alb.ingress.kubernetes.io/group.name` (cluster-wide, J30), else one per Ingress; one
 * NLB/CLB per `type: LoadBalancer` Service. A `status.loadBalancer.ingress[].hostname` makes the load
 * balancer observed (J31: real name, region, `internal-` scheme for ALB/CLB, NLB vs ALB/CLB by the
 * hostname shape); without it the kind, scheme and target type are predicted from class and
 * annotations (J29/J32; `basis: predicted`, defaults listed in `defaulted`). A load balancer declared
 * in CloudFormation whose name equals the observed one is used instead of a new entity.
 * Ids: `loadBalancerId('alb-group/<group>')`, `loadBalancerId('ingress/<ns>/<name>')`,
 * `loadBalancerId('service/<ns>/<name>')`.
 */
import { cmp } from '../../../core/order.js';
import { makeEntity, type Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { loadBalancerId } from '../../../model/ids.js';
import type { Confidence } from '../../../model/kinds.js';
import { toProps, type LoadBalancerProps } from '../../../model/props.js';
import { propBoolean, propMap, propString, propStrings } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { parseElbHostname, type ElbHostname } from './aws-names.js';
import { predictIngressLb, predictServiceLb, type PredictedLb } from './lb-predict.js';
import { firstSource } from './lookup.js';

export const loadBalancersPass: LinkPass = {
  rule: 'J31',
  description: 'Ingresses and LoadBalancer Services to their ALB/NLB/CLB (observed hostname or predicted)',
  run(graph) {
    const declared = new Map<string, Entity>();
    for (const lb of graph.ofKind('LoadBalancer')) declared.set(lb.name, lb);
    const defaultClass = graph
      .ofKind('KubernetesObject')
      .find((o) => o.id.startsWith('KubernetesObject:networking.k8s.io/IngressClass:') && propBoolean(o, 'isDefaultClass') === true);
    for (const ing of graph.ofKind('Ingress')) {
      const predicted = predictIngressLb(graph, ing, defaultClass);
      if (!predicted) continue;
      const group = propMap(ing, 'lbAnnotations')['alb.ingress.kubernetes.io/group.name'];
      const key = group ? `alb-group/${group}` : `ingress/${ing.namespace ?? 'default'}/${ing.name}`;
      const lb = upsert(graph, declared, key, group ? `k8s-${group}` : `k8s-${ing.namespace ?? 'default'}-${ing.name}`, ing, predicted);
      if (lb) graph.addRelation({ type: 'routes-to', from: lb.entity.id, to: ing.id, confidence: lb.confidence, rule: group ? 'J30' : lb.rule });
    }
    for (const svc of graph.ofKind('Service')) {
      if (propString(svc, 'serviceType') !== 'LoadBalancer') continue;
      const ns = svc.namespace ?? 'default';
      const lb = upsert(graph, declared, `service/${ns}/${svc.name}`, `k8s-${ns}-${svc.name}`, svc, predictServiceLb(svc));
      if (lb) graph.addRelation({ type: 'routes-to', from: lb.entity.id, to: svc.id, confidence: lb.confidence, rule: lb.rule });
    }
  },
};

function observedHost(e: Entity): { hostname: string; parsed: ElbHostname } | undefined {
  for (const hostname of propStrings(e, 'lbHostnames').sort(cmp)) {
    const parsed = parseElbHostname(hostname);
    if (parsed) return { hostname, parsed };
  }
  return undefined;
}

function upsert(
  graph: ModelGraph,
  declared: ReadonlyMap<string, Entity>,
  key: string,
  predictedName: string,
  target: Entity,
  predicted: PredictedLb,
): { entity: Entity; confidence: Confidence; rule: string } | undefined {
  const source = firstSource(target);
  if (!source) return undefined;
  const seen = observedHost(target);
  if (!seen) {
    const props = toProps<LoadBalancerProps>({ ...lbProps(predicted), basis: 'predicted' });
    const entity = graph.addEntity(makeEntity({ id: loadBalancerId(key), kind: 'LoadBalancer', name: predictedName, props, defaulted: [...predicted.defaulted], source }));
    return { entity, confidence: predicted.confidence === 'high' ? 'medium' : 'low', rule: 'J32' };
  }
  const { hostname, parsed } = seen;
  const inTemplate = declared.get(parsed.name);
  if (inTemplate) return { entity: inTemplate, confidence: 'high', rule: 'J31' };
  const lbType = parsed.lbType === 'network' ? 'network' : predicted.lbType === 'network' ? 'classic' : predicted.lbType;
  // ALB/CLB hostnames show the scheme; NLB hostnames do not, so the annotation (or default) stays.
  const scheme = parsed.internal === undefined ? predicted.scheme : parsed.internal ? 'internal' : 'internet-facing';
  const defaulted = predicted.defaulted.filter((k) => k !== 'scheme' || parsed.internal === undefined);
  const props = toProps<LoadBalancerProps>({ ...lbProps(predicted), lbType, scheme, hostname, region: parsed.region, basis: 'observed' });
  const entity = graph.addEntity(makeEntity({ id: loadBalancerId(key), kind: 'LoadBalancer', name: parsed.name, props, defaulted, source }));
  return { entity, confidence: 'high', rule: 'J31' };
}

function lbProps(p: PredictedLb): LoadBalancerProps {
  return { lbType: p.lbType, scheme: p.scheme, targetType: p.targetType, controller: p.controller };
}
