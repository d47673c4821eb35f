/**
 * Lowering with one bad file isolated. A front end lowers all documents of its format at once (for
 * cross-file facts such as CloudFormation exports); if that throws — a bug met on some input — the
 * files are lowered one at a time to find the ones that fail, each is reported as `input/failed`,
 * and the others are lowered together again, so one file never costs the others their model.
 */
import { DiagnosticSink } from '../core/diagnostics.js';
import { errorMessage } from '../discover/walk.js';
import type { LoadedDocument } from '../load/document.js';
import type { Fragment } from '../model/entity.js';
import type { FrontEnd, FrontEndContext } from './types.js';

export function lowerIsolated(frontEnd: FrontEnd, documents: readonly LoadedDocument[], ctx: FrontEndContext): Fragment {
  const all = tryLower(frontEnd, documents, ctx);
  if (all.fragment) return commit(all, ctx);
  const byFile = new Map<string, LoadedDocument[]>();
  for (const d of documents) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const good: LoadedDocument[][] = [];
  for (const [file, docs] of byFile) {
    const alone = tryLower(frontEnd, docs, ctx);
    if (alone.fragment) good.push(docs);
    else ctx.sink.error('input/failed', file, undefined, `could not import: ${errorMessage(alone.error)}`);
  }
  if (good.length === 0) return { entities: [], relations: [] };
  const rest = tryLower(frontEnd, good.flat(), ctx);
  if (rest.fragment) return commit(rest, ctx);
  // Each file works alone but not with the others: keep each file's own model.
  const parts = good.map((docs) => commit(tryLower(frontEnd, docs, ctx), ctx));
  return { entities: parts.flatMap((p) => p.entities), relations: parts.flatMap((p) => p.relations) };
}

interface Attempt {
  readonly fragment?: Fragment;
  readonly error?: unknown;
  readonly sink: DiagnosticSink;
}

/** Lowers into a sink of its own, so a failed attempt leaves no diagnostics behind. */
function tryLower(frontEnd: FrontEnd, documents: readonly LoadedDocument[], ctx: FrontEndContext): Attempt {
  const sink = new DiagnosticSink();
  try {
    return { fragment: frontEnd.lower(documents, { ...ctx, sink }), sink };
  } catch (error) {
    return { error, sink };
  }
}

function commit(attempt: Attempt, ctx: FrontEndContext): Fragment {
  for (const d of attempt.sink.items) ctx.sink.report(d);
  return attempt.fragment ?? { entities: [], relations: [] };
}
