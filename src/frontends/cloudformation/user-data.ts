/**
 * EC2 user data of self-managed EKS nodes (DOMAIN.md A.8, J13): the text behind `Fn::Base64` (or a
 * literal base64, gzip allowed as eksctl writes it), and what it says about the node group — the
 * cluster passed to `/etc/eks/bootstrap.sh` or a nodeadm `NodeConfig`, kubelet `--node-labels` and
 * `--register-with-taints`. Nothing is executed; the text is only searched.
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
 * The value of a kubelet flag (`--flag=value` or `--flag value`, on the same line). Every piece of the
 * pattern is a run of one character class after a literal, so the search is linear.
 */
function flagValue(text: string, flag: string): string | undefined {
  const m = new RegExp(`${flag}[= ]['"]?([^\\s'"\\\\]+)`).exec(text);
  return m?.[1];
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

export function readUserData(input: string): UserDataFacts {
  const { text } = capUserData(input);
  const cluster = bootstrapCluster(text) ?? nodeadmCluster(text);
  const facts: { cluster?: string; labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[] } = {};
  if (cluster !== undefined && !cluster.startsWith('-')) facts.cluster = cluster;
  const labelText = flagValue(text, '--node-labels');
  if (labelText) {
    const labels: Record<string, string> = {};
    for (const pair of labelText.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) setOwn(labels, pair.slice(0, eq), pair.slice(eq + 1));
    }
    facts.labels = labels;
  }
  const taintText = flagValue(text, '--register-with-taints');
  if (taintText) {
    facts.taints = taintText.split(',').flatMap((t) => {
      const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(t);
      if (!m?.[1] || !m[3]) return [];
      return [m[2] ? { key: m[1], value: m[2], effect: m[3] } : { key: m[1], effect: m[3] }];
    });
  }
  return facts;
}
