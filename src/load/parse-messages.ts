/**
 * Parser error messages as diagnostics may show them. Parsers quote the input around an error
 * (V8's JSON.parse: `Unexpected token 'h', ..."password": hunter2"... is not valid JSON`; the `yaml`
 * package: `Unexpected scalar token in YAML stream: "hunter2"`), and the input around an error can
 * be a secret value: a Secret's data, an env value. Diagnostics reach every output and the
 * terminal, so only the parser's own wording is kept, never a piece of the input, and never more
 * than one line.
 */

/** Characters a JSON token error may name: structure, not content. */
const JSON_STRUCTURE = new Set(['{', '}', '[', ']', ',', ':', '"']);

/** V8's message templates that say where the error is quote no input: `Expected ',' or '}' after property value in JSON at position 30`. */
const POSITIONED = /^([A-Za-z ,':"{}[\]-]+) in JSON at position (\d+)/;

export interface JsonErrorText {
  readonly message: string;
  /** Offset of the error in the parsed text, when the parser said. */
  readonly position?: number;
}

/** What a `JSON.parse` error says, without the input it quotes. */
export function jsonErrorText(err: unknown): JsonErrorText {
  const text = err instanceof Error ? err.message : String(err);
  const at = POSITIONED.exec(text);
  if (at?.[1] !== undefined) return { message: at[1], position: Number(at[2]) };
  if (text.startsWith('Unexpected end of JSON input')) return { message: 'Unexpected end of JSON input' };
  const token = /^Unexpected token '(.)'/u.exec(text)?.[1];
  if (token !== undefined) return { message: JSON_STRUCTURE.has(token) ? `Unexpected token '${token}'` : 'Unexpected token' };
  return { message: 'not valid JSON' };
}

/**
 * The `yaml` package's messages that name a piece of the input, as [pattern, replacement]. An
 * unquoted value that starts with `!`, `*` or `&` is a tag, an alias or an anchor to YAML, so tag,
 * alias and anchor names can be values too (`password: !s3cr3t`), and none is kept.
 */
const QUOTING: readonly (readonly [RegExp, string])[] = [
  [/: "(?:[^"\\]|\\.)*"$/, ''],
  [/^(Block scalar header includes extra characters|Invalid escape sequence|Unresolved tag|Could not resolve tag|Not a valid tag|Unresolved alias|Aliased anchor not found|Unknown directive|Unsupported YAML version|Ordered maps must not include duplicate keys|Unresolved plain scalar|Map items must all be pairs)\b.*$/, '$1'],
  [/^The .* tag has no suffix$/, 'A tag has no suffix'],
  [/^Verbatim tags aren't resolved, so .* is invalid\.$/, "Verbatim tags aren't resolved"],
  [/^Tag .* not found$/, 'Tag not found'],
  [/^Tag not resolved for .* value$/, 'Tag not resolved'],
];

/** What a `yaml` error or warning says, without the input it quotes (see QUOTING), on one line. */
export function yamlErrorText(message: string): string {
  let text = message.split('\n')[0] ?? '';
  for (const [pattern, replacement] of QUOTING) text = text.replace(pattern, replacement);
  return text;
}
