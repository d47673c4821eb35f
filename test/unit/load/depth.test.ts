import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { MAX_DEPTH, MAX_SCAN_DEPTH, nestingBound, tooDeep } from '../../../src/load/depth.js';
import { loadText } from '../../../src/load/load-file.js';

const nested = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { k: v };
  return v;
};

const load = (text: string, file = 'f.yaml') => {
  const sink = new DiagnosticSink();
  return { docs: loadText(text, file, sink), diags: sink.items };
};

describe('tooDeep', () => {
  it('counts objects and arrays inside each other, without recursion', () => {
    expect(tooDeep(1)).toBe(false);
    expect(tooDeep(nested(MAX_DEPTH))).toBe(false);
    expect(tooDeep(nested(MAX_DEPTH + 1))).toBe(true);
    expect(tooDeep({ wide: Array.from({ length: 1000 }, () => ({ a: [1] })) })).toBe(false);
    expect(tooDeep(nested(200_000))).toBe(true);
  });
});

describe('nestingBound', () => {
  it('finds flow collections nested past the limit, not brackets inside quoted or block scalars', () => {
    const deep = `a: 1\nb: ${'['.repeat(MAX_SCAN_DEPTH + 1)}${']'.repeat(MAX_SCAN_DEPTH + 1)}\n`;
    expect(nestingBound(deep)).toBe('a: 1\nb: '.length + MAX_SCAN_DEPTH);
    const quoted = `a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'\nc: |\n  ${'['.repeat(1000)}\n`;
    expect(nestingBound(quoted)).toBe(-1);
  });

  it('bounds block nesting by indentation and `- ` indicators', () => {
    expect(nestingBound(`${'- '.repeat(MAX_SCAN_DEPTH)}x\n`)).toBe(-1);
    expect(nestingBound(`${'- '.repeat(MAX_SCAN_DEPTH + 1)}x\n`)).toBeGreaterThan(0);
    const lines = Array.from({ length: MAX_SCAN_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(nestingBound(lines)).toBeGreaterThan(0);
    expect(nestingBound(lines.replace(/\n/g, '\r\n'))).toBeGreaterThan(0);
    // Real files: a deep CRD schema indented by 4 is far below the bound.
    const crd = Array.from({ length: 40 }, (_, i) => `${'    '.repeat(i)}properties:`).join('\n');
    expect(nestingBound(crd)).toBe(-1);
  });
});

describe('the general loader refuses documents nested too deeply, with a line, and keeps the others', () => {
  it('YAML flow collections that could abort the parser are not parsed', () => {
    // Two siblings ~1000 deep aborted the process inside the `yaml` package (found by fuzzing).
    const line = `- ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const { docs, diags } = load(`ok: 1\n---\n${line}${line}`);
    expect(docs).toEqual([]);
    expect(diags).toEqual([expect.objectContaining({ severity: 'error', code: 'input/too-deep', line: 3 })]);
  });

  it('JSON nested past MAX_DEPTH (JSON.parse copes, later stages would not)', () => {
    const { docs, diags } = load(JSON.stringify({ a: nested(MAX_DEPTH + 5) }), 'f.json');
    expect(docs).toEqual([]);
    expect(diags).toEqual([expect.objectContaining({ code: 'input/too-deep', line: 1 })]);
  });

  it('a YAML document nested past MAX_DEPTH in block style: only that document is dropped', () => {
    const deep = Array.from({ length: MAX_DEPTH + 5 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const { docs, diags } = load(`kind: A\n---\n${deep} 1\n---\nkind: B\n`);
    expect(docs.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'B' }]);
    expect(diags).toEqual([expect.objectContaining({ code: 'input/too-deep', line: 3 })]);
  });
});
