import { describe, expect, it } from 'vitest';
import { parseTaints } from '../../../src/frontends/eksctl/taints.js';
import { HEADER, lowerText } from './helpers.js';

describe('parseTaints', () => {
  it.each([
    { name: 'list form', input: [{ key: 'b', value: 'x', effect: 'NoSchedule' }, { key: 'a', effect: 'NoExecute' }], taints: [{ key: 'a', effect: 'NoExecute' }, { key: 'b', value: 'x', effect: 'NoSchedule' }] },
    { name: 'map form', input: { special: 'true:NoSchedule', feature: ':PreferNoSchedule' }, taints: [{ key: 'feature', effect: 'PreferNoSchedule' }, { key: 'special', value: 'true', effect: 'NoSchedule' }] },
    { name: 'map value with a colon inside', input: { url: 'a:b:NoExecute' }, taints: [{ key: 'url', value: 'a:b', effect: 'NoExecute' }] },
    { name: 'absent', input: undefined, taints: [] },
  ])('$name', ({ input, taints }) => {
    expect(parseTaints(input)).toEqual({ taints, problems: [] });
  });

  it.each([
    { name: 'map value without an effect', input: { k: 'v' }, at: 'k' },
    { name: 'map value with an unknown effect', input: { k: 'v:Sometimes' }, at: 'k' },
    { name: 'list item without an effect', input: [{ key: 'k' }], at: 0 },
  ])('reports $name', ({ input, at }) => {
    const { taints, problems } = parseTaints(input);
    expect(taints).toEqual([]);
    expect(problems.map((p) => p.at)).toEqual([at]);
  });

  it('both forms reach the NodeGroup entity; a bad entry is a warning with its line', () => {
    const l = lowerText(`${HEADER}nodeGroups:\n  - name: a\n    taints:\n      dedicated: "gpu:NoSchedule"\n      broken: "x"\nmanagedNodeGroups:\n  - name: b\n    taints: [{key: spot, value: "true", effect: NoSchedule}]\n`);
    expect(l.entity('NodeGroup:c1/a').props['taints']).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(l.entity('NodeGroup:c1/b').props['taints']).toEqual([{ key: 'spot', value: 'true', effect: 'NoSchedule' }]);
    expect(l.diagnostics).toEqual([expect.objectContaining({ code: 'eksctl/bad-taint', severity: 'warning', line: 10 })]);
  });
});
