/**
 * EC2 user data of self-managed EKS nodes (DOMAIN.md A.8, J13): the text behind `Fn::Base64` (or a
 * literal base64, gzip allowed as eksctl writes it), and what it says about the node group — the
 * cluster passed to `/etc/eks/bootstrap.sh` or a nodeadm `NodeConfig`, kubelet `--node-labels` and
 * `--register-with-taints`. Nothing is executed; the text is only searched. `$NAME` / `${NAME}` in
 * those flags take the values of the script's simple assignments (`NAME=value`, quoted, `export`);
 * a label or taint with any part still unknown is left out, never kept with the variable as text.
 */
import { isObject, setOwn } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';
import type { Stack } from './stack.js';
import { render, textOf } from './values.js';

/** Larger user data is not unpacked, nor read past (EC2's own limit is 16 KB; this leaves room for gzip). */
export const MAX_USER_DATA = 1024 * 1024;

type Decoded = { readonly text: string } | { readonly tooLarge: true } | undefined;

function decodeBase64(text: string): Decoded {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) return undefined;
  if (text.length > MAX_USER_DATA) return { tooLarge: true };
  const bytes = Buffer.from(text, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // node:zlib is loaded on first use: gzip is rare, and loading it costs every start-up ~2 ms.
      return { text: process.getBuiltinModule('node:zlib').gunzipSync(bytes, { maxOutputLength: MAX_USER_DATA }).toString('utf8') };
    } catch (e) {
      return (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? { tooLarge: true } : undefined;
    }
  }
  return { text: bytes.toString('utf8') };
}

/**
 * At most {@link MAX_USER_DATA} characters of `text`, cut after the last full line so that no token
 * is read cut in two.
 */
export function capUserData(text: string): { readonly text: string; readonly capped: boolean } {
  if (text.length <= MAX_USER_DATA) return { text, capped: false };
  const head = text.slice(0, MAX_USER_DATA);
  const end = head.lastIndexOf('\n');
  return { text: end < 0 ? '' : head.slice(0, end + 1), capped: true };
}

/** The user data as text (unknown parts shown as `${…}`), or `undefined` when there is none. */
export function userDataText(stack: Stack, node: unknown, path: readonly PathSegment[]): string | undefined {
  if (node === undefined) return undefined;
  const tooLarge = (what: string): void =>
    stack.report('warning', 'cfn/user-data-too-large', path, `UserData is larger than ${MAX_USER_DATA / 1024 / 1024} MiB; ${what}`);
  if (isObject(node) && 'Fn::Base64' in node && Object.keys(node).length === 1) {
    const { text, capped } = capUserData(render(stack.evaluateAt(node['Fn::Base64'], [...path, 'Fn::Base64'])));
    if (capped) tooLarge('only its first MiB is read');
    return text;
  }
  const text = textOf(stack.evaluateAt(node, path));
  if (text === undefined) return undefined;
  const decoded = decodeBase64(text.trim());
  if (decoded === undefined) return undefined;
  if ('tooLarge' in decoded) {
    tooLarge('it is not unpacked');
    return undefined;
  }
  const { text: plain, capped } = capUserData(decoded.text);
  if (capped) tooLarge('only its first MiB is read');
  return plain;
}

export interface UserDataFacts {
  /** The cluster name token (may be `${Param(X)}` when the template leaves it open). */
  readonly cluster?: string;
  readonly labels?: Record<string, string>;
  readonly taints?: { key: string; value?: string; effect: string }[];
}

/**
 * The value of a kubelet flag (`--flag=value` or `--flag value`, on the same line) and where the flag
 * is. Every piece of the pattern is a run of one character class after a literal, so the search is
 * linear.
 */
function flagValue(text: string, flag: string): { readonly value: string; readonly at: number } | undefined {
  const m = new RegExp(`${flag}[= ]['"]?([^\\s'"\\\\]+)`).exec(text);
  return m?.[1] === undefined ? undefined : { value: m[1], at: m.index };
}

/**
 * What an unknown part of a shell word becomes: one `$`. A label whose key or value holds a `$` is
 * dropped, so no shell variable (nor a command substitution's text) is ever kept as a literal.
 */
const HOLE = '$';

/** How many characters variable expansion may produce in all (`A=$A$A` doubles a value per line). */
const EXPANSION_BUDGET = MAX_USER_DATA;

const NAME_CHAR = /[A-Za-z0-9_]/;
const NAME_START = /[A-Za-z_]/;
const BRACED_NAME = /\{([A-Za-z_][A-Za-z0-9_]*)\}/y;
const ASSIGNMENT = /[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/y;

/** A `$NAME` or `${NAME}` reference at `i` (a `$`): the name and the index after it; other `$` forms give `undefined`. */
function reference(text: string, i: number): { readonly name: string; readonly end: number } | undefined {
  if (text[i + 1] === '{') {
    BRACED_NAME.lastIndex = i + 1;
    const m = BRACED_NAME.exec(text);
    return m?.[1] === undefined ? undefined : { name: m[1], end: BRACED_NAME.lastIndex };
  }
  if (!NAME_START.test(text[i + 1] ?? '')) return undefined;
  let end = i + 2;
  while (end < text.length && NAME_CHAR.test(text[end] ?? '')) end += 1;
  return { name: text.slice(i + 1, end), end };
}

/** The index after the bracket that closes the one at `open` (nesting counted), or the end of `text`. */
function closing(text: string, open: number): number {
  const left = text[open];
  const right = left === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === left) depth += 1;
    else if (text[i] === right && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Variable values, known or {@link HOLE}; expansion draws on one shared budget. */
class Expander {
  private left = EXPANSION_BUDGET;

  constructor(private readonly lookup: (name: string) => string | undefined) {}

  /** The value of a variable, or a hole when it is not known or the budget is spent. */
  value(name: string): string {
    const v = this.lookup(name);
    if (v === undefined || v.length > this.left) return HOLE;
    this.left -= v.length;
    return v;
  }

  /**
   * A flag value with `$NAME` / `${NAME}` expanded. Any other expansion (`$(…)`, `${X:-…}`, a
   * backquoted command, `$1`) becomes one hole, whatever it holds (commas included).
   */
  word(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '`') {
        const close = text.indexOf('`', i + 1);
        out += HOLE;
        i = close < 0 ? text.length : close + 1;
      } else if (c === '$') {
        const ref = reference(text, i);
        if (ref) {
          out += this.value(ref.name);
          i = ref.end;
        } else {
          out += HOLE;
          i = text[i + 1] === '(' || text[i + 1] === '{' ? closing(text, i + 1) : i + 1;
        }
      } else {
        out += c;
        i += 1;
      }
    }
    return out;
  }
}

interface Assigned {
  /** The value, {@link HOLE} when it is not a simple one. */
  readonly value: string;
  /** Where the next statement of the line starts (after a `;`), or `undefined` when none is read. */
  readonly next?: number;
}

const NOT_SIMPLE: Assigned = { value: HOLE };

/**
 * The value of an assignment that starts at `start` of `line`: unquoted, `'…'` and `"…"` parts, with
 * `$NAME` / `${NAME}` expanded. Anything else — a command substitution, another parameter expansion,
 * a backslash, an unclosed quote, more words after the value (a command's environment, or an
 * EnvironmentFile value with blanks) — makes it not simple: its value is a hole.
 */
function assignedValue(line: string, start: number, vars: Expander): Assigned {
  let out = '';
  let i = start;
  // A `$` at `i`: adds its expansion and moves past it; `false` when it makes the value not simple.
  const dollar = (): boolean => {
    const ref = reference(line, i);
    if (ref) {
      out += vars.value(ref.name);
      i = ref.end;
      return true;
    }
    if (line[i + 1] === '(' || line[i + 1] === '{') return false;
    out += HOLE;
    i += 1;
    return true;
  };
  while (i < line.length) {
    const c = line[i] ?? '';
    if (isBlank(c) || c === ';') break;
    if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return NOT_SIMPLE;
      out += line.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i += 1;
      for (;;) {
        const d = line[i];
        if (d === undefined || d === '\\' || d === '`') return NOT_SIMPLE;
        if (d === '"') break;
        if (d === '$') {
          if (!dollar()) return NOT_SIMPLE;
        } else {
          out += d;
          i += 1;
        }
      }
      i += 1;
    } else if (c === '$') {
      if (!dollar()) return NOT_SIMPLE;
    } else if ('\\`&|<>()'.includes(c)) {
      return NOT_SIMPLE;
    } else {
      out += c;
      i += 1;
    }
  }
  while (isBlank(line[i])) i += 1;
  if (i >= line.length || line[i] === '#') return { value: out };
  return line[i] === ';' ? { value: out, next: i + 1 } : NOT_SIMPLE;
}

/**
 * Shell variables of simple assignments (`NAME=value`, `NAME="…"`, `NAME='…'`, `export NAME=…`, at
 * the start of a line or after a `;`), read line by line in order, each value expanded with the
 * variables assigned before it (`A="${A},b=c"` appends). `snapshots[i]` holds the variables assigned
 * on the lines before the one at offset `positions[i]`; `final` those of the whole text.
 */
function shellVariables(text: string, positions: readonly number[]): { snapshots: Map<string, string>[]; final: Map<string, string> } {
  const vars = new Map<string, string>();
  const expander = new Expander((name) => vars.get(name));
  const snapshots: (Map<string, string> | undefined)[] = positions.map(() => undefined);
  let lineStart = 0;
  for (const raw of text.split('\n')) {
    const lineEnd = lineStart + raw.length;
    positions.forEach((p, n) => {
      if (snapshots[n] === undefined && p <= lineEnd) snapshots[n] = new Map(vars);
    });
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    for (let at: number | undefined = 0; at !== undefined; ) {
      ASSIGNMENT.lastIndex = at;
      const m = ASSIGNMENT.exec(line);
      if (!m?.[1]) break;
      const assigned = assignedValue(line, ASSIGNMENT.lastIndex, expander);
      vars.set(m[1], assigned.value);
      at = assigned.next;
    }
    lineStart = lineEnd + 1;
  }
  return { snapshots: snapshots.map((s) => s ?? vars), final: vars };
}

/**
 * The flag values with shell variables expanded: a variable assigned on an earlier line takes its
 * value there; one assigned only later takes its last value (eksctl's kubelet unit reads an
 * EnvironmentFile that a later part of the user data writes). Unknown variables become holes.
 */
function expandFlags(text: string, flags: readonly ({ readonly value: string; readonly at: number } | undefined)[]): (string | undefined)[] {
  const present = flags.filter((f): f is { value: string; at: number } => f !== undefined);
  if (!present.some((f) => f.value.includes('$') || f.value.includes('`'))) return flags.map((f) => f?.value);
  const { snapshots, final } = shellVariables(text, present.map((f) => f.at));
  return flags.map((f) => {
    if (!f) return undefined;
    const before = snapshots[present.indexOf(f)] ?? final;
    return new Expander((name) => (before.has(name) ? before.get(name) : final.get(name))).word(f.value);
  });
}

const BOOTSTRAP = '/etc/eks/bootstrap.sh';
const TOKEN_END = /[\s'"\\;]/;

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * The first argument of `/etc/eks/bootstrap.sh` — on the same line, or after a backslash-newline
 * continuation as the shell reads it — for its first call that has one.
 */
function bootstrapCluster(text: string): string | undefined {
  for (let at = text.indexOf(BOOTSTRAP); at >= 0; at = text.indexOf(BOOTSTRAP, at + 1)) {
    let i = at + BOOTSTRAP.length;
    let separated = false;
    for (;;) {
      if (isBlank(text[i])) {
        separated = true;
        i += 1;
      } else if (text[i] === '\\' && text[i + 1] === '\n') {
        i += 2;
      } else if (text[i] === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
        i += 3;
      } else {
        break;
      }
    }
    if (!separated) continue;
    if (text[i] === "'" || text[i] === '"') i += 1;
    let end = i;
    while (end < text.length && !TOKEN_END.test(text[end] ?? ' ')) end += 1;
    if (end > i) return text.slice(i, end);
  }
  return undefined;
}

function indentOf(line: string): number {
  let n = 0;
  while (isBlank(line[n])) n += 1;
  return n;
}

const CLUSTER_KEY = /^[ \t]*cluster:[ \t]*(?:#.*)?$/;
const NAME_KEY = /^[ \t]*name:[ \t]*['"]?([^\s'"#][^\s'"]*)/;

/**
 * `spec.cluster.name` of a nodeadm `NodeConfig`: after the first `kind: NodeConfig`, the first
 * `cluster:` block whose direct `name:` key has a value on its own line. The text is read line by line
 * once (no pattern spans lines), so a key without a value never takes the next line's text.
 */
function nodeadmCluster(text: string): string | undefined {
  const kind = /kind:[ \t]*NodeConfig/.exec(text);
  if (!kind) return undefined;
  const lines = text.slice(kind.index).split('\n');
  let block: { indent: number; child?: number } | undefined;
  // Line 0 is the `kind:` line itself.
  for (let n = 1; n < lines.length; n++) {
    const line = (lines[n] ?? '').replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = indentOf(line);
    if (block && indent > block.indent) {
      block.child ??= indent;
      if (indent !== block.child) continue;
      const name = NAME_KEY.exec(line);
      if (name?.[1]) return name[1];
      continue;
    }
    block = CLUSTER_KEY.test(line) ? { indent } : undefined;
  }
  return undefined;
}

/** A label or taint part that still holds an unexpanded shell expansion is not kept. */
function expanded(...parts: readonly (string | undefined)[]): boolean {
  return parts.every((p) => p === undefined || !p.includes('$'));
}

export function readUserData(input: string): UserDataFacts {
  const { text } = capUserData(input);
  const cluster = bootstrapCluster(text) ?? nodeadmCluster(text);
  const facts: { cluster?: string; labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[] } = {};
  if (cluster !== undefined && !cluster.startsWith('-')) facts.cluster = cluster;
  const [labelText, taintText] = expandFlags(text, [flagValue(text, '--node-labels'), flagValue(text, '--register-with-taints')]);
  if (labelText) {
    const labels: Record<string, string> = {};
    for (const pair of labelText.split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (expanded(key, value)) setOwn(labels, key, value);
    }
    facts.labels = labels;
  }
  if (taintText) {
    facts.taints = taintText.split(',').flatMap((t) => {
      const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(t);
      if (!m?.[1] || !m[3] || !expanded(m[1], m[2])) return [];
      return [m[2] ? { key: m[1], value: m[2], effect: m[3] } : { key: m[1], effect: m[3] }];
    });
  }
  return facts;
}
