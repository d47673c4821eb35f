/**
 * The general loader: YAML (multi-document, anchors, merge keys) and JSON, with source lines.
 * Safe by construction: the `yaml` core schema has no code-executing tags, alias expansion is capped
 * (billion-laughs), and unknown tags stay plain data with a warning.
 */
import { LineCounter, parseAllDocuments, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { countNewlines } from '../core/text.js';
import { CFN_TAGS } from './cfn-tags.js';
import type { LoadedDocument, PathSegment } from './document.js';
import { MAX_DEPTH, nestingBound, tooDeep } from './depth.js';
import { yamlErrorText } from './parse-messages.js';

/** The code of a text or document nested too deeply to read. */
export const TOO_DEEP = 'input/too-deep';

/** The code of an alias whose anchor is not set before it (the dump reader looks for it). */
export const UNRESOLVED_ALIAS = 'yaml/unresolved-alias';

/** Above this many alias expansions a document is rejected (protects against alias bombs). */
const MAX_ALIAS_COUNT = 1000;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A lone CR (old Mac line breaks) is a line break in YAML 1.2 as in editors, but the parser reads a
 * file of them as one line (thousands of implicit keys on it overflowed its stack): LF instead.
 */
export function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Loads every document of a YAML or JSON text. Problems go to `sink`; broken documents are left out. */
export function loadYamlDocuments(text: string, file: string, sink: DiagnosticSink): LoadedDocument[] {
  const source = lineBreaks(stripBom(text));
  const deep = nestingBound(source);
  if (deep >= 0) {
    sink.error(TOO_DEEP, file, 1 + countNewlines(source, 0, deep), `nested too deeply to parse safely; not read`);
    return [];
  }
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(source, {
      customTags: [...CFN_TAGS],
      lineCounter,
      merge: true,
      uniqueKeys: true,
      strict: false,
      prettyErrors: false,
    }) as Document.Parsed[];
  } catch (err) {
    sink.error('yaml/parse', file, undefined, `cannot parse: ${err instanceof Error ? `${err.name}: ${yamlErrorText(err.message)}` : 'unknown error'}`);
    return [];
  }
  if (!Array.isArray(docs)) docs = [docs];
  const line = (offset: number): number => lineCounter.linePos(offset).line;
  const out: LoadedDocument[] = [];
  docs.forEach((doc, index) => {
    let fatal = false;
    for (const e of doc.errors) {
      // CloudFormation itself accepts duplicate keys (the last one wins): a warning, not an error.
      if (e.code === 'DUPLICATE_KEY') {
        sink.warning('yaml/duplicate-key', file, line(e.pos[0]), yamlErrorText(e.message));
      } else {
        fatal = true;
        sink.error(`yaml/${e.code.toLowerCase().replace(/_/g, '-')}`, file, line(e.pos[0]), yamlErrorText(e.message));
      }
    }
    for (const w of doc.warnings) {
      sink.warning(`yaml/${w.code.toLowerCase().replace(/_/g, '-')}`, file, line(w.pos[0]), yamlErrorText(w.message));
    }
    if (fatal) return;
    if (doc.contents === null) return; // empty document (`---` at the end, comments only)
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const message = err instanceof Error ? yamlErrorText(err.message) : 'unknown error';
      sink.error(toJsErrorCode(message), file, line(doc.range[0]), `document rejected: ${message}`);
      return;
    }
    if (value === null || value === undefined) return;
    const start = doc.contents.range ? line(doc.contents.range[0]) : 1;
    if (tooDeep(value)) {
      sink.error(TOO_DEEP, file, start, `document nested deeper than ${MAX_DEPTH} levels; not read`);
      return;
    }
    out.push({ file, index, line: start, value, lineOf: (path) => lineOfPath(doc.contents, path, line, start) });
  });
  return out;
}

/** What `toJS` threw: an alias whose anchor is not set before it, a bad merge (`<<`), too many aliases. */
function toJsErrorCode(message: string): string {
  if (message.startsWith('Unresolved alias')) return UNRESOLVED_ALIAS;
  if (message.startsWith('Merge sources')) return 'yaml/bad-merge';
  return message.startsWith('Excessive alias count') ? 'yaml/alias-limit' : 'yaml/invalid';
}


/** Maps with more entries than this get an index by key (a template with thousands of resources). */
const INDEXED_MAP_SIZE = 16;
const PAIR_INDEX = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first entry of `map` whose key is `key` as a string. */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length <= INDEXED_MAP_SIZE) return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  let index = PAIR_INDEX.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      const k = isScalar(p.key) ? String(p.key.value) : undefined;
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    PAIR_INDEX.set(map, index);
  }
  return index.get(key);
}

/** Walks a YAML AST along `path`; returns the line of the deepest key or item found. */
export function lineOfPath(
  root: Node | null | undefined,
  path: readonly PathSegment[],
  line: (offset: number) => number,
  fallback: number,
): number {
  let node: Node | null | undefined = root;
  let best = fallback;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairOf(node, String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) best = line(keyNode.range[0]);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) best = line(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return best;
}
