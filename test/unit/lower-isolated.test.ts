import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { lowerIsolated } from '../../src/frontends/lower-isolated.js';
import type { FrontEnd } from '../../src/frontends/types.js';
import type { LoadedDocument } from '../../src/load/document.js';
import { makeEntity } from '../../src/model/entity.js';

const doc = (file: string, value: unknown): LoadedDocument => ({ file, index: 0, line: 1, value, lineOf: () => 1 });

/** Lowers each document to one entity named after its file; a document `{boom: true}` throws; `{pair}` needs its partner. */
const fake: FrontEnd = {
  format: 'cloudformation',
  lower(documents, ctx) {
    const files = new Set(documents.map((d) => d.file));
    for (const d of documents) {
      ctx.sink.warning('fake/seen', d.file, 1, 'seen');
      if ((d.value as { boom?: boolean }).boom) throw new RangeError('Maximum call stack size exceeded');
      const partner = (d.value as { fails_with?: string }).fails_with;
      if (partner && files.has(partner)) throw new Error(`${d.file} and ${partner} together`);
    }
    const entities = documents.map((d) => makeEntity({ id: `AwsResource:${d.file}`, kind: 'AwsResource', name: d.file, source: { file: d.file, line: 1, format: 'cloudformation' } }));
    return { entities, relations: [] };
  },
};

describe('lowerIsolated', () => {
  it('lowers everything at once when nothing fails', () => {
    const sink = new DiagnosticSink();
    const f = lowerIsolated(fake, [doc('a.yaml', {}), doc('b.yaml', {})], { sink, params: {} });
    expect(f.entities.map((e) => e.name)).toEqual(['a.yaml', 'b.yaml']);
    expect(sink.items.map((d) => d.file)).toEqual(['a.yaml', 'b.yaml']);
  });

  it('reports the file whose lowering throws and keeps the others, with their diagnostics once', () => {
    const sink = new DiagnosticSink();
    const f = lowerIsolated(fake, [doc('a.yaml', {}), doc('bad.yaml', { boom: true }), doc('c.yaml', {})], { sink, params: {} });
    expect(f.entities.map((e) => e.name)).toEqual(['a.yaml', 'c.yaml']);
    expect(sink.items.map((d) => [d.file, d.code])).toEqual([
      ['bad.yaml', 'input/failed'],
      ['a.yaml', 'fake/seen'],
      ['c.yaml', 'fake/seen'],
    ]);
    expect(sink.items[0]?.message).toBe('could not import: Maximum call stack size exceeded');
  });

  it('files that only fail together are each kept on their own', () => {
    const sink = new DiagnosticSink();
    const f = lowerIsolated(fake, [doc('a.yaml', { fails_with: 'b.yaml' }), doc('b.yaml', {})], { sink, params: {} });
    expect(f.entities.map((e) => e.name)).toEqual(['a.yaml', 'b.yaml']);
    expect(sink.items.filter((d) => d.code === 'input/failed')).toEqual([]);
  });
});
