/** What a worker sends back for a batch: entities as JSON when the round trip is exact. */
import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../src/frontends/kubernetes/dump/batch.js';
import { fromWire, toWire } from '../../../src/frontends/kubernetes/dump/wire.js';
import { makeEntity, type PropValue } from '../../../src/model/entity.js';

function result(props: Record<string, PropValue>): BatchResult {
  const e = makeEntity({ id: 'Pod:ns/p', kind: 'Pod', name: 'p', namespace: 'ns', props, source: { file: 'f', line: 3, format: 'kubernetes' } });
  return { entities: [e], diagnostics: [], firstLine: 1, newlines: 4, objects: 1, fallbacks: 0 };
}

describe('toWire', () => {
  it('sends entities as JSON that reads back to the same entities', () => {
    const r = result({ labels: { app: 'web' }, ports: [80, 443], hostNetwork: false, note: null });
    const wire = toWire(r);
    expect(typeof wire.entities).toBe('string');
    expect(JSON.parse(wire.entities as string)).toEqual(r.entities);
    expect(wire.newlines).toBe(4);
    expect(fromWire(wire)).toEqual(r);
  });

  it.each([Infinity, -Infinity, NaN])('keeps objects when a prop holds %s (JSON would make it null)', (n) => {
    const r = result({ containers: [{ ports: [n] }], note: null });
    expect(toWire(r).entities).toBe(r.entities);
    expect(fromWire(toWire(r)).entities).toBe(r.entities);
  });
});
