/**
 * YAML anchors and merge keys as eksctl users write them. eksctl reads YAML with go-yaml v2 (through
 * sigs.k8s.io/yaml); archmap's loader (eemeli `yaml`, `merge: true`) must give the same values for
 * the patterns below. (Where two merged maps share a key the two libraries differ; see the report.)
 */
import { describe, expect, it } from 'vitest';
import { HEADER, lowerText } from './helpers.js';

const text = `${HEADER}x-base: &base
  instanceType: m5.xlarge
  privateNetworking: true
x-labels: &labels
  labels: {team: data}
x-sizes: &sizes
  minSize: 1
  maxSize: 5
managedNodeGroups:
  - name: repeated-merge-keys
    <<: *base
    <<: *labels
    desiredCapacity: 2
  - name: merge-list
    <<: [*base, *sizes]
  - name: override
    <<: *base
    instanceType: c5.large
nodeGroups:
  - &ng
    name: first
    volumeSize: 50
  - <<: *ng
    name: second
`;

describe('anchors and merge keys', () => {
  // The `x-` keys are not ClusterConfig fields: eksctl rejects them too, so they are reported.
  const l = lowerText(text);

  it('repeated `<<` keys merge every map', () => {
    expect(l.entity('NodeGroup:c1/repeated-merge-keys').props).toMatchObject({
      instanceTypes: ['m5.xlarge'], privateNetworking: true, desiredCapacity: 2, labels: { team: 'data' },
    });
  });

  it('`<<: [*a, *b]` merges a list of maps', () => {
    expect(l.entity('NodeGroup:c1/merge-list').props).toMatchObject({ instanceTypes: ['m5.xlarge'], privateNetworking: true, minSize: 1, maxSize: 5 });
  });

  it('an explicit key after `<<` overrides the merged value', () => {
    expect(l.entity('NodeGroup:c1/override').props['instanceTypes']).toEqual(['c5.large']);
  });

  it('an aliased list item is copied, and a merge into it can rename it', () => {
    expect(l.entity('NodeGroup:c1/first').props['volumeSize']).toBe(50);
    expect(l.entity('NodeGroup:c1/second').props['volumeSize']).toBe(50);
  });

  it('only the x- helper keys are diagnosed, at their lines', () => {
    expect(l.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['eksctl/unknown-field', 6],
      ['eksctl/unknown-field', 9],
      ['eksctl/unknown-field', 11],
    ]);
  });
});
