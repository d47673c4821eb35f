/**
 * Inputs on which the streamed dump reader once read differently from the general loader (found by
 * review): escaped white space before a fold, NUL bytes, a second `items` key, a root block scalar
 * holding `items:` lines, and commas between JSON items. Each must give what the general loader
 * gives: the same entities and diagnostics, or the file handed back to it (`undefined`).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { detectDump } from '../../../src/frontends/kubernetes/dump/shape.js';
import { parseYamlBlock, SubsetError } from '../../../src/frontends/kubernetes/dump/yaml-subset.js';
import { importArchitecture } from '../../../src/pipeline.js';
import { lowerDump, lowerGeneral, objectEntities, summary, tempFile, withEnv } from './helpers.js';

const diagnostics = (sink: DiagnosticSink): unknown[] => sink.items.map((d) => [d.severity, d.code, d.line, d.message]);

/**
 * The fast path against the general loader on `text`: the same entities (lines, props) and
 * diagnostics, or, with `handedBack`, no claim at all (the pipeline then loads the file generally).
 */
async function expectGeneral(text: string, ext: 'yaml' | 'json', handedBack: boolean, chunkBytes?: string): Promise<void> {
  const display = `test.${ext}`;
  const path = tempFile(text, ext);
  const fast = chunkBytes ? await withEnv('ARCHMAP_DUMP_CHUNK_BYTES', chunkBytes, () => lowerDump(path, display)) : await lowerDump(path, display);
  if (handedBack) {
    expect(fast).toBeUndefined();
    return;
  }
  const general = lowerGeneral(text, display);
  expect(fast).toBeDefined();
  expect(summary(fast?.entities ?? [])).toEqual(summary(general.entities));
  expect(fast ? diagnostics(fast.sink) : []).toEqual(diagnostics(general.sink));
}

const CM = (name: string, extra: string[] = []): string =>
  ['- apiVersion: v1', '  kind: ConfigMap', '  metadata:', `    name: ${name}`, '    namespace: ns', ...extra].join('\n') + '\n';
const YAML_LIST = (items: string): string => `apiVersion: v1\nitems:\n${items}kind: List\nmetadata:\n  resourceVersion: ""\n`;

const JSON_CM = (name: string, extra = ''): string =>
  `        {\n            "apiVersion": "v1",\n            "kind": "ConfigMap",\n            "metadata": {\n                "name": "${name}",\n                "namespace": "ns"\n            }${extra}\n        }`;
const JSON_LIST = (items: string): string => `{\n    "apiVersion": "v1",\n    "items": [\n${items}\n    ],\n    "kind": "List"\n}\n`;

describe('1. escaped white space before a fold in a double-quoted scalar', () => {
  // Raw white space before a line break is trimmed by the fold; white space written as an escape is content.
  const bodies = [
    '"x\\t\n  y"',
    '"x\\ \n  y"',
    '"x\\t \n  y"',
    '"x \\t\n  y"',
    '"x\\t\\t\n  y"',
    '"x\\\\ \n  y"',
    '"x \n  y"',
    '"x   \n  y"',
    '"x\\t\n\n  y"',
    '"x\\ \n \n  y"',
    '"x\\u0020\n  y"',
    '"x\\x09\n  y"',
    '"\\t\n  y"',
  ];

  it.each(bodies)('%j reads as js-yaml and the general loader read it', (body) => {
    const text = `a: ${body}\n`;
    const want = (load(text, { schema: CORE_SCHEMA }) as { a: string }).a;
    expect((parse(text) as { a: string }).a).toEqual(want);
    expect((parseYamlBlock(text) as { a: string }).a).toEqual(want);
  });

  // A kind lowered generically keeps its labels as props.
  const widget = (name: string, label: string): string =>
    ['- apiVersion: example.com/v1', '  kind: Widget', '  metadata:', '    labels:', `      k: ${label}`, `    name: ${name}`, '    namespace: ns'].join('\n') + '\n';

  it('keeps the value through the dump reader, on the fast path (label values are kept as props)', async () => {
    // Continuation lines indented under the label (leading white space is not part of the value).
    const nested = (body: string): string => body.split('\n').map((l, k) => (k === 0 || l.trim() === '' ? l : `        ${l.trimStart()}`)).join('\n');
    const items = bodies.map((body, i) => widget(`w${i}`, nested(body))).join('');
    const text = YAML_LIST(items);
    await expectGeneral(text, 'yaml', false);
    const fast = await lowerDump(tempFile(text));
    expect(fast?.fallbacks).toBe(0);
    expect(fast?.entities[0]?.props['labels']).toEqual({ k: 'x\t y' });
  });

  it('a raw tab before the break is trimmed too (that item goes to the general loader)', async () => {
    await expectGeneral(YAML_LIST(widget('a', '"x\t\n        y"')), 'yaml', false);
  });

  it('leaves the subset for empty lines after an escaped line break, where js-yaml and the general loader disagree', async () => {
    const text = 'a: "x \\\n\n  y"\n';
    expect(() => parseYamlBlock(text)).toThrow(SubsetError);
    await expectGeneral(YAML_LIST(widget('a', '"x \\\n\n        y"')), 'yaml', false);
  });
});

describe('2. a NUL byte anywhere makes the file binary, dump or not', () => {
  const BINARY = { format: 'unknown', documents: 0, status: 'skipped', reason: 'binary file (contains NUL bytes)' };
  const report = async (path: string): Promise<unknown> => {
    const model = await importArchitecture([path]);
    expect(model.entities).toEqual([]);
    expect(model.diagnostics).toEqual([]);
    const [input] = model.inputs;
    return input && { format: input.format, documents: input.documents, status: input.status, reason: input.reason };
  };

  it('a small manifest with a NUL is skipped as binary (the general path)', async () => {
    expect(await report(tempFile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u0000b\n'))).toEqual(BINARY);
  });

  const many = (n: number): string => Array.from({ length: n }, (_, i) => CM(`c${i}`)).join('');
  const jsonMany = (n: number): string => Array.from({ length: n }, (_, i) => JSON_CM(`c${i}`)).join(',\n');
  it.each([
    ['YAML, in an item', YAML_LIST(CM('a') + CM('b\u0000c') + CM('d')), 'yaml'],
    ['YAML, in the header', `apiVersion: v1\u0000\nitems:\n${CM('a')}kind: List\n`, 'yaml'],
    ['YAML, in the trailer', YAML_LIST(CM('a')).replace('resourceVersion: ""', 'resourceVersion: "\u0000"'), 'yaml'],
    ['YAML, in a later chunk', YAML_LIST(many(2000) + CM('late\u0000') + CM('z')), 'yaml'],
    ['JSON, in an item', JSON_LIST(`${JSON_CM('a')},\n${JSON_CM('b\u0000')}`), 'json'],
    ['JSON, in a later chunk', JSON_LIST(`${jsonMany(1000)},\n${JSON_CM('late\u0000')}`), 'json'],
    ['JSON, in the trailer', JSON_LIST(JSON_CM('a')).replace('"List"', '"List\u0000"'), 'json'],
  ] as const)('a dump (%s) is not imported as a dump but skipped as binary', async (name, text, ext) => {
    // The dump reader claims the file from its head…
    expect(detectDump(text.slice(0, 65536))).toBeDefined();
    if (name.includes('later')) expect(text.indexOf('\u0000')).toBeGreaterThan(65536);
    const path = tempFile(text, ext);
    for (const chunk of ['4096', '65536']) {
      expect(await withEnv('ARCHMAP_DUMP_CHUNK_BYTES', chunk, () => lowerDump(path))).toBeUndefined();
      expect(await withEnv('ARCHMAP_DUMP_CHUNK_BYTES', chunk, () => report(path))).toEqual(BINARY);
    }
  });
});

describe('3. a second top-level `items` key', () => {
  it.each([
    ['YAML, after the trailer keys', `apiVersion: v1\nitems:\n${CM('a')}kind: List\nitems:\n${CM('b')}`],
    ['YAML, right after the items', `apiVersion: v1\nitems:\n${CM('a')}items:\n${CM('b')}kind: List\n`],
    ['YAML, an empty second list', `apiVersion: v1\nitems:\n${CM('a')}kind: List\nitems: []\n`],
    ['YAML, one in the header', `items: []\napiVersion: v1\nitems:\n${CM('a')}kind: List\n`],
    ['YAML, quoted', `apiVersion: v1\nitems:\n${CM('a')}kind: List\n"items":\n${CM('b')}`],
  ])('%s: the general loader warns and keeps the last', async (_name, text) => {
    const general = lowerGeneral(text);
    expect(general.sink.items).toEqual([expect.objectContaining({ severity: 'warning', code: 'yaml/duplicate-key' })]);
    await expectGeneral(text, 'yaml', true);
    const model = await importArchitecture([tempFile(text)]);
    expect(model.inputs[0]?.status).toBe('ok');
    expect(summary(objectEntities(model.entities))).toEqual(summary(general.entities));
    expect(model.diagnostics.map((d) => [d.severity, d.code, d.line, d.message])).toEqual(diagnostics(general.sink));
  });

  it.each([
    ['JSON, a second list', `{\n    "apiVersion": "v1",\n    "items": [\n${JSON_CM('a')}\n    ],\n    "items": [\n${JSON_CM('b')}\n    ],\n    "kind": "List"\n}\n`],
    ['JSON, an empty second list', `{\n    "apiVersion": "v1",\n    "items": [\n${JSON_CM('a')}\n    ],\n    "kind": "List",\n    "items": []\n}\n`],
    ['JSON, escaped', `{\n    "apiVersion": "v1",\n    "items": [\n${JSON_CM('a')}\n    ],\n    "kind": "List",\n    "\\u0069tems": [\n${JSON_CM('b')}\n    ]\n}\n`],
  ])('%s: JSON.parse keeps the last, silently', async (_name, text) => {
    const general = lowerGeneral(text, 'test.json');
    expect(general.sink.items).toEqual([]);
    await expectGeneral(text, 'json', true);
    const model = await importArchitecture([tempFile(text, 'json')]);
    expect(summary(objectEntities(model.entities))).toEqual(summary(general.entities));
    expect(model.diagnostics).toEqual([]);
  });

  it('an `items` key nested in the trailer is no second one', async () => {
    await expectGeneral(`apiVersion: v1\nitems:\n${CM('a')}kind: List\nmetadata:\n  items: 1\n`, 'yaml', false);
    await expectGeneral(JSON_LIST(JSON_CM('a')).replace('"kind": "List"', '"kind": "List",\n    "metadata": {\n        "items": 1\n    }'), 'json', false);
  });
});

describe('4. `items:` lines inside a root block scalar', () => {
  it.each([
    ['--- |', `--- |\nitems:\n${CM('a')}kind: List\n`],
    ['--- >', `--- >\nitems:\n${CM('a')}kind: List\n`],
    ['--- |-', `--- |-\nitems:\n${CM('a')}kind: List\n`],
    ['| alone', `|\nitems:\n${CM('a')}kind: List\n`],
    ['"… over lines', `--- "x\nitems:\n${CM('a')}kind: List"\n`],
    ['--- | after a list', `apiVersion: v1\nkind: List\nitems: []\n--- |\nitems:\n${CM('a')}kind: List\n`],
    ['--- > after a list', `apiVersion: v1\nkind: List\nitems: []\n--- >\nitems:\n${CM('a')}kind: List\n`],
  ])('%s: not claimed, and the general loader reads no list item', async (_name, text) => {
    expect(detectDump(text)).toBeUndefined();
    await expectGeneral(text, 'yaml', true);
    expect(lowerGeneral(text).entities).toEqual([]);
  });

  it.each([
    ['in the trailer', `apiVersion: v1\nitems:\n${CM('a')}kind: [List\n---\nkind: List\nitems: []\n`],
    ['in the header', `a: 1\n b: 2\nitems:\n${CM('a')}kind: List\n---\nkind: List\nitems: []\n`],
  ])('a broken first document (%s) and a list after it: the stream does not take that list for the one its items were read under', async (_name, text) => {
    // The general loader drops the broken document, items and all; the shape test lets a first key through.
    expect(detectDump(text)).toBeDefined();
    expect(lowerGeneral(text).entities).toEqual([]);
    expect(lowerGeneral(text).sink.items.some((d) => d.severity === 'error')).toBe(true);
    await expectGeneral(text, 'yaml', true);
  });

  it('an empty first document: handed back (not the first document), and the general loader reads the list', async () => {
    const text = `---\n---\napiVersion: v1\nitems:\n${CM('a')}kind: List\n`;
    expect(detectDump(text)).toBeUndefined();
    await expectGeneral(text, 'yaml', true);
    expect(lowerGeneral(text).entities.map((e) => e.name)).toEqual(['a']);
  });

  it('still claims lists after directives, comments and a bare `---`', async () => {
    for (const head of ['---\n', '--- # a list\n', '%YAML 1.2\n---\n', '# dumped\n\n---\n# by kubectl\n', 'apiVersion: v1\n# c\n', '"apiVersion": v1\n']) {
      const text = `${head}items:\n${CM('a')}${CM('b')}kind: List\n`;
      expect(detectDump(text), head).toBeDefined();
      await expectGeneral(text, 'yaml', false);
    }
  });
});

describe('5. commas between JSON items', () => {
  const items = (names: string[]): string[] => names.map((n) => JSON_CM(n));
  it.each([
    ['a missing comma', `${JSON_CM('a')}\n${JSON_CM('b')}`],
    ['a missing comma before the last of three', `${JSON_CM('a')},\n${JSON_CM('b')}\n${JSON_CM('c')}`],
    ['a trailing comma', `${JSON_CM('a')},\n${JSON_CM('b')},`],
    ['a trailing comma and a duplicate key in an item', `${JSON_CM('a', ',\n            "kind": "Secret"')},\n${JSON_CM('b')},`],
    ['a double comma', `${JSON_CM('a')},,\n${JSON_CM('b')}`],
    ['a comma on its own line, twice', `${JSON_CM('a')}\n        ,\n        ,\n${JSON_CM('b')}`],
    ['a comma before the first item', `        ,\n${JSON_CM('a')}`],
  ])('%s: handed to the general loader', async (_name, body) => {
    const text = JSON_LIST(body);
    expect(() => JSON.parse(text) as unknown).toThrow();
    await expectGeneral(text, 'json', true);
    await expectGeneral(text, 'json', true, '256');
  });

  it('a missing comma: the pipeline reports the general loader\'s error, with its line', async () => {
    const text = JSON_LIST(`${JSON_CM('a')}\n${JSON_CM('b')}`);
    const general = lowerGeneral(text, 'test.json');
    // Line 12: where the second item starts.
    expect(diagnostics(general.sink)).toEqual([['error', 'yaml/missing-char', 12, 'Missing , or : between flow sequence items']]);
    const model = await importArchitecture([tempFile(text, 'json')]);
    expect(model.inputs[0]?.status).toBe('error');
    expect(model.entities).toEqual([]);
    expect(model.diagnostics.map((d) => [d.severity, d.code, d.line, d.message])).toEqual(diagnostics(general.sink));
  });

  it('a missing comma deep in the file: across batches and 64 KiB windows', async () => {
    const names = Array.from({ length: 1200 }, (_, i) => `c${i}`);
    const parts = items(names);
    const text = JSON_LIST(parts.slice(0, 900).join(',\n') + '\n' + parts.slice(900).join(',\n'));
    expect(text.length).toBeGreaterThan(2 * 65536);
    await expectGeneral(text, 'json', true);
    await expectGeneral(text, 'json', true, '4096');
    // …and with the comma, the same file is read on the fast path, in one batch or many.
    const good = JSON_LIST(parts.join(',\n'));
    await expectGeneral(good, 'json', false);
    await expectGeneral(good, 'json', false, '4096');
    await expectGeneral(good, 'json', false, '256');
  });

  it('commas where kubectl puts them, and on lines of their own, stay on the fast path', async () => {
    await expectGeneral(JSON_LIST(items(['a', 'b', 'c']).join(',\n')), 'json', false);
    await expectGeneral(JSON_LIST(items(['a', 'b']).join('\n        ,\n')), 'json', false);
    await expectGeneral(JSON_LIST(items(['a', 'b']).join('\n,')), 'json', false);
    // Items outside the line reader (one line each) are read with JSON.parse; their commas count the same.
    const oneLine = (n: string): string => `        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "${n}"}}`;
    await expectGeneral(JSON_LIST(`${JSON_CM('a')},\n${oneLine('b')},\n${JSON_CM('c')}`), 'json', false);
    await expectGeneral(JSON_LIST(`${JSON_CM('a')},\n${oneLine('b')}\n${JSON_CM('c')}`), 'json', true);
    await expectGeneral(JSON_LIST(`${JSON_CM('a')}\n${JSON_CM('b')}`).replace(/\n/g, '\r\n'), 'json', true);
    await expectGeneral(JSON_LIST(`${JSON_CM('a')},\n${JSON_CM('b')}`).replace(/\n/g, '\r\n'), 'json', false);
  });
});
