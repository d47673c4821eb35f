/**
 * Escaping of label text for Mermaid flowcharts. Labels are always written inside double quotes and
 * every character that could end the quote, start markup or be read as syntax is replaced by a Mermaid
 * entity code (`#quot;`, `#35;` …), which Mermaid turns back into the plain character when drawing:
 * the text looks the same, but nothing in it is ever interpreted. No HTML reaches the output.
 */
import { CONTROL_CHARS, DECEPTIVE_CHARS } from '../../core/text.js';

/** Default longest label line, in characters (longer text is cut with `…`). */
export const MAX_LABEL_CHARS = 60;

const CODES: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#38;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  '%': '#37;',
  ';': '#59;',
  '\\': '#92;',
};
const SPECIAL = /["#&<>[\](){}|`%;\\]/g;
/** Words Mermaid reads as statements; their first letter is encoded so they are never bare. */
const KEYWORDS = /\b(end|click|call|href|callback|subgraph|direction|graph|flowchart|class|linkStyle)\b/gi;
/** Mermaid strips a `;` after `style…:…#` and `classDef…:…#` anywhere on a line: never let those words appear. */
const STYLE_WORDS = /style|classDef/gi;

/**
 * Plain text → the inside of a quoted Mermaid label (without the quotes). Newlines become spaces;
 * text longer than `max` characters is cut with `…`; empty text becomes `–`.
 */
export function escapeLabel(text: string, max: number = MAX_LABEL_CHARS): string {
  let plain = text.replace(CONTROL_CHARS, ' ').replace(DECEPTIVE_CHARS, '\ufffd').replace(/\s+/g, ' ').trim();
  const chars = Array.from(plain);
  if (chars.length > max) plain = `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
  if (plain === '') plain = '–';
  return plain
    .replace(SPECIAL, (ch) => CODES[ch] ?? ch)
    .replace(/:(?=:)|(?<=:):/g, '#58;')
    .replace(KEYWORDS, encodeFirst)
    .replace(STYLE_WORDS, encodeFirst);
}

function encodeFirst(word: string): string {
  return `#${word.charCodeAt(0)};${word.slice(1)}`;
}
