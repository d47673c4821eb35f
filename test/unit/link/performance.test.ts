import { expect, it } from 'vitest';
import type { Entity } from '../../../src/model/entity.js';
import { clusterId, eksctlId, fargateProfileId, k8sId, nodeGroupId } from '../../../src/model/ids.js';
import { CROSS_SOURCE_PASSES } from '../../../src/passes/link/cross/index.js';
import { ent, graphOf, run } from './helpers.js';

/** 20k pods, 1k nodes, 50 subnets, 20 groups, 10 Fargate profiles: the cross-source passes stay well under a second. */
it('links a 20k-pod graph in well under a second', () => {
  const entities: Entity[] = [ent('eksctl', 'Cluster', clusterId('big'), {}, { name: 'big' })];
  for (let s = 0; s < 50; s++) entities.push(ent('eksctl', 'Subnet', eksctlId('Subnet', 'big', `s${s}`), { cidr: `10.${s}.0.0/16`, az: `eu-west-1${'abc'[s % 3] ?? 'a'}` }));
  for (let g = 0; g < 20; g++) entities.push(ent('eksctl', 'NodeGroup', nodeGroupId('big', `g${g}`), { desiredCapacity: 50 }, { name: `g${g}` }));
  for (let f = 0; f < 10; f++) entities.push(ent('eksctl', 'FargateProfile', fargateProfileId('big', `fp${f}`), { selectors: [{ namespace: `ns${f}*`, labels: { tier: 'batch' } }] }, { name: `fp${f}` }));
  for (let n = 0; n < 1000; n++) {
    const s = n % 50;
    entities.push(ent('kubernetes', 'Node', k8sId('Node', undefined, `n${n}`), {
      labels: { 'alpha.eksctl.io/cluster-name': 'big', 'eks.amazonaws.com/nodegroup': `g${n % 20}` },
      internalIp: `10.${s}.${n % 250}.7`,
      zone: `eu-west-1${'abc'[s % 3] ?? 'a'}`,
    }, { name: `n${n}`, line: n + 1 }));
  }
  for (let p = 0; p < 20000; p++) {
    const ns = `ns${p % 40}`;
    entities.push(ent('kubernetes', 'Pod', k8sId('Pod', ns, `p${p}`), { labels: { app: `a${p % 300}`, tier: p % 2 ? 'batch' : 'web' }, nodeName: p % 3 ? `n${p % 1000}` : 'fargate-ip-10-0-0-1' }, { namespace: ns, name: `p${p}` }));
  }
  const graph = graphOf(entities);
  const start = performance.now();
  run(graph, ...CROSS_SOURCE_PASSES);
  const ms = performance.now() - start;
  expect(graph.relationsTo(nodeGroupId('big', 'g0'), 'member-of')).toHaveLength(50);
  expect(graph.relationsTo(fargateProfileId('big', 'fp1'), 'runs-on').length).toBeGreaterThan(0);
  expect(ms).toBeLessThan(1000);
});
