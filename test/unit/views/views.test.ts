/** Views: aggregation, splitting and marking, checked on the hand-made and synthetic models. */
import { describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../../src/model/architecture.js';
import { buildViews } from '../../../src/views/index.js';
import { MAX_NAMESPACE_DIAGRAMS } from '../../../src/views/workloads.js';
import type { Diagram, ViewNode } from '../../../src/views/types.js';
import { bigModel, loadModel } from '../render/models.js';

function diagram(diagrams: Diagram[], slug: string): Diagram {
  const d = diagrams.find((x) => x.slug === slug);
  if (!d) throw new Error(`no diagram ${slug} in ${diagrams.map((x) => x.slug).join(', ')}`);
  return d;
}

function node(d: Diagram, key: string): ViewNode {
  const n = d.nodes.find((x) => x.key === key);
  if (!n) throw new Error(`no node ${key} in ${d.slug}`);
  return n;
}

describe('views of the eks-small fixture', () => {
  const views = buildViews(loadModel('eks-small'));

  it('has one diagram per section and per namespace, in report order', () => {
    expect(views.map((d) => d.slug)).toEqual(['network/vpc', 'compute/shop-prod', 'workloads/batch', 'workloads/shop', 'identity']);
  });

  it('network: subnets grouped by VPC and AZ, routes summarised through route tables', () => {
    const d = diagram(views, 'network/vpc');
    expect(node(d, 'Subnet:cfn:cfn/network.yaml#Public1').group).toBe('az:Vpc:cfn:cfn/network.yaml#Vpc:AZ ap-northeast-1a');
    expect(node(d, 'Subnet:cfn:cfn/network.yaml#Public1').classes).toContain('public');
    expect(d.edges).toContainEqual({ from: 'Subnet:cfn:cfn/network.yaml#Private2', to: 'NatGateway:cfn:cfn/network.yaml#Nat1', confidence: 'high', label: 'via PrivateRoutes' });
    const data = node(d, 'Subnet:cfn:cfn/network.yaml#Data1');
    expect(data.classes).toEqual(expect.arrayContaining(['isolated', 'conditional']));
    expect(d.groups.find((g) => g.title.includes('⟨Select'))?.classes).toContain('unresolved');
    expect(d.nodes.some((n) => n.entity?.startsWith('RouteTable:'))).toBe(false);
  });

  it('compute: nodes per group and AZ with counts, types and pods; defaults marked', () => {
    const d = diagram(views, 'compute/shop-prod');
    const bucket = node(d, 'nodes:NodeGroup:shop-prod/general:ap-northeast-1a');
    expect(bucket.lines).toEqual(['2 nodes', 'm5.large ×2', '2 pods']);
    expect(node(d, 'NodeGroup:shop-prod/general').lines).toContain('ON_DEMAND (default)');
    expect(d.edges).toContainEqual({ from: 'NodeGroup:shop-prod/spot', to: 'nodes:NodeGroup:shop-prod/spot:ap-northeast-1c', confidence: 'medium', label: 'J13 · medium' });
    expect(node(d, 'nodes:group:unassigned:ap-northeast-1a').lines).toEqual(['1 node', 't3.small ×1', '1 pod']);
  });

  it('workloads: pods fold into their top owner; traffic LB → Ingress → Service → workload', () => {
    const d = diagram(views, 'workloads/shop');
    expect(d.nodes.some((n) => n.entity?.startsWith('Pod:') || n.entity?.startsWith('ReplicaSet:'))).toBe(false);
    expect(node(d, 'Deployment:shop/web').lines).toEqual(['Deployment', '×3 replicas', '3 pods', 'public.ecr.aws/shop/web:1.4.2']);
    expect(node(d, 'owner:shop/ReplicaSet/worker-5f5f5f5f5f').classes).toContain('external');
    const path = d.edges.map((e) => `${e.from} > ${e.to}`);
    expect(path).toEqual(expect.arrayContaining([
      'internet > LoadBalancer:k8s-shop-web-3f2a1b9c0d',
      'LoadBalancer:k8s-shop-web-3f2a1b9c0d > Ingress:shop/web',
      'Ingress:shop/web > Service:shop/web',
      'Service:shop/web > Deployment:shop/web',
    ]));
    expect(d.edges.filter((e) => e.from === 'Service:shop/web')).toHaveLength(1);
  });

  it('identity: IRSA, node roles, policies shared, external role for an unmatched role-arn', () => {
    const d = diagram(views, 'identity');
    expect(node(d, 'IamRole:eksctl:shop-prod/fargate-pod-execution').classes).toContain('defaulted');
    expect(node(d, 'role-arn:arn:aws:iam::999999999999:role/prom').classes).toEqual(['external', 'unresolved']);
    expect(node(d, 'policy:⟨ImportValue(shop-data::PolicyArn)⟩').classes).toContain('unresolved');
    expect(d.edges).toContainEqual({ from: 'ServiceAccount:monitoring/prometheus', to: 'role-arn:arn:aws:iam::999999999999:role/prom', confidence: 'low', label: 'role-arn annotation' });
    expect(d.nodes.some((n) => n.key === 'ServiceAccount:shop/default')).toBe(false);
  });
});

describe('views of a huge model', () => {
  const model = bigModel(20_000);
  const views = buildViews(model);

  it('splits workloads per namespace, summarises the rest and folds extras into "+N more"', () => {
    const workloads = views.filter((d) => d.section === 'workloads');
    expect(workloads).toHaveLength(MAX_NAMESPACE_DIAGRAMS + 1);
    const other = diagram(views, 'workloads/other-namespaces');
    expect(other.nodes).toHaveLength(80 - MAX_NAMESPACE_DIAGRAMS);
    const ns0 = diagram(views, 'workloads/team-namespace-0');
    expect(ns0.nodes.find((n) => n.key.startsWith('more:'))).toBeUndefined();
    const compute = diagram(views, 'compute/big-cluster');
    const more = compute.nodes.find((n) => n.key === 'more:groups');
    expect(more?.title).toBe('+80 more node groups');
    const identity = diagram(views, 'identity');
    expect(identity.nodes.filter((n) => n.classes.includes('more')).length).toBeGreaterThan(0);
  });

  it('counts every pod of a drawn node group exactly once, and the omitted nodes on "+N more"', () => {
    const compute = diagram(views, 'compute/big-cluster');
    const number = (text: string | undefined): number => Number(/^(\d+) /.exec(text ?? '')?.[1] ?? NaN);
    const drawn = new Set(compute.nodes.filter((n) => n.entity?.startsWith('NodeGroup:')).map((n) => n.entity));
    const groupOf = new Map(model.relations.filter((r) => r.type === 'member-of' && r.from.startsWith('Node:')).map((r) => [r.from, r.to]));
    const podNode = model.relations.filter((r) => r.type === 'runs-on').map((r) => r.to);
    const expectedPods = podNode.filter((n) => drawn.has(groupOf.get(n))).length;
    const expectedOmitted = [...groupOf.values()].filter((g) => !drawn.has(g)).length;
    const buckets = compute.nodes.filter((n) => n.key.startsWith('nodes:'));
    expect(buckets.reduce((sum, n) => sum + number(n.lines[2]), 0)).toBe(expectedPods);
    expect(number(compute.nodes.find((n) => n.key === 'more:groups')?.lines[0])).toBe(expectedOmitted);
    expect(expectedPods).toBeGreaterThan(0);
  });

  it('is independent of the order of entities and relations', () => {
    const shuffled: ArchitectureModel = { ...model, entities: [...model.entities].reverse(), relations: [...model.relations].reverse() };
    expect(JSON.stringify(buildViews(shuffled))).toBe(JSON.stringify(views));
  });
});
