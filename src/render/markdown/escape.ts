/**
 * Escaping for Markdown text coming from input files. Names can contain anything, so every character
 * that Markdown, GitHub's extensions (mentions, math, tables, autolinks) or embedded HTML would
 * interpret is neutralised: the text renders as itself and can never open a tag, a link, a code span
 * or a new table cell, nor start a heading or a list.
 *
 * GFM's extended autolinks (`www.`, `http://`, `https://`, `ftp://`, e-mail addresses, `mailto:` and
 * `xmpp:`) need no Markdown syntax, and a backslash escape does not stop them everywhere: cmark-gfm
 * (GitHub) looks for e-mail addresses after merging the text nodes, so `user\@example.com` is still a
 * link there, and remark-gfm (like GitHub's second, transform-time pass) looks for all of them in text
 * whose escapes are already resolved. So each trigger is split by an invisible character instead, a
 * word joiner (U+2060, written `&#8288;`: zero width, no line break): between `www` and `.`, between
 * the scheme name and `:`, and after every `@`. Every autolink form needs its trigger as one unbroken
 * run of characters, so none fires; the text looks the same, and only a copy of it holds the joiner.
 */
import { CONTROL_CHARS, DECEPTIVE_CHARS } from '../../core/text.js';

/** Characters escaped with a backslash wherever they appear (all are ASCII punctuation, so `\x` is literal `x`). */
const ALWAYS = /[\\`*_[\]|~$@#]/g;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
/** U+2060 WORD JOINER as a character reference: invisible, no width, no line break opportunity. */
const WJ = '&#8288;';
/**
 * Where a word joiner goes: between `www` and `.`, between `http`, `https` or `ftp` and `://`,
 * between `mailto` or `xmpp` and `:`, and after every `@`. Matched anywhere and in any case, as
 * some renderers link more than the spec (marked links `xhttps://…` and `a-www.…`, micromark and
 * remark link `WWW.…`). It runs on the escaped text, so the reference is never escaped again, and an
 * input backslash (now `\\`) between `www` and `.` already keeps them apart.
 */
const AUTOLINK = /(?<=www)(?=\.)|(?<=https?|ftp)(?=:\/\/)|(?<=mailto|xmpp)(?=:)|(?<=@)/gi;

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
  const flat = text.replace(CONTROL_CHARS, ' ').replace(DECEPTIVE_CHARS, '\ufffd');
  const escaped = flat.replace(/[<>&]/g, (ch) => ENTITIES[ch] ?? ch).replace(ALWAYS, (ch) => `\\${ch}`);
  return escaped.replace(AUTOLINK, WJ);
}

/**
 * Strong text on a line of its own (a cluster's name above its table). Emphasis needs text that does
 * not start or end with a space: a blank name would leave `** **`, a thematic break (`<hr>`).
 */
export function escapeMarkdownStrong(text: string): string {
  const out = escapeMarkdown(text.replace(CONTROL_CHARS, ' ').trim()).trim();
  return `**${out === '' ? '–' : out}**`;
}

/** Inline code span for archmap's own text (never input): backticks become a lookalike. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, 'ˋ')}\``;
}

/** A Markdown table; cells must already be escaped. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
