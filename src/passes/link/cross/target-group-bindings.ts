/**
 * J35: TargetGroupBinding ↔ Service and CloudFormation target group → load balancer.
 *
 * A TargetGroupBinding (the AWS Load Balancer Controller's CRD) attaches a Service to a target group
 * made outside Kubernetes, typically by CloudFormation. Edges, all `routes-to`:
 *   - TargetGroupBinding → its `serviceRef` Service in the same namespace (high);
 *   - target group → TargetGroupBinding, by `targetGroupName` or the name in `targetGroupARN`
 *     (`…:targetgroup/<name>/<id>`) equal to the template's literal `Name` (high);
 *   - load balancer → target group through the listeners and listener rules forwarding to it
 *     (high: Ref/GetAtt in one template), and load balancer → the Service, so the traffic view
 *     shows the CloudFormation load balancer in front of the Service (high when every step is).
 */
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sId } from '../../../model/ids.js';
import { propString, propStrings } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { pushTo } from './lookup.js';

const TG = 'AWS::ElasticLoadBalancingV2::TargetGroup';

export const targetGroupBindingsPass: LinkPass = {
  rule: 'J35',
  description: 'TargetGroupBindings to their Service and to the CloudFormation target group and load balancer',
  run(graph) {
    const bindings = graph.ofKind('KubernetesObject').filter((o) => propString(o, 'kind') === 'TargetGroupBinding');
    if (bindings.length === 0) return;
    const resources = graph.ofKind('AwsResource');
    const groupsByName = new Map<string, Entity[]>();
    for (const r of resources) {
      const name = propString(r, 'type') === TG ? propString(r, 'targetGroupName') : undefined;
      if (name !== undefined) pushTo(groupsByName, name, r);
    }
    const lbsByGroup = loadBalancersByTargetGroup(graph, resources);
    for (const tgb of bindings) {
      const service = serviceOf(graph, tgb);
      if (service) graph.addRelation({ type: 'routes-to', from: tgb.id, to: service.id, confidence: 'high', rule: 'J35' });
      const name = propString(tgb, 'targetGroupName') ?? targetGroupNameOfArn(propString(tgb, 'targetGroupARN'));
      const groups = name === undefined ? [] : (groupsByName.get(name) ?? []);
      if (groups.length !== 1) continue;
      const [group] = groups;
      if (!group) continue;
      graph.addRelation({ type: 'routes-to', from: group.id, to: tgb.id, confidence: 'high', rule: 'J35' });
      for (const lb of lbsByGroup.get(group.id) ?? []) {
        graph.addRelation({ type: 'routes-to', from: lb, to: group.id, confidence: 'high', rule: 'J35' });
        if (service) graph.addRelation({ type: 'routes-to', from: lb, to: service.id, confidence: 'high', rule: 'J35' });
      }
    }
  },
};

/** `arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web-tg/6d0ecf831eec9f09` → `web-tg`. */
export function targetGroupNameOfArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : /^arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:targetgroup\/([^/]+)\/[^/]+$/.exec(arn)?.[1];
}

function serviceOf(graph: ModelGraph, tgb: Entity): Entity | undefined {
  const name = propString(tgb, 'serviceName');
  return name === undefined ? undefined : graph.get(k8sId('Service', tgb.namespace ?? 'default', name));
}

/** Load balancer ids per target group id, from listeners (`loadBalancer`) and rules (`listener`). */
function loadBalancersByTargetGroup(graph: ModelGraph, resources: readonly Entity[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lbOfListener = (id: string | undefined): string | undefined => {
    const listener = id === undefined ? undefined : graph.get(id);
    const lb = listener ? propString(listener, 'loadBalancer') : undefined;
    return lb !== undefined && graph.get(lb)?.kind === 'LoadBalancer' ? graph.resolve(lb) : undefined;
  };
  for (const r of resources) {
    const lb = propString(r, 'loadBalancer') !== undefined ? lbOfListener(r.id) : lbOfListener(propString(r, 'listener'));
    if (lb === undefined) continue;
    for (const tg of propStrings(r, 'targetGroups')) {
      const list = out.get(tg) ?? [];
      if (!list.includes(lb)) pushTo(out, tg, lb);
    }
  }
  return out;
}
