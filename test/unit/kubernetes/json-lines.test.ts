/**
 * The kubectl-JSON line reader, differentially against `JSON.parse`: on every item of the corpus
 * JSON dumps and the generated fixture (whole, and with the prune rules against a reference reading
 * of them), on generated values, and on mutated text. It may refuse input (SubsetError → JSON.parse),
 * but whatever it returns must be what JSON.parse returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseJsonItem } from '../../../src/frontends/kubernetes/dump/json-lines.js';
import { ITEM_PRUNE } from '../../../src/frontends/kubernetes/dump/prune.js';
import { SubsetError } from '../../../src/frontends/kubernetes/dump/yaml-subset.js';
import { corpusFiles, generateFixture } from '../../helpers/paths.js';
import { gen, pruneItem, rng } from './subset-helpers.js';

type Parsed = ReturnType<typeof parseJsonItem>;

/** Our reading of the item whose `{` is at `start`, or `undefined` outside the subset. */
function ours(text: string, start: number, indent: number, prune = false): Parsed | undefined {
  try {
    return parseJsonItem(text, start, text.length, indent, prune ? ITEM_PRUNE : undefined);
  } catch (err) {
    if (err instanceof SubsetError) return undefined;
    throw err;
  }
}

/** The items of a kubectl JSON list: `{` lines at the items' indentation. */
function itemStarts(text: string): { start: number; indent: number }[] {
  const m = /\n( *)"items": \[\n( *)\{\n/.exec(text);
  if (!m) return [];
  const indent = m[2]?.length ?? 0;
  const opener = '\n' + ' '.repeat(indent) + '{\n';
  const out: { start: number; indent: number }[] = [];
  for (let i = text.indexOf(opener, m.index); i >= 0; i = text.indexOf(opener, i + 1)) out.push({ start: i + 1 + indent, indent });
  return out;
}

function compareItems(text: string): number {
  let compared = 0;
  for (const { start, indent } of itemStarts(text)) {
    const whole = ours(text, start, indent);
    if (!whole) continue;
    const want: unknown = JSON.parse(text.slice(start, whole.end));
    expect(whole.value).toEqual(want);
    expect(ours(text, start, indent, true)?.value).toEqual(pruneItem(want, ITEM_PRUNE));
    // `next` is the start of the line after the item, `newlines` the line breaks before it.
    expect(text.slice(whole.end, whole.next)).toMatch(/^,?\n?$/);
    expect(whole.newlines).toBe(text.slice(start, whole.next).split('\n').length - 1);
    compared++;
  }
  return compared;
}

describe('differential: items of the corpus dumps', () => {
  const files = corpusFiles('k8s-dumps');
  let compared = 0;
  it.each(files.map((f) => [f.split('/').pop() ?? f, f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    let json = text;
    if (!file.endsWith('.json')) {
      // A YAML dump, written as kubectl writes the same list with `-o json`.
      let value: unknown;
      try {
        value = load(text, { schema: CORE_SCHEMA });
      } catch {
        return; // a deliberately broken file
      }
      json = JSON.stringify(value, null, 4);
    }
    compared += compareItems(json);
  });
  it('compared the items of real dumps', () => {
    expect(compared).toBeGreaterThan(500);
  });
});

describe('differential: the generated fixture', () => {
  it('reads every item of the JSON dump as JSON.parse does', () => {
    const text = readFileSync(join(generateFixture({ pods: 300, seed: 5 }), 'kubectl/cluster-dump.json'), 'utf8');
    const items = itemStarts(text).length;
    expect(items).toBeGreaterThan(300);
    expect(compareItems(text)).toBe(items);
  });
});

describe('fuzz', () => {
  it('agrees with JSON.parse on generated values (Go and JS indentation are the same)', () => {
    const r = rng(11);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const value = { apiVersion: 'v1', kind: r() < 0.3 ? 'Pod' : 'Thing', root: gen(r, 0), spec: { items: [gen(r, 1), gen(r, 1)] } };
      const text = JSON.stringify(value, null, 4);
      const got = ours(text, 0, 0);
      if (!got) continue;
      accepted++;
      expect(got.value, text).toEqual(value);
      expect(ours(text, 0, 0, true)?.value, text).toEqual(pruneItem(value, ITEM_PRUNE));
    }
    expect(accepted).toBeGreaterThan(2500);
  });

  it('never accepts what JSON.parse rejects, nor reads it differently (mutated text)', () => {
    const r = rng(12);
    const base = JSON.stringify({ a: 'x', b: ['1', 2, { c: 'esc \\ " \u00e9', d: [] }], e: { f: null, g: true, h: -1.5e3 }, i: {} }, null, 4);
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const at = Math.floor(r() * base.length);
      const insert = [' ', '\n', ',', '"', '{', '}', '[', ']', ':', '\\', 'x', '1'][Math.floor(r() * 12)] ?? '';
      const mutated = r() < 0.3 ? base.slice(0, at) : r() < 0.5 ? base.slice(0, at) + base.slice(at + 1) : base.slice(0, at) + insert + base.slice(at);
      const got = ours(mutated, 0, 0);
      if (!got) continue;
      let want: unknown;
      try {
        want = JSON.parse(mutated.slice(0, got.end));
      } catch {
        throw new Error(`accepted invalid JSON:\n${mutated}`);
      }
      expect(got.value, mutated).toEqual(want);
      accepted++;
    }
    expect(accepted).toBeGreaterThan(300);
  });

  it.each([
    ['a closer', '{\n    "a": {\n        "b": 1\n  x }\n}'],
    ['an entry at its siblings\' column', '{\n    "a": {\n        "b": 1,\n   x    "c": 2\n    }\n}'],
  ])('rejects a non-space in the indentation of %s, as JSON.parse does', (_what, text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(ours(text, 0, 0)).toBeUndefined();
  });

  it('keeps __proto__ as an own key, as JSON.parse does', () => {
    const text = '{\n    "__proto__": {\n        "polluted": true\n    }\n}';
    expect(ours(text, 0, 0)?.value).toEqual(JSON.parse(text));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(['{\n    "a\\u0062": 1\n}', '{\n    "q\\"\\\\": {\n        "\\\\": "\\t"\n    }\n}'])('decodes escaped keys and values like JSON.parse: %s', (text) => {
    expect(ours(text, 0, 0)?.value).toEqual(JSON.parse(text));
  });

  it.each([
    ['two members on one line', '{\n    "a": 1, "b": 2\n}'],
    ['a one-line item', '{"a": 1}'],
    ['a duplicate key (JSON.parse keeps the last)', '{\n    "a": 1,\n    "a": 2\n}'],
    ['a collection on one line', '{\n    "a": [1, 2]\n}'],
    ['CRLF line breaks', '{\r\n    "a": 1\r\n}'],
    ['a closing brace at another indentation', '{\n    "a": {\n        "b": 1\n      }\n}'],
    ['text after a closing brace', '{\n    "a": {\n        "b": 1\n    }x\n}'],
  ])('refuses %s (JSON.parse takes it)', (_what, text) => {
    expect(ours(text, 0, 0)).toBeUndefined();
  });
});
