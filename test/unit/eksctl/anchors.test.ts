/**
 * YAML anchors and merge keys as eksctl users write them. eksctl checks a file with sigs.k8s.io/yaml
 * `UnmarshalStrict` (go-yaml v2 strict) and then decodes it; archmap's loader (eemeli `yaml`,
 * `merge: true`) gives the same values for merges whose keys do not overlap. Where a merged key is
 * set again (an explicit key, or a second `<<` with the same key) go-yaml v2 strict fails with
 * "key … already set in map", so eksctl rejects the file; archmap keeps the explicit value
 * (the last two cases). Reporting that needs the loader's help (see the helper report).
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

  it('an explicit key after `<<` wins (eksctl itself rejects this overlap)', () => {
    expect(l.entity('NodeGroup:c1/override').props['instanceTypes']).toEqual(['c5.large']);
  });

  it('an aliased list item is copied; a merge into it with a new name wins (eksctl rejects the overlap)', () => {
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
