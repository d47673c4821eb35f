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
 * What a `yaml` error or warning says, without the input it quotes. The package appends the
 * offending source as a JSON string to stream-level errors (`…: "<source>"`) and names the
 * characters of a bad escape or block scalar header; tag names, anchor names and directives are
 * names, not values, and stay.
 */
export function yamlErrorText(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first
    .replace(/: "(?:[^"\\]|\\.)*"$/, '')
    .replace(/^(Block scalar header includes extra characters|Invalid escape sequence)\b.*$/, '$1');
}
