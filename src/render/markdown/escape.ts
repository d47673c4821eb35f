/**
 * Escaping for Markdown text coming from input files. Names can contain anything, so every character
 * that Markdown, GitHub's extensions (mentions, math, tables) or embedded HTML would interpret is
 * neutralised: the text renders as itself and can never open a tag, a link, a code span or a new
 * table cell, nor start a heading or a list.
 */
/** Characters escaped with a backslash wherever they appear (all are ASCII punctuation, so `\x` is literal `x`). */
const ALWAYS = /[\\`*_[\]|~$@#]/g;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Inline Markdown text: one line, nothing interpreted, safe even at the start of a line. */
export function escapeMarkdown(text: string): string {
  // At the start of a line these would begin a list or a heading underline.
  return escapeInline(text).replace(/^([+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table cell (never at a line start; `|` is made literal); an empty cell shows `–`. */
export function escapeMarkdownCell(text: string): string {
  const out = escapeInline(text).trim();
  return out === '' ? '–' : out;
}

function escapeInline(text: string): string {
  const flat = text.replace(CONTROL, ' ').replace(BIDI, '\ufffd');
  return flat.replace(/[<>&]/g, (ch) => ENTITIES[ch] ?? ch).replace(ALWAYS, (ch) => `\\${ch}`);
}

/** Inline code span for archmap's own text (never input): backticks become a lookalike. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, 'ˋ')}\``;
}

/** A Markdown table; cells must already be escaped. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
