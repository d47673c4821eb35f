import { cmp } from '../../core/order.js';
import { propMap } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { kubernetesTargets } from './lb-targets.js';

const GROUP = 'alb.ingress.kubernetes.io/group.name';

/**
 * NET-10: one ALB (an IngressGroup, `alb.ingress.kubernetes.io/group.name`, J30) serves Ingresses of
 * several namespaces. The AWS Load Balancer Controller merges every Ingress of a group into one load
 * balancer, and its documentation warns that any Ingress that joins the group can change the
 * listeners and rules that the others rely on, so a group should stay within one team's namespaces
 * (or be restricted by IngressClassParams). Who owns a namespace is not in the inputs: namespaces
 * stand for owners here.
 */
export default defineRule({
  id: 'k8s/shared-alb-group',
  check: 'NET-10',
  severity: 'info',
  description: 'An ALB IngressGroup is shared by Ingresses of several namespaces.',
  appliesTo: ['LoadBalancer'],
  run(lb, ctx) {
    const members = kubernetesTargets(lb, ctx).filter((e) => e.kind === 'Ingress' && propMap(e, 'lbAnnotations')[GROUP] !== undefined);
    const namespaces = [...new Set(members.map((e) => e.namespace ?? 'default'))].sort(cmp);
    const first = members[0];
    if (namespaces.length < 2 || !first) return;
    const group = propMap(first, 'lbAnnotations')[GROUP] ?? '';
    const ingresses = members.map((e) => `${e.namespace ?? 'default'}/${e.name}`).sort(cmp);
    ctx.report(lb, `LoadBalancer ${lb.name}: IngressGroup ${group} joins Ingresses of ${namespaces.length} namespaces (${ingresses.join(', ')}); each of them can change the listeners and rules of all`);
  },
});
