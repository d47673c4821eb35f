/**
 * J34: what a load balancer's target groups register, as `routes-to` edges.
 *
 *   - target type `ip`: the pods behind the Services it reaches (directly, or through an Ingress) —
 *     high, from the Services' `selects` relations;
 *   - target type `instance`: the NodePort on every node the controller registers — nodes that are
 *     not Fargate, not control plane, and not labelled
 *     `node.kubernetes.io/exclude-from-external-load-balancers` — high (rule-based);
 *   - no target type known: nothing.
 * Load balancers declared only in CloudFormation are left to J35 (their targets are the bindings).
 */
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { propMap, propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';

const EXCLUDED_NODE_LABELS = ['node.kubernetes.io/exclude-from-external-load-balancers', 'node-role.kubernetes.io/master', 'node-role.kubernetes.io/control-plane'];

export const lbTargetsPass: LinkPass = {
  rule: 'J34',
  description: 'Load balancers to the pods (ip targets) or nodes (instance targets) they register',
  run(graph) {
    let instanceNodes: readonly Entity[] | undefined;
    for (const lb of graph.ofKind('LoadBalancer')) {
      const targetType = propString(lb, 'targetType');
      if (targetType !== 'ip' && targetType !== 'instance') continue;
      const services = servicesBehind(graph, lb);
      if (services.length === 0) continue;
      if (targetType === 'ip') {
        for (const svc of services) {
          for (const rel of graph.relationsFrom(svc.id, 'selects')) {
            if (graph.get(rel.to)?.kind === 'Pod') graph.addRelation({ type: 'routes-to', from: lb.id, to: rel.to, confidence: 'high', rule: 'J34' });
          }
        }
      } else {
        instanceNodes ??= graph.ofKind('Node').filter(registersNodePort);
        for (const node of instanceNodes) graph.addRelation({ type: 'routes-to', from: lb.id, to: node.id, confidence: 'high', rule: 'J34' });
      }
    }
  },
};

/** The Services a load balancer sends traffic to: its own, and those of the Ingresses it serves. */
function servicesBehind(graph: ModelGraph, lb: Entity): Entity[] {
  const out = new Map<string, Entity>();
  for (const rel of graph.relationsFrom(lb.id, 'routes-to')) {
    const target = graph.get(rel.to);
    if (target?.kind === 'Service') out.set(target.id, target);
    if (target?.kind !== 'Ingress') continue;
    for (const back of graph.relationsFrom(target.id, 'routes-to')) {
      const svc = graph.get(back.to);
      if (svc?.kind === 'Service') out.set(svc.id, svc);
    }
  }
  return [...out.values()];
}

function registersNodePort(node: Entity): boolean {
  if (propString(node, 'computeType') === 'fargate') return false;
  const labels = propMap(node, 'labels');
  return !EXCLUDED_NODE_LABELS.some((k) => k in labels) && labels['eks.amazonaws.com/compute-type'] !== 'fargate';
}
