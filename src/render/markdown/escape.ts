/**
 * Escaping for Markdown text coming from input files. Names can contain anything, so every character
 * that Markdown or embedded HTML would interpret is neutralised.
 */
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&"']/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(MD_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : `\\${ch}`));
}

/** A table cell: like `escapeMarkdown`, and `|` can never end the cell. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text);
}

/** Inline code span that cannot be broken out of: backticks become a lookalike. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, 'ˋ')}\``;
}
