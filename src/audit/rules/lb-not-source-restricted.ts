import type { Entity } from '../../model/entity.js';
import { propMap, propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { isInternetFacing, kubernetesTargets } from './lb-targets.js';
import { firstTime } from './pod-subject.js';

const OPEN = new Set(['0.0.0.0/0', '::/0']);

/**
 * NET-09: an internet-facing load balancer that Kubernetes asks for (J32: a Service of type
 * LoadBalancer, an Ingress) accepts clients from any address. A Service is restricted by
 * `spec.loadBalancerSourceRanges` or the `service.beta.kubernetes.io/load-balancer-source-ranges`
 * annotation, an Ingress by `alb.ingress.kubernetes.io/inbound-cidrs` (the AWS Load Balancer
 * Controller's default is 0.0.0.0/0, and ::/0 for dual-stack); ranges that include 0.0.0.0/0 or ::/0
 * restrict nothing. Informational: public applications are meant to be open. Load balancers declared
 * in CloudFormation are not judged (their security group rules are not in the model).
 */
export default defineRule({
  id: 'k8s/lb-not-source-restricted',
  check: 'NET-09',
  severity: 'info',
  description: 'An internet-facing load balancer of a Service or Ingress accepts clients from any address.',
  // From the load balancers' side: a dump has thousands of Services and a few load balancers.
  appliesTo: ['LoadBalancer'],
  run(lb, ctx) {
    if (!isInternetFacing(lb)) return;
    for (const entity of kubernetesTargets(lb, ctx)) {
      // Reported once per Service or Ingress, naming every internet-facing load balancer in front of it.
      if (!firstTime(ctx, entity.id)) continue;
      const { ranges, setting } = sourceRanges(entity);
      if (ranges.length > 0 && !ranges.some((r) => OPEN.has(r))) continue;
      const lbs = ctx.relations.to(entity.id, 'routes-to').map((r) => ctx.graph.get(r.from)).filter((x): x is Entity => x?.kind === 'LoadBalancer' && isInternetFacing(x));
      const names = [...new Set(lbs.map((x) => x.name))].sort().join(', ');
      const why = ranges.length === 0 ? `no ${setting}` : `${setting} ${ranges.join(', ')}`;
      ctx.report(entity, `${entity.kind} ${entity.namespace ?? ''}/${entity.name}: internet-facing load balancer ${names} accepts clients from any address (${why})`);
    }
  },
});

/** The client ranges the object asks for, and the setting that holds them. */
function sourceRanges(e: Entity): { ranges: string[]; setting: string } {
  const annotations = propMap(e, 'lbAnnotations');
  if (e.kind === 'Ingress') return { ranges: split(annotations['alb.ingress.kubernetes.io/inbound-cidrs']), setting: 'alb.ingress.kubernetes.io/inbound-cidrs' };
  const spec = propStrings(e, 'loadBalancerSourceRanges');
  if (spec.length > 0) return { ranges: spec, setting: 'loadBalancerSourceRanges' };
  const annotated = split(annotations['service.beta.kubernetes.io/load-balancer-source-ranges']);
  return annotated.length > 0 ? { ranges: annotated, setting: 'service.beta.kubernetes.io/load-balancer-source-ranges' } : { ranges: [], setting: 'loadBalancerSourceRanges' };
}

function split(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
