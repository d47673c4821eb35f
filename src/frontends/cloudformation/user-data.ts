/**
 * EC2 user data of self-managed EKS nodes (DOMAIN.md A.8, J13): the text behind `Fn::Base64` (or a
 * literal base64, gzip allowed as eksctl writes it), and what it says about the node group — the
 * cluster passed to `/etc/eks/bootstrap.sh` or a nodeadm `NodeConfig`, kubelet `--node-labels` and
 * `--register-with-taints`. Nothing is executed; the text is only searched.
 */
import { isObject } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';
import type { Stack } from './stack.js';
import { render, textOf } from './values.js';

/** Larger user data is not unpacked (EC2's own limit is 16 KB; this leaves room for gzip). */
const MAX_USER_DATA = 1024 * 1024;

function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text) || text.length > MAX_USER_DATA) return undefined;
  const bytes = Buffer.from(text, 'base64');
  try {
    // node:zlib is loaded on first use: gzip is rare, and loading it costs every start-up ~2 ms.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return process.getBuiltinModule('node:zlib').gunzipSync(bytes, { maxOutputLength: MAX_USER_DATA }).toString('utf8');
  } catch {
    return undefined;
  }
  return bytes.toString('utf8');
}

/** The user data as text (unknown parts shown as `${…}`), or `undefined` when there is none. */
export function userDataText(stack: Stack, node: unknown, path: readonly PathSegment[]): string | undefined {
  if (node === undefined) return undefined;
  if (isObject(node) && 'Fn::Base64' in node && Object.keys(node).length === 1) {
    return render(stack.evaluateAt(node['Fn::Base64'], [...path, 'Fn::Base64']));
  }
  const text = textOf(stack.evaluateAt(node, path));
  return text === undefined ? undefined : decodeBase64(text.trim());
}

export interface UserDataFacts {
  /** The cluster name token (may be `${Param(X)}` when the template leaves it open). */
  readonly cluster?: string;
  readonly labels?: Record<string, string>;
  readonly taints?: { key: string; value?: string; effect: string }[];
}

function flagValue(text: string, flag: string): string | undefined {
  const m = new RegExp(`${flag}[= ]['"]?([^\\s'"\\\\]+)`).exec(text);
  return m?.[1];
}

export function readUserData(text: string): UserDataFacts {
  const bootstrap = /\/etc\/eks\/bootstrap\.sh\s+['"]?([^\s'"\\;]+)/.exec(text);
  const nodeadm = /kind:\s*NodeConfig[\s\S]*?cluster:\s*\n\s+name:\s*['"]?([^\s'"]+)/.exec(text);
  const cluster = bootstrap?.[1] ?? nodeadm?.[1];
  const facts: { cluster?: string; labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[] } = {};
  if (cluster !== undefined && !cluster.startsWith('-')) facts.cluster = cluster;
  const labelText = flagValue(text, '--node-labels');
  if (labelText) {
    const labels: Record<string, string> = {};
    for (const pair of labelText.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) labels[pair.slice(0, eq)] = pair.slice(eq + 1);
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
