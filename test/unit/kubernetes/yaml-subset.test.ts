/**
 * The kubectl-YAML subset parser, differentially against js-yaml (core schema, the same resolution
 * as the general loader): on every YAML document of the corpus k8s folders, on every item of the
 * corpus dumps, and on generated input written in several styles. The parser may refuse input
 * (SubsetError → general loader), but whatever it returns must equal js-yaml's reading.
 */
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, dump, load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { entryPrune, ITEM_PRUNE, subPrune, type Prune } from '../../../src/frontends/kubernetes/dump/prune.js';
import { countNewlines } from '../../../src/core/text.js';
import { parseJsonItem } from '../../../src/frontends/kubernetes/dump/json-lines.js';
import { parseYamlBlock, readYamlItem, SubsetError } from '../../../src/frontends/kubernetes/dump/yaml-subset.js';
import { corpusFiles } from '../../helpers/paths.js';
import { gen, parseYamlItem, pruneItem, rng } from './subset-helpers.js';

const yamlFiles = [...corpusFiles('k8s-manifests'), ...corpusFiles('k8s-dumps')].filter((f) => !f.endsWith('.json'));

/** Our parse, or `undefined` when the input is outside the subset. */
function ours(text: string): { value: unknown } | undefined {
  try {
    return { value: parseYamlBlock(text) };
  } catch (err) {
    if (err instanceof SubsetError) return undefined;
    throw err;
  }
}

function reference(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

/** Documents of a multi-document file, split on `---` lines (js-yaml reads each for comparison). */
function documents(text: string): string[] {
  return text.replace(/\r\n/g, '\n').split(/^---[^\n]*$/m).filter((d) => d.trim() !== '');
}

describe('differential: corpus documents', () => {
  let compared = 0;
  it.each(yamlFiles.map((f) => [f.split('/').pop() ?? f, f]))('%s', (_name, file) => {
    for (const doc of documents(readFileSync(file, 'utf8'))) {
      let want: unknown;
      try {
        want = reference(doc);
      } catch {
        continue; // js-yaml rejects it: nothing to compare with
      }
      const got = ours(doc);
      if (got === undefined) continue;
      compared++;
      expect(got.value).toEqual(want);
    }
  });
  it('compared a real share of the corpus', () => {
    expect(compared).toBeGreaterThan(100);
  });
});

describe('differential: every item of the corpus dumps', () => {
  const dumps = corpusFiles('k8s-dumps').filter((f) => !f.endsWith('.json'));
  it.each(dumps.map((f) => [f.split('/').pop() ?? f, f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    const starts: number[] = [];
    for (let i = text.indexOf('\n- '); i >= 0; i = text.indexOf('\n- ', i + 1)) starts.push(i + 1);
    let parsed = 0;
    for (const [k, start] of starts.entries()) {
      const nextLine = /\n[^ \n]/g;
      nextLine.lastIndex = start;
      const end = (nextLine.exec(text)?.index ?? text.length - 1) + 1;
      if (starts[k + 1] !== undefined && (starts[k + 1] ?? 0) < end) continue;
      let want: unknown;
      try {
        want = reference(' ' + text.slice(start + 1, end));
      } catch {
        continue;
      }
      try {
        expect(parseYamlItem(text, start, end)).toEqual(want);
        parsed++;
      } catch (err) {
        if (!(err instanceof SubsetError)) throw err;
      }
    }
    // Items with comment lines are outside the subset; every other dump must take the fast path.
    if (starts.length > 0 && !/^\s*#/m.test(text)) expect(parsed).toBeGreaterThan(0);
  });
});

describe('prune', () => {
  it('skips exactly the pruned values of corpus dump items', () => {
    let checked = 0;
    for (const file of corpusFiles('k8s-dumps').filter((f) => !f.endsWith('.json'))) {
      const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const starts: number[] = [];
      for (let i = text.indexOf('\n- '); i >= 0; i = text.indexOf('\n- ', i + 1)) starts.push(i + 1);
      for (const [k, start] of starts.entries()) {
        const end = starts[k + 1] ?? text.length;
        try {
          const full = parseYamlItem(text, start, end);
          expect(parseYamlItem(text, start, end, ITEM_PRUNE)).toEqual(pruneItem(full, ITEM_PRUNE));
          checked++;
        } catch (err) {
          if (!(err instanceof SubsetError)) throw err;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  const item = (lines: string[]): string => lines.join('\n') + '\n';
  const pod = item(['- apiVersion: v1', '  kind: Pod', '  metadata:', '    creationTimestamp: "2026-01-01T00:00:00Z"', '    name: p', '  spec:', '    nodeName: n', '    schedulerName: default']);

  it('reads only the allow-listed fields after `kind`', () => {
    expect(parseYamlItem(pod, 0, pod.length, ITEM_PRUNE)).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n' } });
  });

  it('reads keys before `kind` with the deny-list (hand-ordered files)', () => {
    const text = item(['- metadata:', '    creationTimestamp: x', '    name: p', '  kind: Pod', '  apiVersion: v1', '  spec:', '    schedulerName: s']);
    expect(parseYamlItem(text, 0, text.length, ITEM_PRUNE)).toEqual({ metadata: { creationTimestamp: 'x', name: 'p' }, kind: 'Pod', apiVersion: 'v1', spec: { schedulerName: 's' } });
  });

  it('keeps the allow-list to its group: a custom `Pod` kind is read whole', () => {
    const text = pod.replace('apiVersion: v1', 'apiVersion: example.com/v1');
    expect(parseYamlItem(text, 0, text.length, ITEM_PRUNE)).toEqual(parseYamlItem(text, 0, text.length));
  });

  it('finds where an item ends: the next line at column 0', () => {
    const text = pod + '\n' + pod + 'kind: List\n';
    const first = readYamlItem(text, 0, text.length);
    expect(first.next).toBe(pod.length + 1);
    expect(readYamlItem(text, first.next, text.length).next).toBe(2 * pod.length + 1);
    expect(first.value).toEqual(parseYamlItem(pod, 0, pod.length));
  });

  it('refuses a quoted scalar that would run into the next item', () => {
    const text = item(['- a: "open', '- b: "x"']);
    expect(() => readYamlItem(text, 0, text.length)).toThrow(SubsetError);
  });

  it('skips a pruned value up to a less indented line with a space at the value\'s column', () => {
    // `  b c: 1` is indented 2: it ends the skipped `managedFields` (column 4) although its column 4 is a space.
    const text = item(['- metadata:', '    managedFields:', '      x: 1', '  b c: 1']);
    expect(parseYamlItem(text, 0, text.length, ITEM_PRUNE)).toEqual({ metadata: {}, 'b c': 1 });
  });

  it('does not look up allow-list keys on the prototype', () => {
    expect(subPrune({}, 'constructor')).toBeUndefined();
    expect(subPrune({}, '__proto__')).toBeUndefined();
    expect(entryPrune(Object.create({ '[]': { a: true } }) as Prune)).toBeUndefined();
  });
});

describe('fuzz: generated documents in several YAML styles', () => {
  const styles = [
    { noArrayIndent: true, lineWidth: 80 },
    { noArrayIndent: false, lineWidth: 40 },
    { noArrayIndent: true, lineWidth: -1, quotingType: '"' as const },
    { noArrayIndent: true, lineWidth: 20, forceQuotes: true },
  ];
  it('agrees with js-yaml whenever it accepts the input', () => {
    const r = rng(20261122);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const value = { root: gen(r, 0), items: [gen(r, 1), gen(r, 1)] };
      const style = styles[i % styles.length] ?? {};
      const text = dump(value, { schema: CORE_SCHEMA, ...style });
      const got = ours(text);
      if (got === undefined) continue;
      accepted++;
      expect(got.value, text).toEqual(reference(text));
    }
    // Many must take the fast path, or this test proves little (js-yaml folds long strings with `>`, which kubectl never writes).
    expect(accepted).toBeGreaterThan(1000);
  });

  it('counts the line breaks of each item it reads (blank lines, continuations, block scalars)', () => {
    const r = rng(99);
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const body = dump({ a: gen(r, 1), b: gen(r, 1) }, { schema: CORE_SCHEMA, ...(styles[i % styles.length] ?? {}) }).trimEnd();
      // Blank lines at random (inside block scalars too: they are part of the text either way).
      const lines = body.split('\n').flatMap((l) => (r() < 0.15 ? [l, ''] : [l]));
      const item = '- ' + lines.map((l, k) => (k === 0 || l === '' ? l : `  ${l}`)).join('\n') + '\n' + (r() < 0.5 ? '\n' : '');
      const text = `${item}- next: 1\n`;
      let read: { next: number; lines: number };
      try {
        read = readYamlItem(text, 0, text.length);
      } catch (err) {
        if (err instanceof SubsetError) continue;
        throw err;
      }
      accepted++;
      expect(read.next, text).toBe(item.length);
      expect(read.lines, text).toBe(countNewlines(text, 0, read.next));
    }
    expect(accepted).toBeGreaterThan(500);
    // A plain scalar continued on the next line, then blank lines before its parent's next key.
    const plain = '- a: word\n    continued\n\n\n  b: 1\n\n- next: 1\n';
    const read = readYamlItem(plain, 0, plain.length);
    expect(read.value).toEqual({ a: 'word continued', b: 1 });
    expect([read.next, read.lines]).toEqual([plain.indexOf('- next'), 6]);
    // A double-quoted scalar folded with escaped line breaks, as go-yaml writes long strings.
    const folded = '- a: "one \\\n    two \\\n    three"\n  b: 1\n- next: 1\n';
    const item = folded.slice(0, folded.indexOf('- next'));
    expect(parseYamlItem(item, 0, item.length)).toEqual(load(item.replace(/^- /, '').replace(/^  /gm, '')));
    expect(readYamlItem(folded, 0, folded.length).lines).toBe(4);
    // …and its continuation may not start at column 0 either.
    const column0 = '- a: "one \\\ntwo"\n';
    expect(() => readYamlItem(column0, 0, column0.length)).toThrow(SubsetError);
  });

  it('agrees with js-yaml on truncated and mutated kubectl-style text', () => {
    const r = rng(7);
    const base = dump({ items: [{ a: 'x', b: ['1', 2, { c: 'long text '.repeat(12) }], d: { e: null, f: 'multi\nline\n' } }] }, { noArrayIndent: true, lineWidth: 40 });
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(r() * base.length);
      const mutated = r() < 0.5 ? base.slice(0, at) : base.slice(0, at) + [' ', '\n', ':', '-', '#', '"', "'", '|'][Math.floor(r() * 8)] + base.slice(at);
      let want: unknown;
      try {
        want = reference(mutated);
      } catch {
        want = Symbol.for('invalid');
      }
      const got = ours(mutated);
      if (got === undefined) continue;
      accepted++;
      expect(got.value, mutated).toEqual(want);
    }
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('scalars', () => {
  it.each([
    ['a: "esc \\" \\\\ \\n \\t \\x41 \\u00e9 \\U0001F600"', { a: 'esc " \\ \n \t A é 😀' }],
    ["a: 'it''s'", { a: "it's" }],
    ['a: |\n  x\n  y\n', { a: 'x\ny\n' }],
    ['a: |-\n  x\n\n', { a: 'x' }],
    ['a: |+\n  x\n\n', { a: 'x\n\n' }],
    ['a:\n- 1\n- b: 2\n  c: 3\n', { a: [1, { b: 2, c: 3 }] }],
    ['a: plain\n  continued\n\n  para\n', { a: 'plain continued\npara' }],
    ['a: "folded\n  quoted"\n', { a: 'folded quoted' }],
    ['__proto__: x\n', JSON.parse('{"__proto__": "x"}') as unknown],
  ])('%j', (text, want) => {
    expect(ours(text)?.value).toEqual(want);
    expect(ours(text)?.value).toEqual(reference(text));
  });

  it.each(['a: &x 1\n', 'a: *x\n', 'a: !!str 1\n', 'a: [1, 2]\n', 'a: >\n  x\n', 'a: 1 # c\n', 'a: 1\na: 2\n', 'a: 0b11\n', 'a: 99999999999999999999\n'])(
    'refuses %j (the general loader takes it)',
    (text) => {
      expect(ours(text)).toBeUndefined();
    },
  );

  it('reads a key YAML resolves (`True`) as js-yaml does every time, also after the JSON reader met it; a null key leaves the subset', () => {
    const yaml = '- True: 1\n  name: n\n';
    const want = (load(yaml, { schema: CORE_SCHEMA }) as unknown[])[0];
    expect(want).toEqual({ true: 1, name: 'n' });
    expect(parseYamlItem(yaml, 0, yaml.length)).toEqual(want);
    // The JSON reader takes `True` verbatim; the keys both readers remember must not carry that over.
    const json = '{\n    "True": 1,\n    "NULL": 2\n}';
    expect(parseJsonItem(json, 0, json.length, 0).value).toEqual({ True: 1, NULL: 2 });
    expect(parseYamlItem(yaml, 0, yaml.length)).toEqual(want);
    // js-yaml names a null key `null`, the general loader (yaml) ``: the item goes to the general loader.
    const nullKey = '- NULL: 2\n  name: n\n';
    expect(() => parseYamlItem(nullKey, 0, nullKey.length)).toThrow(SubsetError);
  });

  it('keeps loadAll-compatible output for a multi-item list', () => {
    const text = 'items:\n- a: 1\n- b: 2\n';
    expect(ours(text)?.value).toEqual(loadAll(text, undefined, { schema: CORE_SCHEMA })[0]);
  });
});
