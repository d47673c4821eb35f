/**
 * An eksctl-generated self-managed node group (CloudFormation, gzip+base64 user data whose kubelet
 * unit reads `NODE_LABELS` from an EnvironmentFile) imported with its nodes through
 * `importArchitecture`: one NodeGroup, named by the eksctl labels of the user data (J13(a)), each
 * node a member of it by J11, and no drift.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../src/pipeline.js';
import { CORPUS } from '../helpers/paths.js';

const TEMPLATE = join(CORPUS, 'cfn-json/eksctl-io+eksctl__pkg_cfn_template_testdata_nodegroup-example-1.json');

const node = (n: number): string => `apiVersion: v1
kind: Node
metadata:
  name: ip-192-168-1-${n}.us-west-2.compute.internal
  labels:
    alpha.eksctl.io/cluster-name: test
    alpha.eksctl.io/nodegroup-name: n5
    node.kubernetes.io/instance-type: m5.large
spec:
  providerID: aws:///us-west-2a/i-0abc12345678900${n}
`;

async function importWith(nodes: number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'archmap-sm-'));
  const file = join(dir, 'nodes.yaml');
  writeFileSync(file, nodes.map(node).join('---\n'));
  return importArchitecture([TEMPLATE, file], { cwd: dir });
}

describe('eksctl self-managed node group (CloudFormation) with its nodes', () => {
  it('one NodeGroup test/n5 with the user data labels, both nodes members by J11, no drift', async () => {
    const m = await importWith([10, 11]);
    const groups = m.entities.filter((e) => e.kind === 'NodeGroup');
    expect(groups.map((g) => g.id)).toEqual(['NodeGroup:test/n5']);
    expect(groups[0]?.props).toMatchObject({
      logicalId: 'NodeGroup',
      nodeGroupType: 'self-managed',
      cluster: 'Cluster:test',
      minSize: 2,
      maxSize: 2,
      labels: { 'alpha.eksctl.io/cluster-name': 'test', 'alpha.eksctl.io/nodegroup-name': 'n5' },
    });
    expect(groups[0]?.props['observedOnly']).toBeUndefined();
    expect(m.relations.filter((r) => r.type === 'member-of' && r.to === 'NodeGroup:test/n5').map((r) => [r.from, r.rule, r.confidence])).toEqual([
      ['Node:ip-192-168-1-10.us-west-2.compute.internal', 'J11', 'high'],
      ['Node:ip-192-168-1-11.us-west-2.compute.internal', 'J11', 'high'],
    ]);
    expect(m.drift).toEqual([]);
    expect(JSON.stringify(m)).not.toContain('INSTANCE_ID');
  });

  it('one node of a 2..2 group: the only drift is the true one (out of bounds)', async () => {
    const m = await importWith([10]);
    expect(m.entities.filter((e) => e.kind === 'NodeGroup').map((g) => g.id)).toEqual(['NodeGroup:test/n5']);
    expect(m.drift.map((d) => [d.code, d.entity])).toEqual([['drift/nodegroup-out-of-bounds', 'NodeGroup:test/n5']]);
  });
});
