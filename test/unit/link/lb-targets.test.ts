import { describe, expect, it } from 'vitest';
import { k8sId, loadBalancerId } from '../../../src/model/ids.js';
import type { Relation } from '../../../src/model/entity.js';
import { lbTargetsPass } from '../../../src/passes/link/cross/lb-targets.js';
import { ent, graphOf, rels, run } from './helpers.js';

const svc = k8sId('Service', 'shop', 'web');
const ing = k8sId('Ingress', 'shop', 'front');
const pod = (n: string) => ent('kubernetes', 'Pod', k8sId('Pod', 'shop', n), {}, { namespace: 'shop', name: n });
const node = (n: string, props = {}) => ent('kubernetes', 'Node', k8sId('Node', undefined, n), props, { name: n });
const rel = (type: Relation['type'], from: string, to: string): Relation => ({ type, from, to, confidence: 'high', rule: 'test' });

function graph(targetType: string | undefined) {
  const alb = loadBalancerId('ingress/shop/front');
  const g = graphOf([
    ent('kubernetes', 'LoadBalancer', alb, targetType ? { targetType } : {}),
    ent('kubernetes', 'Ingress', ing, {}, { namespace: 'shop', name: 'front' }),
    ent('kubernetes', 'Service', svc, {}, { namespace: 'shop', name: 'web' }),
    ent('kubernetes', 'Deployment', k8sId('Deployment', 'shop', 'web'), {}, { namespace: 'shop', name: 'web' }),
    pod('web-1'), pod('web-2'),
    node('ip-a'), node('ip-b', { labels: { 'node.kubernetes.io/exclude-from-external-load-balancers': '' } }),
    node('fargate-ip-c', { computeType: 'fargate' }), node('cp', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
  ]);
  for (const r of [rel('routes-to', alb, ing), rel('routes-to', ing, svc), rel('selects', svc, k8sId('Pod', 'shop', 'web-1')), rel('selects', svc, k8sId('Pod', 'shop', 'web-2')), rel('selects', svc, k8sId('Deployment', 'shop', 'web'))]) g.addRelation(r);
  return g;
}

describe('J34 load balancer targets', () => {
  it('ip targets: the pods behind the Ingress\'s Services, not the workloads', () => {
    const g = graph('ip');
    run(g, lbTargetsPass);
    expect(rels(g, 'J34')).toEqual(['LoadBalancer:ingress/shop/front routes-to Pod:shop/web-1 (high J34)', 'LoadBalancer:ingress/shop/front routes-to Pod:shop/web-2 (high J34)']);
  });

  it('instance targets: every node the controller registers (no Fargate, control plane or excluded nodes)', () => {
    const g = graph('instance');
    run(g, lbTargetsPass);
    expect(rels(g, 'J34')).toEqual(['LoadBalancer:ingress/shop/front routes-to Node:ip-a (high J34)']);
  });

  it('no target type: nothing', () => {
    const g = graph(undefined);
    run(g, lbTargetsPass);
    expect(rels(g, 'J34')).toEqual([]);
  });
});
