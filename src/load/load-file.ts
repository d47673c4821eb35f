/**
 * Loads one file's text into documents: JSON through `JSON.parse` (exact and fast, with lines looked up
 * lazily), everything else through the YAML loader.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { LoadedDocument, PathSegment } from './document.js';
import { MAX_DEPTH, tooDeep } from './depth.js';
import { lineBreaks, lineOfPath, loadYamlDocuments, stripBom, TOO_DEEP } from './load-yaml.js';

export function loadText(text: string, file: string, sink: DiagnosticSink): LoadedDocument[] {
  const source = stripBom(text);
  const first = source.trimStart()[0];
  if (first === '{' || first === '[') {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      // Not strict JSON; YAML is a superset and reports its own precise errors.
      return loadYamlDocuments(source, file, sink);
    }
    if (!tooDeep(value)) return [jsonDocument(source, file, value)];
    sink.error(TOO_DEEP, file, 1, `document nested deeper than ${MAX_DEPTH} levels; not read`);
    return [];
  }
  return loadYamlDocuments(source, file, sink);
}

function jsonDocument(source: string, file: string, value: unknown): LoadedDocument {
  let index: ((path: readonly PathSegment[]) => number) | undefined;
  const lineOf = (path: readonly PathSegment[]): number => {
    index ??= buildJsonLineIndex(source);
    return index(path);
  };
  return { file, index: 0, line: 1, value, lineOf };
}

/** Positions for JSON come from the YAML parser's AST of the same text (JSON is YAML's flow subset). */
function buildJsonLineIndex(source: string): (path: readonly PathSegment[]) => number {
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(lineBreaks(source), { lineCounter: lc, uniqueKeys: false, strict: false });
  } catch {
    return () => 1;
  }
  return (path) => lineOfPath(doc.contents, path, (o) => lc.linePos(o).line, 1);
}
