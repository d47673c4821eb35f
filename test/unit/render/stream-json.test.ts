/**
 * The streamed JSON writer produces exactly JSON.stringify's bytes: on the fixture models, a model
 * imported from the generated EKS fixture, and hostile values; its chunks are grouped, not per token.
 */
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../../src/pipeline.js';
import { CHUNK_CHARS } from '../../../src/render/chunks.js';
import { renderJson, renderJsonChunks } from '../../../src/render/json/render-json.js';
import { streamJson } from '../../../src/render/json/stream-json.js';
import { generateFixture } from '../../helpers/paths.js';
import { FIXTURE_NAMES, hostileModel, loadModel } from './models.js';

const joined = (value: unknown, indent = 2, budget?: number): string => [...streamJson(value, indent, budget)].join('');

const HOSTILE_VALUES: Record<string, unknown> = {
  unicode: 'ünïcødé 名前 🚀 ⟨x⟩ \u2028\u2029 \u202e',
  control: '\u0000\u0001\u001f\u007f\b\f\n\r\t"\\/',
  loneSurrogates: ['\ud800', '\udfff', 'a\ud83dz', '\ude80\ud83d'],
  empties: { a: [], o: {}, nested: [[], {}, [[]], [{}], { x: [] }, { y: {} }], s: '' },
  omitted: { u: undefined, f: () => 1, keep: 1, arr: [undefined, () => 2, Symbol('s'), null] },
  allOmitted: { u: undefined },
  numbers: [0, -0, 1.5e300, -1e-7, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53],
  booleans: [true, false, null],
  keys: { '': 1, 'ü"\n': 2, '10': 3, '2': 4, b: 5, a: 6 },
  boxed: [new String('s'), new Number(3), new Boolean(false)],
  toJSON: { d: new Date(0), custom: { toJSON: (k: string) => `key:${k}` }, inArray: [{ toJSON: (k: string) => ({ at: k }) }] },
  deep: [[[[[[[[[[{ x: [[['z']]] }]]]]]]]]]],
};

describe('streamJson', () => {
  it.each(Object.keys(HOSTILE_VALUES))('%s: same bytes as JSON.stringify', (name) => {
    const v = HOSTILE_VALUES[name];
    expect(joined(v)).toBe(JSON.stringify(v, null, 2));
    expect(joined({ wrapped: [v, { v }] })).toBe(JSON.stringify({ wrapped: [v, { v }] }, null, 2));
  });

  it.each(Object.keys(HOSTILE_VALUES))('%s: same bytes when every container is walked by the streamer', (name) => {
    const v = { wrapped: [HOSTILE_VALUES[name], { v: HOSTILE_VALUES[name] }] };
    expect(joined(v, 2, 0)).toBe(JSON.stringify(v, null, 2));
    expect(joined(v, 3, 0)).toBe(JSON.stringify(v, null, 3));
  });

  it('same bytes when every container is streamed (large values), including empties and omissions', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ i, name: `n${i}\u0000\ud800`, empty: [], none: {}, u: undefined, all: HOSTILE_VALUES }));
    const value = { big, bigObject: Object.fromEntries(big.map((b) => [`k${b.i}`, b])), longString: 'x"'.repeat(100_000) };
    expect(joined(value)).toBe(JSON.stringify(value, null, 2));
    expect(joined(value, 4)).toBe(JSON.stringify(value, null, 4));
  });

  it('a streamed array with `toJSON` entries and omissions among its groups: each entry sees its own index', () => {
    const at = (k: string): unknown => ({ at: k });
    const big = Array.from({ length: 200 }, (_, i) => (i % 37 === 5 ? { toJSON: at } : i % 29 === 3 ? undefined : { i, pad: 'x'.repeat(200) }));
    expect(joined(big)).toBe(JSON.stringify(big, null, 2));
    expect(joined({ big }, 4)).toBe(JSON.stringify({ big }, null, 4));
  });

  it('top-level primitives and empties', () => {
    for (const v of [null, 1, 'a', [], {}, [[]], { a: {} }, { u: undefined }, [undefined]]) {
      expect(joined(v)).toBe(JSON.stringify(v, null, 2));
      expect(joined(v, 2, 0)).toBe(JSON.stringify(v, null, 2));
    }
  });
});

describe('renderJson', () => {
  it.each(FIXTURE_NAMES)('%s: renderJson is JSON.stringify(model, null, 2) + newline', (name) => {
    const model = loadModel(name);
    expect(renderJson(model)).toBe(`${JSON.stringify(model, null, 2)}\n`);
    expect(joined(model, 2, 0)).toBe(JSON.stringify(model, null, 2));
  });

  it('hostile model: same bytes', () => {
    const model = hostileModel();
    expect(renderJson(model)).toBe(`${JSON.stringify(model, null, 2)}\n`);
    expect(joined(model, 2, 0)).toBe(JSON.stringify(model, null, 2));
  });

  it('generated fixture: same bytes, in chunks of about 64 KiB', async () => {
    const model = await importArchitecture([generateFixture({ pods: 300 })], { cwd: '/' });
    const expected = `${JSON.stringify(model, null, 2)}\n`;
    const chunks = [...renderJsonChunks(model)];
    expect(chunks.join('')).toBe(expected);
    expect(`${joined(model, 2, 0)}\n`).toBe(expected);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(CHUNK_CHARS);
      expect(c.length).toBeLessThan(CHUNK_CHARS + 64 * 1024);
    }
  });
});
