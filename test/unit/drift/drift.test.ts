import { describe, expect, it } from 'vitest';
import { clusterId, iamRoleId, k8sId, nodeGroupId } from '../../../src/model/ids.js';
import { computeDrift } from '../../../src/passes/drift/index.js';
import { ent, graphOf } from '../link/helpers.js';

const node = (name: string, props: Record<string, string> = {}) => ent('kubernetes', 'Node', k8sId('Node', undefined, name), props, { name });

function compute(groups: Record<string, { desired?: number; min?: number; max?: number; types?: string[]; observedOnly?: boolean; nodes: Record<string, string>[] }>, version = '1.29') {
  const entities = [ent('eksctl', 'Cluster', clusterId('prod'), { version }, { name: 'prod' })];
  const relations: [string, string][] = [];
  for (const [name, g] of Object.entries(groups)) {
    const props = { cluster: clusterId('prod'), ...(g.desired !== undefined ? { desiredCapacity: g.desired } : {}), ...(g.min !== undefined ? { minSize: g.min } : {}), ...(g.max !== undefined ? { maxSize: g.max } : {}), ...(g.types ? { instanceTypes: g.types } : {}), ...(g.observedOnly ? { observedOnly: true } : {}) };
    entities.push(ent(g.observedOnly ? 'kubernetes' : 'eksctl', 'NodeGroup', nodeGroupId('prod', name), props, { name }));
    g.nodes.forEach((p, i) => {
      entities.push(node(`${name}-${i}`, p));
      relations.push([`Node:${name}-${i}`, nodeGroupId('prod', name)]);
    });
  }
  const graph = graphOf(entities);
  for (const [from, to] of relations) graph.addRelation({ type: 'member-of', from, to, confidence: 'high', rule: 'J10' });
  return computeDrift(graph);
}

describe('node group drift', () => {
  it('size vs desiredCapacity and min..max, no nodes, undeclared groups, instance types', () => {
    const drift = compute({
      ok: { desired: 1, min: 1, max: 2, types: ['m5.large'], nodes: [{ instanceType: 'm5.large' }] },
      small: { desired: 3, min: 2, max: 5, nodes: [{}] },
      empty: { desired: 2, nodes: [] },
      odd: { desired: 1, types: ['m5.large'], nodes: [{ instanceType: 'c5.xlarge' }] },
      ghost: { observedOnly: true, nodes: [{}, {}] },
    });
    expect(drift.map((d) => `${d.code} ${d.entity} ${JSON.stringify(d.declared)} ${JSON.stringify(d.observed)}`)).toEqual([
      `drift/instance-type ${nodeGroupId('prod', 'odd')} ["m5.large"] ["c5.xlarge"]`,
      `drift/nodegroup-no-nodes ${nodeGroupId('prod', 'empty')} 2 0`,
      `drift/nodegroup-out-of-bounds ${nodeGroupId('prod', 'small')} "2..5" 1`,
      `drift/nodegroup-size ${nodeGroupId('prod', 'empty')} 2 0`,
      `drift/nodegroup-size ${nodeGroupId('prod', 'small')} 3 1`,
      `drift/nodegroup-undeclared ${nodeGroupId('prod', 'ghost')} undefined 2`,
    ]);
  });

  it('Kubernetes version declared vs kubelet versions (major.minor)', () => {
    const drift = compute({ a: { nodes: [{ kubeletVersion: 'v1.29.3-eks-1' }, { kubeletVersion: 'v1.28.0-eks-2' }] } });
    expect(drift).toEqual([expect.objectContaining({ code: 'drift/kubernetes-version', entity: clusterId('prod'), declared: '1.29', observed: ['1.28', '1.29'] })]);
    expect(compute({ a: { nodes: [{ kubeletVersion: 'v1.29.3-eks-1' }] } })).toEqual([]);
  });

  it('nothing about sizes when no nodes were observed', () => {
    const graph = graphOf([ent('eksctl', 'NodeGroup', nodeGroupId('prod', 'x'), { desiredCapacity: 3 })]);
    expect(computeDrift(graph)).toEqual([]);
  });
});

describe('identity drift', () => {
  it('external roles and IRSA roles without an observed ServiceAccount', () => {
    const sa = ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', 'shop', 'web'), {}, { namespace: 'shop', name: 'web' });
    const graph = graphOf([
      sa,
      ent('kubernetes', 'IamRole', iamRoleId('ext'), { external: true, arn: 'arn:aws:iam::1:role/ext' }),
      ent('cloudformation', 'IamRole', iamRoleId('orders'), { oidcSubjects: ['system:serviceaccount:shop:orders', 'system:serviceaccount:shop:web', 'system:serviceaccount:x:*'] }),
    ]);
    graph.addRelation({ type: 'assumes', from: sa.id, to: iamRoleId('ext'), confidence: 'high', rule: 'J38' });
    expect(computeDrift(graph).map((d) => `${d.code} ${d.entity}`)).toEqual([
      'drift/external-role ServiceAccount:shop/web',
      `drift/irsa-missing-service-account ${iamRoleId('orders')}`,
    ]);
  });
});
