/**
 * Elastic Load Balancing (DOMAIN.md A.15): load balancers, and the target groups and listeners that
 * J35 follows from a TargetGroupBinding back to the load balancer (`Listener.DefaultActions` /
 * `ListenerRule.Actions` → `TargetGroupArn`; `Listener.LoadBalancerArn`; `ListenerRule.ListenerArn`).
 * References are kept as entity ids, so the pass needs no CloudFormation knowledge.
 */
import { subnetRefs } from './lower-eks.js';
import type { ResourceLowering } from './lower-context.js';
import { labelMap } from './settings.js';
import { field, itemsOf, type CfnValue } from './values.js';

/** `AWS::ElasticLoadBalancingV2::LoadBalancer` / `AWS::ElasticLoadBalancing::LoadBalancer`. */
export function lowerLoadBalancer(r: ResourceLowering): void {
  r.setProp('basis', 'declared');
  const classic = r.decl.type === 'AWS::ElasticLoadBalancing::LoadBalancer';
  const type = classic ? 'classic' : r.text('Type');
  if (type === undefined) r.setDefault('lbType', 'application');
  else r.setProp('lbType', type);
  const scheme = r.text('Scheme');
  if (scheme === undefined) r.setDefault('scheme', 'internet-facing');
  else r.setProp('scheme', scheme);
  r.setProp('subnets', subnetRefs(r, r.get('Subnets')));
  r.setProp('tags', labelMap(r.get('Tags'), false));
}

/** `AWS::ElasticLoadBalancingV2::TargetGroup`: its name (what a TargetGroupBinding names), type, port. */
export function lowerTargetGroup(r: ResourceLowering): void {
  r.setStr('targetGroupName', r.get('Name'));
  const targetType = r.text('TargetType');
  if (targetType === undefined) r.setDefault('targetType', 'instance');
  else r.setProp('targetType', targetType);
  r.setNumber('port', r.get('Port'));
  r.setStr('protocol', r.get('Protocol'));
}

/** `AWS::ElasticLoadBalancingV2::Listener`: its load balancer and the target groups it forwards to. */
export function lowerListener(r: ResourceLowering): void {
  r.setProp('loadBalancer', r.target(r.get('LoadBalancerArn')));
  r.setNumber('port', r.get('Port'));
  r.setStr('protocol', r.get('Protocol'));
  setTargetGroups(r, r.get('DefaultActions'));
}

/** `AWS::ElasticLoadBalancingV2::ListenerRule`: its listener and the target groups it forwards to. */
export function lowerListenerRule(r: ResourceLowering): void {
  r.setProp('listener', r.target(r.get('ListenerArn')));
  setTargetGroups(r, r.get('Actions'));
}

/** Target groups of `forward` actions: `TargetGroupArn`, or `ForwardConfig.TargetGroups[].TargetGroupArn`. */
function setTargetGroups(r: ResourceLowering, actions: CfnValue | undefined): void {
  const ids = new Set<string>();
  for (const action of itemsOf(actions)) {
    const refs = [field(action, 'TargetGroupArn'), ...itemsOf(field(field(action, 'ForwardConfig'), 'TargetGroups')).map((t) => field(t, 'TargetGroupArn'))];
    for (const ref of refs) {
      const id = r.target(ref);
      if (id !== undefined) ids.add(id);
    }
  }
  if (ids.size > 0) r.setProp('targetGroups', [...ids].sort());
}
