/**
 * Policy documents written as a JSON string, typically `AssumeRolePolicyDocument: !Sub | {…}`: after
 * substitution the text is parsed as JSON. Unknown parts of the substituted text are swapped for
 * sentinels before parsing and put back afterwards, so `${AWS::AccountId}` inside a principal stays a
 * placeholder in the parsed document.
 */
import { concat, fromPlain, lit, list, render, type CfnValue } from './values.js';

/** JSON forbids raw control characters in strings, so the sentinel is printable and unlikely in a policy. */
const SENTINEL = /@@cfn-hole-(\d+)@@/g;

function restore(node: unknown, holes: readonly CfnValue[]): CfnValue {
  if (typeof node === 'string') {
    if (!node.includes('@@cfn-hole-')) return lit(node);
    const parts: (string | CfnValue)[] = [];
    let last = 0;
    for (const m of node.matchAll(SENTINEL)) {
      parts.push(node.slice(last, m.index));
      parts.push(holes[Number(m[1])] ?? lit(''));
      last = m.index + m[0].length;
    }
    parts.push(node.slice(last));
    return concat(parts);
  }
  if (Array.isArray(node)) return list(node.map((x: unknown) => restore(x, holes)));
  if (typeof node === 'object' && node !== null) {
    return { kind: 'map', entries: new Map(Object.entries(node).map(([k, v]) => [render(restore(k, holes)), restore(v, holes)])) };
  }
  return fromPlain(node);
}

/**
 * The value itself when it is already structured; the parsed document when it is a JSON object text
 * (known or templated); otherwise `undefined`.
 */
export function asDocument(value: CfnValue | undefined): CfnValue | undefined {
  if (!value) return undefined;
  if (value.kind === 'map') return value;
  let text: string;
  const holes: CfnValue[] = [];
  if (value.kind === 'literal' && typeof value.value === 'string') {
    text = value.value;
  } else if (value.kind === 'template') {
    text = value.parts.map((p) => (typeof p === 'string' ? p : `@@cfn-hole-${holes.push(p) - 1}@@`)).join('');
  } else {
    return undefined;
  }
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return restore(parsed, holes);
  } catch {
    return undefined;
  }
}
