/**
 * The cross-source passes do work in proportion to the graph, not to its square: the entities and
 * relations they are handed by the graph are counted (not timed) on a 10k- and a 20k-pod graph.
 */
import { expect, it } from 'vitest';
import type { Entity, Relation } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';
import type { EntityKind, RelationType } from '../../../src/model/kinds.js';
import { clusterId, eksctlId, fargateProfileId, k8sId, nodeGroupId } from '../../../src/model/ids.js';
import { CROSS_SOURCE_PASSES } from '../../../src/passes/link/cross/index.js';
import { ent, run } from './helpers.js';

/** A graph that counts every entity and relation it hands out (lookups count one each). */
class CountingGraph extends ModelGraph {
  handed = 0;

  override get(id: string): Entity | undefined {
    this.handed++;
    return super.get(id);
  }

  override ofKind(kind: EntityKind): Entity[] {
    const out = super.ofKind(kind);
    this.handed += out.length + 1;
    return out;
  }

  override *unorderedEntities(): IterableIterator<Entity> {
    for (const e of super.unorderedEntities()) {
      this.handed++;
      yield e;
    }
  }

  override unorderedRelationsFrom(id: string): readonly Relation[] {
    const out = super.unorderedRelationsFrom(id);
    this.handed += out.length + 1;
    return out;
  }

  override unorderedRelationsTo(id: string): readonly Relation[] {
    const out = super.unorderedRelationsTo(id);
    this.handed += out.length + 1;
    return out;
  }

  override relationsFrom(id: string, type?: RelationType): Relation[] {
    const out = super.relationsFrom(id, type);
    this.handed += out.length + 1;
    return out;
  }

  override relationsTo(id: string, type?: RelationType): Relation[] {
    const out = super.relationsTo(id, type);
    this.handed += out.length + 1;
    return out;
  }
}

/** `pods` pods over pods/20 nodes, 50 subnets, 20 node groups, 10 Fargate profiles. */
function bigGraph(pods: number): CountingGraph {
  const nodes = pods / 20;
  const entities: Entity[] = [ent('eksctl', 'Cluster', clusterId('big'), {}, { name: 'big' })];
  for (let s = 0; s < 50; s++) entities.push(ent('eksctl', 'Subnet', eksctlId('Subnet', 'big', `s${s}`), { cidr: `10.${s}.0.0/16`, az: `eu-west-1${'abc'[s % 3] ?? 'a'}` }));
  for (let g = 0; g < 20; g++) entities.push(ent('eksctl', 'NodeGroup', nodeGroupId('big', `g${g}`), { desiredCapacity: 50 }, { name: `g${g}` }));
  for (let f = 0; f < 10; f++) entities.push(ent('eksctl', 'FargateProfile', fargateProfileId('big', `fp${f}`), { selectors: [{ namespace: `ns${f}*`, labels: { tier: 'batch' } }] }, { name: `fp${f}` }));
  for (let n = 0; n < nodes; n++) {
    const s = n % 50;
    entities.push(ent('kubernetes', 'Node', k8sId('Node', undefined, `n${n}`), {
      labels: { 'alpha.eksctl.io/cluster-name': 'big', 'eks.amazonaws.com/nodegroup': `g${n % 20}` },
      internalIp: `10.${s}.${n % 250}.7`,
      zone: `eu-west-1${'abc'[s % 3] ?? 'a'}`,
    }, { name: `n${n}`, line: n + 1 }));
  }
  for (let p = 0; p < pods; p++) {
    const ns = `ns${p % 40}`;
    entities.push(ent('kubernetes', 'Pod', k8sId('Pod', ns, `p${p}`), { labels: { app: `a${p % 300}`, tier: p % 2 ? 'batch' : 'web' }, nodeName: p % 3 ? `n${p % nodes}` : 'fargate-ip-10-0-0-1' }, { namespace: ns, name: `p${p}` }));
  }
  const graph = new CountingGraph();
  for (const e of entities) graph.addEntity(e);
  graph.handed = 0;
  return graph;
}

it('links a 20k-pod graph with work in proportion to its size', () => {
  const small = bigGraph(10_000);
  run(small, ...CROSS_SOURCE_PASSES);
  const big = bigGraph(20_000);
  run(big, ...CROSS_SOURCE_PASSES);
  expect(big.relationsTo(nodeGroupId('big', 'g0'), 'member-of')).toHaveLength(50);
  expect(big.relationsTo(fargateProfileId('big', 'fp1'), 'runs-on').length).toBeGreaterThan(0);
  expect(small.handed).toBeGreaterThan(10_000);
  // Twice the graph, about twice the work (a pass that looked at every pod per node would make it four times).
  expect(big.handed / small.handed).toBeLessThan(2.2);
}, 30_000);
