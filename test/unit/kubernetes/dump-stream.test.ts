/**
 * The streamed dump reader must give exactly what the general loader gives (same entities, same
 * props, same lines) on every corpus dump and on the generated fixture, whatever the batch size,
 * and handle the input variants kubectl users have on disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemBoundary, lastBoundary } from '../../../src/frontends/kubernetes/dump/batch.js';
import { detectDump } from '../../../src/frontends/kubernetes/dump/shape.js';
import { corpusFiles, generateFixture } from '../../helpers/paths.js';
import { lowerDump, lowerGeneral, summary, tempFile, withEnv } from './helpers.js';

const dumps = corpusFiles('k8s-dumps');

describe('fast path equals the general loader', () => {
  it.each(dumps.map((f) => [f.split('/').pop() ?? f, f]))('%s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const general = lowerGeneral(text);
    if (general.sink.items.some((d) => d.severity === 'error')) return; // negative case: see the corpus test
    const fast = await lowerDump(file);
    if (!detectDump(text.slice(0, 65536))) {
      expect(fast).toBeUndefined();
      return;
    }
    expect(fast).toBeDefined();
    expect(summary(fast?.entities ?? [])).toEqual(summary(general.entities));
    const small = await withEnv('ARCHMAP_DUMP_CHUNK_BYTES', '700', () => lowerDump(file));
    expect(summary(small?.entities ?? [])).toEqual(summary(general.entities));
  });

  it('claims the kubectl-written corpus dumps', () => {
    const claimed = dumps.filter((f) => detectDump(readFileSync(f, 'utf8').slice(0, 65536)) !== undefined);
    expect(claimed.length).toBeGreaterThanOrEqual(15);
  });
});

describe('generated fixture', () => {
  const dir = generateFixture({ pods: 300, seed: 3 });
  for (const ext of ['yaml', 'json']) {
    it(`${ext}: streamed in one batch and in many equals the general loader`, async () => {
      const file = join(dir, `kubectl/cluster-dump.${ext}`);
      const general = summary(lowerGeneral(readFileSync(file, 'utf8')).entities);
      const fast = await lowerDump(file);
      expect(fast?.fallbacks).toBe(0);
      expect(summary(fast?.entities ?? [])).toEqual(general);
      const many = await withEnv('ARCHMAP_DUMP_CHUNK_BYTES', '4096', () => lowerDump(file));
      expect(summary(many?.entities ?? [])).toEqual(general);
    });
  }
  it('YAML and JSON dumps give the same entities and props', async () => {
    const y = await lowerDump(join(dir, 'kubectl/cluster-dump.yaml'));
    const j = await lowerDump(join(dir, 'kubectl/cluster-dump.json'));
    const strip = (s: ReturnType<typeof summary>): unknown => s.map(({ id, props }) => ({ id, props }));
    expect(strip(summary(j?.entities ?? []))).toEqual(strip(summary(y?.entities ?? [])));
  });
});

const POD = (name: string, indent = ''): string =>
  [`- apiVersion: v1`, `  kind: Pod`, `  metadata:`, `    name: ${name}`, `    namespace: ns`, `  spec:`, `    nodeName: n1`].map((l) => indent + l).join('\n') + '\n';
const YAML_DUMP = `apiVersion: v1\nitems:\n${POD('a')}${POD('b')}kind: List\nmetadata:\n  resourceVersion: ""\n`;

describe('item boundaries', () => {
  it('YAML: a boundary is the start of a `- ` line at column 0; nested entries are not', () => {
    const text = Buffer.from('- a: 1\n  b:\n  - x\n- a: 2\n  c: 3\n');
    expect(lastBoundary(text, itemBoundary('yaml', 0))).toBe(text.indexOf('- a: 2'));
    expect(lastBoundary(text, itemBoundary('yaml', 0), text.indexOf('- a: 2'))).toBe(-1);
    expect(lastBoundary(Buffer.from('- '), itemBoundary('yaml', 0))).toBe(-1);
  });

  it('JSON: a boundary is just past a closing brace at the items\' column; deeper closers are not', () => {
    const text = Buffer.from('    {\n        "a": {\n        }\n    },\n    {\n        "b": 1\n    }\n');
    const b = itemBoundary('json', 4);
    expect(lastBoundary(text, b)).toBe(text.length - 1);
    expect(lastBoundary(text, b, text.length - 2)).toBe(text.indexOf('},') + 1);
    expect(lastBoundary(Buffer.from('}'), b)).toBe(-1);
  });
});

describe('inputs', () => {
  it('keeps exact item lines', async () => {
    const r = await lowerDump(tempFile(YAML_DUMP));
    expect(r?.entities.map((e) => [e.name, e.sources[0]?.line])).toEqual([['a', 3], ['b', 10]]);
  });

  it.each([
    ['BOM', '\ufeff' + YAML_DUMP],
    ['CRLF', YAML_DUMP.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', '\ufeff' + YAML_DUMP.replace(/\n/g, '\r\n')],
  ])('YAML with %s', async (_name, text) => {
    const fast = await lowerDump(tempFile(text));
    expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(YAML_DUMP).entities));
    expect(fast?.entities.map((e) => e.sources[0]?.line)).toEqual([3, 10]);
  });

  it.each([
    ['plain', ''],
    ['BOM', '\ufeff'],
  ])('JSON dump (%s, CRLF too)', async (_name, bom) => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'ns' } }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns' }, spec: { selector: { app: 'a' } } }] };
    const text = JSON.stringify(list, null, 4);
    for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
      const fast = await lowerDump(tempFile(bom + variant, 'json'), 'test.json');
      // Each item starts on its `{` line: 5 and 13 in JSON.stringify(…, null, 4) of this list.
      expect(fast?.entities.map((e) => [e.id, e.sources[0]?.line])).toEqual([['Pod:ns/a', 5], ['Service:ns/s', 13]]);
      expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(variant).entities));
    }
  });

  it('an item longer than a chunk and than the room kept for a carried item, with lines', async () => {
    // ~400 KB of labels in one object: carried over many 4 KiB chunks, past the 256 KiB read-ahead room.
    const labels = Array.from({ length: 8000 }, (_, i) => `      k${i}: value-${i}-${'x'.repeat(30)}\n`).join('');
    const big = `- apiVersion: v1\n  kind: Node\n  metadata:\n    labels:\n${labels}    name: big\n`;
    const text = `apiVersion: v1\nitems:\n${POD('a')}${big}${POD('b')}kind: List\n`;
    const fast = await withEnv('ARCHMAP_DUMP_CHUNK_BYTES', '4096', () => lowerDump(tempFile(text)));
    expect(fast?.entities.map((e) => [e.name, e.sources[0]?.line])).toEqual([['a', 3], ['big', 10], ['b', 8015]]);
    expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(text).entities));
  });

  it('a batch is read in 64 KiB windows: items across them, one longer than a window, and the text after the list, lines exact', async () => {
    const pods = Array.from({ length: 1500 }, (_, i) => POD(`p${i}`)).join('');
    const labels = Array.from({ length: 3000 }, (_, i) => `      k${i}: value-${i}-${'x'.repeat(20)}\n`).join('');
    const big = `- apiVersion: v1\n  kind: Node\n  metadata:\n    labels:\n${labels}    name: big\n`;
    const text = `apiVersion: v1\nitems:\n${pods}${big}${pods.replace(/name: p/g, 'name: q')}kind: List\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n`;
    expect(text.length).toBeGreaterThan(4 * 64 * 1024);
    const fast = await lowerDump(tempFile(text));
    expect(fast?.entities).toHaveLength(3002);
    expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(text).entities));
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: lowerGeneral(text).entities.map((_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'ns', labels: i === 7 ? Object.fromEntries(Array.from({ length: 3000 }, (_, k) => [`k${k}`, 'v'.repeat(20)])) : { app: 'a' } } })) }, null, 4);
    const fastJson = await lowerDump(tempFile(json, 'json'), 'test.json');
    expect(fastJson?.entities).toHaveLength(3002);
    expect(summary(fastJson?.entities ?? [])).toEqual(summary(lowerGeneral(json).entities));
  });

  it('keeps lines after a double-quoted value folded with escaped line breaks (go-yaml style)', async () => {
    const folded = `- apiVersion: example.com/v1\n  kind: Widget\n  metadata:\n    name: w\n    namespace: ns\n  spec:\n    text: "one \\\n      two \\\n      three"\n`;
    const text = `apiVersion: v1\nitems:\n${POD('a')}${folded}${POD('b')}kind: List\n`;
    const fast = await lowerDump(tempFile(text));
    expect(fast?.fallbacks).toBe(0);
    expect(fast?.entities.map((e) => [e.name, e.sources[0]?.line])).toEqual([['a', 3], ['w', 10], ['b', 19]]);
    expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(text).entities));
  });

  it('typed lists (PodList) and nested lists, with lines', async () => {
    const nested = `apiVersion: v1\nitems:\n${POD('a')}- apiVersion: v1\n  kind: List\n  items:\n${POD('inner', '  ')}kind: PodList\n`;
    const fast = await lowerDump(tempFile(nested));
    expect(fast?.entities.map((e) => [e.name, e.sources[0]?.line])).toEqual([['a', 3], ['inner', 13]]);
    expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(nested).entities));
  });

  it('nested lists in JSON', async () => {
    const text = JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [{ kind: 'List', apiVersion: 'v1', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] }] }, null, 4);
    const fast = await lowerDump(tempFile(text, 'json'));
    expect(fast?.entities.map((e) => e.id)).toEqual(['ConfigMap:default/c']);
    expect(summary(fast?.entities ?? [])).toEqual(summary(lowerGeneral(text).entities));
  });

  it('an empty list is no dump to stream and no entity', async () => {
    for (const text of ['apiVersion: v1\nitems: []\nkind: List\n', '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List"\n}\n']) {
      expect(await lowerDump(tempFile(text))).toBeUndefined();
      expect(lowerGeneral(text).entities).toEqual([]);
    }
  });

  it('a bare top-level sequence of objects (general loader)', () => {
    const { entities } = lowerGeneral(POD('a') + POD('b'));
    expect(entities.map((e) => [e.id, e.sources[0]?.line])).toEqual([['Pod:ns/a', 1], ['Pod:ns/b', 8]]);
  });

  it('comment lines and further documents after the list', async () => {
    const text = `apiVersion: v1\nitems:\n${POD('a')}# a comment\n${POD('b')}kind: List\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n`;
    const fast = await lowerDump(tempFile(text));
    expect(fast?.entities.map((e) => [e.id, e.sources[0]?.line])).toEqual([['Pod:ns/a', 3], ['Pod:ns/b', 11], ['Namespace:extra', 20]]);
  });

  it('hands a file that is not a list back to the general loader', async () => {
    expect(await lowerDump(tempFile('apiVersion: v1\nitems:\n- a: 1\nkind: Pod\nmetadata:\n  name: x\n'))).toBeUndefined();
    expect(await lowerDump(tempFile('{"apiVersion":"v1","kind":"List","items":[{"kind":"Pod"}]}', 'json'))).toBeUndefined();
  });

  it('falls back per item outside the subset, lines kept', async () => {
    const odd = `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: flow, namespace: ns}\n`;
    const fast = await lowerDump(tempFile(`items:\n${POD('a')}${odd}${POD('b')}kind: List\n`));
    expect(fast?.fallbacks).toBe(1);
    expect(fast?.entities.map((e) => [e.id, e.sources[0]?.line])).toEqual([['Pod:ns/a', 2], ['ConfigMap:ns/flow', 9], ['Pod:ns/b', 12]]);
  });

  it('a JSON item whose closing brace is off its column is read whole, and so is the next one', async () => {
    const item = (name: string, closer: string) =>
      `        {\n            "apiVersion": "v1",\n            "kind": "ConfigMap",\n            "metadata": {\n                "name": "${name}"\n            }\n${closer}`;
    const text = `{\n    "apiVersion": "v1",\n    "items": [\n${item('first', '       },\n')}${item('second', '        },\n')}${item('third', '        }\n')}    ],\n    "kind": "List"\n}\n`;
    JSON.parse(text);
    const fast = await lowerDump(tempFile(text, 'json'), 'test.json');
    expect(fast?.sink.items).toEqual([]);
    expect(fast?.entities.map((e) => [e.name, e.sources[0]?.line])).toEqual([['first', 4], ['second', 11], ['third', 18]]);
  });

  it('an alias to an anchor of an earlier item sends the file to the general loader, which resolves it', async () => {
    const text = 'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: &meta\n    name: first\n    namespace: shop\n' +
      '- apiVersion: v1\n  kind: ServiceAccount\n  metadata: *meta\nkind: List\n';
    expect(await lowerDump(tempFile(text))).toBeUndefined();
    const general = lowerGeneral(text);
    expect(general.sink.items).toEqual([]);
    expect(general.entities.map((e) => e.id)).toEqual(['ConfigMap:shop/first', 'ServiceAccount:shop/first']);
  });

  it('a JSON item that is not valid JSON: the error names its line and quotes none of the input', async () => {
    const pod = (name: string) => `        {\n            "apiVersion": "v1",\n            "kind": "Pod",\n            "metadata": {\n                "name": "${name}",\n                "namespace": "ns"\n            }\n        }`;
    const secret = '        {\n            "apiVersion": "v1",\n            "kind": "Secret",\n            "metadata": {\n                "name": "db"\n            },\n            "stringData": {\n                "password": "hunter2\\q"\n            }\n        }';
    const text = `{\n    "items": [\n${pod('a')},\n${secret},\n${pod('b')}\n    ],\n    "kind": "List"\n}\n`;
    const fast = await lowerDump(tempFile(text, 'json'), 'test.json');
    expect(fast?.entities.map((e) => e.name)).toEqual(['a', 'b']);
    expect(fast?.sink.items.map((d) => [d.code, d.line, d.message])).toEqual([['json/parse', 18, 'list item is not valid JSON: Bad escaped character']]);
  });

  it('an item nested too deeply is reported with its line and the others are kept (YAML and JSON)', async () => {
    // 3000 levels overflowed the stack of the YAML reader; the run lost the whole file (found by fuzzing).
    const deep = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(4 + i)}k${i}:`).join('\n');
    const yaml = `items:\n${POD('a')}- apiVersion: v1\n  kind: ConfigMap\n  data:\n${deep} 1\n${POD('b')}kind: List\n`;
    const fast = await lowerDump(tempFile(yaml));
    expect(fast?.entities.map((e) => e.name)).toEqual(['a', 'b']);
    expect(fast?.sink.items).toEqual([expect.objectContaining({ severity: 'error', code: 'input/too-deep' })]);
    expect(fast?.sink.items[0]?.line).toBeGreaterThan(9);

    const pod = (name: string) => `        {\n            "apiVersion": "v1",\n            "kind": "Pod",\n            "metadata": {\n                "name": "${name}",\n                "namespace": "ns"\n            }\n        }`;
    const deepJson = `        {\n            "kind": "ConfigMap",\n            "data": ${'['.repeat(3000)}${']'.repeat(3000)}\n        }`;
    const json = `{\n    "items": [\n${pod('a')},\n${deepJson},\n${pod('b')}\n    ],\n    "kind": "List"\n}\n`;
    const fastJson = await lowerDump(tempFile(json, 'json'), 'test.json');
    expect(fastJson?.entities.map((e) => e.name)).toEqual(['a', 'b']);
    expect(fastJson?.sink.items).toEqual([expect.objectContaining({ code: 'input/too-deep', line: 11 })]);

    // Indented the way kubectl writes, one bracket per line: the line reader stops at MAX_DEPTH.
    const levels = 250;
    const open = Array.from({ length: levels }, (_, i) => `${' '.repeat(16 + 4 * i)}[`).join('\n');
    const close = Array.from({ length: levels }, (_, i) => `${' '.repeat(16 + 4 * (levels - 1 - i))}]`).join('\n');
    const indented = `        {\n            "kind": "ConfigMap",\n            "data": [\n${open}\n${close}\n            ]\n        }`;
    const kubectlJson = json.replace(deepJson, indented);
    const fastIndented = await lowerDump(tempFile(kubectlJson, 'json'), 'test.json');
    expect(fastIndented?.entities.map((e) => e.name)).toEqual(['a', 'b']);
    expect(fastIndented?.sink.items).toEqual([expect.objectContaining({ code: 'input/too-deep', line: 11 })]);
  });

  it('merge keys and null keys are read as the general loader reads them (third fuzz round)', async () => {
    const merged = `items:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p1\n    namespace: shop\n    labels:\n      <<: {tier: db}\n      app: web\n${POD('b')}kind: List\n`;
    const fast = await lowerDump(tempFile(merged));
    expect(fast?.fallbacks).toBe(1);
    expect(fast?.entities.map((e) => [e.name, e.props['labels']])).toEqual([['p1', { tier: 'db', app: 'web' }], ['b', undefined]]);
    const nullKey = `items:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p1\n    namespace: shop\n    labels:\n      ~: b\n      app: web\nkind: List\n`;
    expect((await lowerDump(tempFile(nullKey)))?.entities[0]?.props['labels']).toEqual(lowerGeneral(nullKey).entities[0]?.props['labels']);
  });

  it('a JSON list whose first "items" array is nested in another key is not claimed at that array', async () => {
    const text = `{\n    "apiVersion": "v1",\n    "metadata": {\n        "x": {\n            "items": [\n                {\n                    "kind": "Namespace",\n                    "metadata": {"name": "ghost"}\n                }\n            ]\n        }\n    },\n    "items": [\n        {"kind": "Namespace", "apiVersion": "v1", "metadata": {"name": "real"}}\n    ],\n    "kind": "List"\n}\n`;
    expect(await lowerDump(tempFile(text, 'json'), 'test.json')).toBeUndefined();
    expect(lowerGeneral(text, 'test.json').entities.map((e) => e.id)).toEqual(['Namespace:real']);
  });

  it('reports a broken item with its line and keeps the others', async () => {
    const fast = await lowerDump(tempFile(`items:\n${POD('a')}- apiVersion: v1\n  kind: [oops\n${POD('b')}kind: List\n`));
    expect(fast?.entities.map((e) => e.name)).toEqual(['a', 'b']);
    expect(fast?.sink.items.some((d) => d.severity === 'error' && d.line !== undefined && d.line >= 9 && d.line <= 11)).toBe(true);
  });
});
