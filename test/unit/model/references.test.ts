import { describe, expect, it } from 'vitest';
import { makeEntity } from '../../../src/model/entity.js';
import { ModelGraph } from '../../../src/model/graph.js';
import type { EntityKind, InputFormat } from '../../../src/model/kinds.js';
import { resolveReferences } from '../../../src/passes/references.js';

const ent = (format: InputFormat, kind: EntityKind, id: string, props = {}) =>
  makeEntity({ id, kind, name: id, props, source: { file: `${format}.yaml`, line: 1, format } });

describe('resolveReferences', () => {
  it('rewrites ids merged away, in lists and nested records, and drops the duplicates a merge makes', () => {
    const g = new ModelGraph();
    g.addEntity(ent('cloudformation', 'Subnet', 'Subnet:cfn:a'));
    g.addEntity(ent('eksctl', 'Subnet', 'Subnet:eksctl:a'));
    g.addEntity(ent('eksctl', 'NodeGroup', 'NodeGroup:c/ng', { subnets: ['Subnet:eksctl:a', 'Subnet:cfn:a', 'subnet-123'], placement: { primary: 'Subnet:eksctl:a' }, size: 2 }));
    g.merge('Subnet:cfn:a', 'Subnet:eksctl:a');
    resolveReferences(g);
    expect(g.get('NodeGroup:c/ng')?.props).toEqual({ subnets: ['Subnet:cfn:a', 'subnet-123'], placement: { primary: 'Subnet:cfn:a' }, size: 2 });
  });

  it('leaves Kubernetes objects and unchanged values alone (same objects)', () => {
    const g = new ModelGraph();
    g.addEntity(ent('eksctl', 'Cluster', 'Cluster:x'));
    g.addEntity(ent('kubernetes', 'Cluster', 'Cluster:y'));
    const labels = { team: 'Cluster:y' };
    g.addEntity(ent('kubernetes', 'Pod', 'Pod:ns/p', { labels }));
    const tags = ['a', 'b'];
    g.addEntity(ent('eksctl', 'NodeGroup', 'NodeGroup:x/ng', { tags }));
    g.merge('Cluster:x', 'Cluster:y');
    resolveReferences(g);
    expect(g.get('Pod:ns/p')?.props['labels']).toEqual({ team: 'Cluster:y' });
    expect(g.get('NodeGroup:x/ng')?.props['tags']).toBe(tags);
  });
});
