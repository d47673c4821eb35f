import { describe, expect, it } from 'vitest';
import { clusterId, k8sId, loadBalancerId } from '../../../src/model/ids.js';
import type { Entity, PropValue } from '../../../src/model/entity.js';
import { lbSubnetsPass } from '../../../src/passes/link/cross/lb-subnets.js';
import { ent, graphOf, rels, run } from './helpers.js';
import { lowerText } from '../eksctl/helpers.js';

const subnet = (name: string, az: string, topology: string, tags: Record<string, string> = {}, extra: Record<string, PropValue> = {}) =>
  ent('cloudformation', 'Subnet', `Subnet:${name}`, { subnetId: `subnet-${name}`, az, topology, tags: { Name: name, ...tags }, vpc: 'Vpc:a', ...extra });
const ELB = { 'kubernetes.io/role/elb': '1' };
const INTERNAL = { 'kubernetes.io/role/internal-elb': '1' };
const lb = (key: string, scheme: string, props: Record<string, PropValue> = {}) => ent('kubernetes', 'LoadBalancer', loadBalancerId(key), { scheme, ...props });

function withRoute(entities: Entity[], from: string, to: string) {
  const g = graphOf(entities);
  g.addRelation({ type: 'routes-to', from, to, confidence: 'high', rule: 'J31' });
  return g;
}

describe('J33 load balancer → subnets', () => {
  it('discovery: role-tagged subnets for the scheme, one per AZ, not those tagged for another cluster (medium)', () => {
    const g = graphOf([
      ent('eksctl', 'Cluster', clusterId('prod'), {}),
      subnet('pub-a1', 'eu-west-1a', 'public', ELB),
      subnet('pub-a2', 'eu-west-1a', 'public', ELB),
      subnet('pub-b', 'eu-west-1b', 'public', { ...ELB, 'kubernetes.io/cluster/prod': 'shared' }),
      subnet('pub-c', 'eu-west-1c', 'public', { ...ELB, 'kubernetes.io/cluster/other': 'owned' }),
      subnet('priv-a', 'eu-west-1a', 'private', INTERNAL),
      lb('ingress/shop/web', 'internet-facing'),
      lb('service/shop/api', 'internal'),
    ]);
    run(g, lbSubnetsPass);
    expect(rels(g, 'J33')).toEqual([
      'Subnet:priv-a contains LoadBalancer:service/shop/api (medium J33)',
      'Subnet:pub-a1 contains LoadBalancer:ingress/shop/web (medium J33)',
      'Subnet:pub-b contains LoadBalancer:ingress/shop/web (medium J33)',
    ]);
  });

  it('an annotation on the Ingress naming subnets by id or Name tag wins (high)', () => {
    const ing = ent('kubernetes', 'Ingress', k8sId('Ingress', 'shop', 'web'), { lbAnnotations: { 'alb.ingress.kubernetes.io/subnets': 'subnet-pub-b, pub-c' } }, { namespace: 'shop' });
    const g = withRoute([subnet('pub-a', 'eu-west-1a', 'public', ELB), subnet('pub-b', 'eu-west-1b', 'public'), subnet('pub-c', 'eu-west-1c', 'public'), lb('ingress/shop/web', 'internet-facing'), ing], loadBalancerId('ingress/shop/web'), ing.id);
    run(g, lbSubnetsPass);
    expect(rels(g, 'J33')).toEqual(['Subnet:pub-b contains LoadBalancer:ingress/shop/web (high J33)', 'Subnet:pub-c contains LoadBalancer:ingress/shop/web (high J33)']);
  });

  it('a CloudFormation load balancer: its declared Subnets (high)', () => {
    const g = graphOf([subnet('pub-a', 'eu-west-1a', 'public', ELB), subnet('pub-b', 'eu-west-1b', 'public', ELB), ent('cloudformation', 'LoadBalancer', 'LoadBalancer:cfn:alb', { scheme: 'internet-facing', subnets: ['Subnet:pub-b', { unresolved: 'Ref(X)' }] })]);
    run(g, lbSubnetsPass);
    expect(rels(g, 'J33')).toEqual(['Subnet:pub-b contains LoadBalancer:cfn:alb (high J33)']);
  });

  it('eksctl-created subnets count as tagged the way eksctl tags them', () => {
    const config = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\navailabilityZones: [eu-west-1a]\n';
    const made = lowerText(config).fragment.entities.filter((e) => e.kind === 'Subnet');
    expect(made).toHaveLength(2);
    const g = graphOf([...made, lb('service/a/b', 'internal')]);
    run(g, lbSubnetsPass);
    expect(rels(g, 'J33')).toEqual(['Subnet:eksctl:c/private/eu-west-1a contains LoadBalancer:service/a/b (medium J33)']);
  });

  it('no role tags anywhere: reachability (public for internet-facing), low; unknown scheme: nothing', () => {
    const g = graphOf([subnet('pub-a', 'eu-west-1a', 'public'), subnet('priv-a', 'eu-west-1a', 'private'), lb('ingress/a/b', 'internet-facing'), lb('ingress/a/c', '')]);
    run(g, lbSubnetsPass);
    expect(rels(g, 'J33')).toEqual(['Subnet:pub-a contains LoadBalancer:ingress/a/b (low J33)']);
  });
});
