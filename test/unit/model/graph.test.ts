import { describe, expect, it } from 'vitest';
import { makeEntity, unresolved, type PropValue } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';

const subnet = (id: string, file: string, line: number, props: Record<string, PropValue>, defaulted: string[] = []) =>
  makeEntity({ id, kind: 'Subnet', name: id, props, defaulted, source: { file, line, format: 'cloudformation' } });

describe('ModelGraph', () => {
  it('merges entities with the same id: sources unioned and sorted, first source wins conflicts', () => {
    for (const order of [[0, 1], [1, 0]]) {
      const g = new ModelGraph();
      const parts = [subnet('S', 'a.yaml', 3, { cidr: '10.0.0.0/24', az: 'x' }), subnet('S', 'b.yaml', 9, { cidr: '10.0.9.0/24', tags: { k: 'v' } })];
      for (const i of order) g.addEntity(parts[i]!);
      const s = g.get('S');
      expect(s?.sources.map((x) => `${x.file}:${x.line}`)).toEqual(['a.yaml:3', 'b.yaml:9']);
      expect(s?.props).toEqual({ cidr: '10.0.0.0/24', az: 'x', tags: { k: 'v' } });
    }
  });

  it('prefers a concrete value over a placeholder and a declared value over a default', () => {
    const g = new ModelGraph();
    g.addEntity(subnet('S', 'a.yaml', 1, { az: unresolved('GetAZs()[0]'), cidr: '192.168.0.0/19' }, ['cidr']));
    g.addEntity(subnet('S', 'b.yaml', 1, { az: 'eu-west-1a', cidr: '10.0.0.0/24' }));
    expect(g.get('S')?.props).toEqual({ az: 'eu-west-1a', cidr: '10.0.0.0/24' });
    expect(g.get('S')?.defaulted).toEqual([]);
  });

  it('merge() redirects relations and resolves aliases', () => {
    const g = new ModelGraph();
    g.addEntity(subnet('A', 'a.yaml', 1, {}));
    g.addEntity(subnet('B', 'b.yaml', 1, {}));
    g.addEntity(makeEntity({ id: 'V', kind: 'Vpc', name: 'v', source: { file: 'a.yaml', line: 1, format: 'cloudformation' } }));
    g.addRelation({ type: 'contains', from: 'V', to: 'B', confidence: 'high', rule: 'x' });
    g.merge('A', 'B');
    expect(g.resolve('B')).toBe('A');
    expect(g.get('B')?.id).toBe('A');
    expect(g.ofKind('Subnet').map((e) => e.id)).toEqual(['A']);
    expect(g.relationsFrom('V')).toEqual([{ type: 'contains', from: 'V', to: 'A', confidence: 'high', rule: 'x' }]);
    g.addRelation({ type: 'depends-on', from: 'B', to: 'V', confidence: 'high', rule: 'y' });
    expect(g.relationsTo('V').map((r) => r.from)).toEqual(['A']);
  });

  it('keeps the strongest duplicate relation and reports dangling ones apart', () => {
    const g = new ModelGraph();
    g.addEntity(subnet('A', 'a.yaml', 1, {}));
    g.addEntity(subnet('B', 'a.yaml', 2, {}));
    g.addRelation({ type: 'depends-on', from: 'A', to: 'B', confidence: 'low', rule: 'J9' });
    g.addRelation({ type: 'depends-on', from: 'A', to: 'B', confidence: 'high', rule: 'cfn-ref' });
    g.addRelation({ type: 'depends-on', from: 'A', to: 'Nowhere', confidence: 'high', rule: 'cfn-ref' });
    const { relations, dangling } = g.finalRelations();
    expect(relations).toEqual([{ type: 'depends-on', from: 'A', to: 'B', confidence: 'high', rule: 'cfn-ref' }]);
    expect(dangling.map((r) => r.to)).toEqual(['Nowhere']);
  });

  it('reports relations from an id that is no entity as dangling, beside the entities with relations', () => {
    const g = new ModelGraph();
    g.addEntity(subnet('A', 'a.yaml', 1, {}));
    g.addEntity(subnet('B', 'a.yaml', 2, {}));
    g.addRelation({ type: 'depends-on', from: 'A', to: 'B', confidence: 'high', rule: 'x' });
    g.addRelation({ type: 'depends-on', from: 'Ghost', to: 'A', confidence: 'high', rule: 'x' });
    const { relations, dangling } = g.finalRelations();
    expect(relations.map((r) => `${r.from}>${r.to}`)).toEqual(['A>B']);
    expect(dangling.map((r) => `${r.from}>${r.to}`)).toEqual(['Ghost>A']);
  });
});
