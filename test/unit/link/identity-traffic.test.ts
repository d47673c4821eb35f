import { describe, expect, it } from 'vitest';
import { cfnId, eksctlId, iamRoleId, k8sId, k8sObjectId, loadBalancerId } from '../../../src/model/ids.js';
import { irsaPass } from '../../../src/passes/link/cross/irsa.js';
import { loadBalancersPass } from '../../../src/passes/link/cross/load-balancers.js';
import { ent, graphOf, rels, run } from './helpers.js';

const ARN = (name: string) => `arn:aws:iam::111122223333:role/${name}`;
const sa = (ns: string, name: string, roleArn?: string) =>
  ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', ns, name), roleArn ? { roleArn } : {}, { namespace: ns, name, line: 50 });

describe('J38 ServiceAccount → IAM role', () => {
  it('1: by literal role name (CloudFormation RoleName)', () => {
    const g = graphOf([ent('cloudformation', 'IamRole', iamRoleId('app-s3'), { roleName: 'app-s3', logicalId: 'AppRole' }), sa('prod', 'app', ARN('app-s3'))]);
    run(g, irsaPass);
    expect(rels(g)).toEqual([`ServiceAccount:prod/app assumes ${iamRoleId('app-s3')} (high J38)`]);
    expect(g.get(iamRoleId('app-s3'))?.props['arn']).toBe(ARN('app-s3'));
  });

  it('2: the eksctl iam.serviceAccounts role of the same SA absorbs the ARN', () => {
    const role = eksctlId('IamRole', 'prod', 'irsa/kube-system/lbc');
    const name = 'eksctl-prod-addon-iamserviceaccount-kube-sy-Role1-HXW584M2WDM4';
    const g = graphOf([ent('eksctl', 'IamRole', role, { stackName: 'eksctl-prod-addon-iamserviceaccount-kube-system-lbc', logicalId: 'Role1' }), sa('kube-system', 'lbc', ARN(name))]);
    g.addRelation({ type: 'assumes', from: 'ServiceAccount:kube-system/lbc', to: role, confidence: 'high', rule: 'eksctl-irsa' });
    run(g, irsaPass);
    expect(rels(g, 'J38')).toEqual([`ServiceAccount:kube-system/lbc assumes ${role} (high J38)`]);
    expect(g.get(role)?.props).toMatchObject({ arn: ARN(name), roleName: name });
    expect(g.ofKind('IamRole')).toHaveLength(1);
  });

  it.each([
    ['whole stack name: medium', 'shop-platform', 'medium'],
    ['truncated stack name: low', 'shop-platform-with-a-very-long-name', 'low'],
  ])('3: CloudFormation auto-name, %s', (_t, stackName, confidence) => {
    const role = cfnId('IamRole', 'cfn/p.yaml', 'OrdersRole');
    const g = graphOf([ent('cloudformation', 'IamRole', role, { logicalId: 'OrdersRole', stackName }), sa('shop', 'orders', ARN('shop-platform-OrdersRole-1XLS7754U3ZPA'))]);
    run(g, irsaPass);
    expect(rels(g)).toEqual([`ServiceAccount:shop/orders assumes ${role} (${confidence} J38)`]);
  });

  it('4: trust-policy :sub subject (exact or glob), medium', () => {
    const role = cfnId('IamRole', 'cfn/p.yaml', 'Glob');
    const g = graphOf([ent('cloudformation', 'IamRole', role, { oidcSubjects: ['system:serviceaccount:shop:*'] }), sa('shop', 'orders', ARN('unknown-name'))]);
    run(g, irsaPass);
    expect(rels(g)).toEqual([`ServiceAccount:shop/orders assumes ${role} (medium J38)`]);
    expect(g.get(role)?.props['roleName']).toBe('unknown-name');
  });

  it('4: a role that trusts the subject but is known by another name is not the annotated role', () => {
    const named = cfnId('IamRole', 'cfn/p.yaml', 'Named');
    const byArn = cfnId('IamRole', 'cfn/p.yaml', 'ByArn');
    const g = graphOf([
      ent('cloudformation', 'IamRole', named, { roleName: 'orders-v1', oidcSubjects: ['system:serviceaccount:shop:orders'] }),
      ent('cloudformation', 'IamRole', byArn, { arn: ARN('billing'), oidcSubjects: ['system:serviceaccount:shop:billing'] }),
      sa('shop', 'orders', ARN('orders-v2')),
      sa('shop', 'billing', ARN('billing')),
    ]);
    run(g, irsaPass);
    expect(rels(g)).toEqual([
      `ServiceAccount:shop/billing assumes ${byArn} (medium J38)`,
      `ServiceAccount:shop/orders assumes ${iamRoleId('orders-v2')} (high J38)`,
    ]);
    expect(g.get(named)?.props['roleName']).toBe('orders-v1');
    expect(g.get(iamRoleId('orders-v2'))?.props['external']).toBe(true);
  });

  it('no match: one external role per ARN, sourced at the SA, reported', () => {
    const g = graphOf([sa('a', 'x', ARN('ext')), sa('b', 'y', ARN('ext')), sa('c', 'z', 'arn:aws:iam::1:user/nope')]);
    const sink = run(g, irsaPass);
    expect(g.get(iamRoleId('ext'))?.props).toEqual({ roleName: 'ext', arn: ARN('ext'), external: true });
    expect(rels(g)).toHaveLength(2);
    expect(sink.items.map((d) => d.code).sort()).toEqual(['link/bad-role-arn', 'link/external-role', 'link/external-role']);
  });
});

describe('J30–J32 load balancers', () => {
  const ing = (name: string, props: Record<string, string | string[] | Record<string, string>>) =>
    ent('kubernetes', 'Ingress', k8sId('Ingress', 'shop', name), props, { namespace: 'shop', name });
  const svc = (name: string, props: Record<string, string | string[] | Record<string, string>>) =>
    ent('kubernetes', 'Service', k8sId('Service', 'shop', name), { serviceType: 'LoadBalancer', ...props }, { namespace: 'shop', name });

  it('one ALB per group.name; predicted without status; IngressClass controller proves ALB', () => {
    const group = { 'alb.ingress.kubernetes.io/group.name': 'public', 'alb.ingress.kubernetes.io/scheme': 'internet-facing' };
    const g = graphOf([
      ent('kubernetes', 'KubernetesObject', k8sObjectId('networking.k8s.io', 'IngressClass', undefined, 'alb'), { controller: 'ingress.k8s.aws/alb' }),
      ing('a', { ingressClassName: 'alb', lbAnnotations: group }),
      ing('b', { ingressClassName: 'alb', lbAnnotations: group }),
      ing('c', { ingressClassName: 'nginx' }),
    ]);
    run(g, loadBalancersPass);
    expect(rels(g)).toEqual([
      `${loadBalancerId('alb-group/public')} routes-to Ingress:shop/a (medium J30)`,
      `${loadBalancerId('alb-group/public')} routes-to Ingress:shop/b (medium J30)`,
    ]);
    const lb = g.get(loadBalancerId('alb-group/public'));
    expect(lb?.props).toMatchObject({ lbType: 'application', scheme: 'internet-facing', targetType: 'instance', basis: 'predicted' });
    expect(lb?.defaulted).toEqual(['targetType']);
  });

  it('observed hostnames: NLB name and region; internal- prefix sets ALB/CLB scheme', () => {
    const g = graphOf([
      svc('api', { lbAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' }, lbHostnames: ['k8s-shop-api-5e6f7a8b9c-0123456789abcdef.elb.eu-west-1.amazonaws.com'] }),
      svc('legacy', { lbHostnames: ['internal-a1b2c3-123456789.eu-west-1.elb.amazonaws.com'] }),
      ing('web', { lbAnnotations: { 'alb.ingress.kubernetes.io/target-type': 'ip' }, lbHostnames: ['k8s-shop-web-3f2a1b9c0d-1234567890.eu-west-1.elb.amazonaws.com'] }),
    ]);
    run(g, loadBalancersPass);
    expect(g.get(loadBalancerId('service/shop/api'))?.props).toMatchObject({ lbType: 'network', scheme: 'internal', basis: 'observed', region: 'eu-west-1' });
    expect(g.get(loadBalancerId('service/shop/api'))?.name).toBe('k8s-shop-api-5e6f7a8b9c');
    expect(g.get(loadBalancerId('service/shop/legacy'))?.props).toMatchObject({ lbType: 'classic', scheme: 'internal', controller: 'in-tree' });
    expect(g.get(loadBalancerId('ingress/shop/web'))?.props).toMatchObject({ lbType: 'application', scheme: 'internet-facing', targetType: 'ip' });
    expect(rels(g).every((r) => r.endsWith('(high J31)'))).toBe(true);
  });

  it.each([
    [{ loadBalancerClass: 'service.k8s.aws/nlb' }, { lbType: 'network', scheme: 'internal', targetType: 'instance' }],
    [{ lbAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb-ip', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } }, { lbType: 'network', scheme: 'internet-facing', targetType: 'ip' }],
    [{ lbAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } }, { lbType: 'network', scheme: 'internet-facing', controller: 'in-tree' }],
    [{ lbAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } }, { lbType: 'classic', scheme: 'internal' }],
    [{ loadBalancerClass: 'eks.amazonaws.com/nlb' }, { lbType: 'network', controller: 'eks-auto-mode' }],
  ])('J32 prediction %j', (props, expected) => {
    const g = graphOf([svc('x', props)]);
    run(g, loadBalancersPass);
    expect(g.get(loadBalancerId('service/shop/x'))?.props).toMatchObject({ ...expected, basis: 'predicted' });
  });

  it('uses a CloudFormation load balancer whose name equals the observed one', () => {
    const declared = cfnId('LoadBalancer', 'cfn/lb.yaml', 'Alb');
    const g = graphOf([
      ent('cloudformation', 'LoadBalancer', declared, { basis: 'declared' }, { name: 'web-alb' }),
      ing('web', { ingressClassName: 'alb', lbHostnames: ['web-alb-99.eu-west-1.elb.amazonaws.com'] }),
    ]);
    run(g, loadBalancersPass);
    expect(rels(g)).toEqual([`${declared} routes-to Ingress:shop/web (high J31)`]);
    expect(g.ofKind('LoadBalancer')).toHaveLength(1);
  });
});
