/**
 * The `kube-system/aws-auth` ConfigMap (DOMAIN.md A.18, J40): the one ConfigMap whose content is
 * architecture (which IAM principals may enter the cluster, as which Kubernetes user and groups), not
 * configuration. Its `data.mapRoles` / `data.mapUsers` values are YAML (or JSON) text; only the
 * structured mapping fields are read from them — `rolearn` / `userarn`, `username`, `groups` — and
 * nothing else of the ConfigMap enters the model (other keys, other fields of an entry, the raw text).
 * Text that is not a list of mappings is left out with a warning that quotes none of it.
 */
import { parseDocument } from 'yaml';
import { nestingBound, tooDeep } from '../../load/depth.js';
import { asArray, asObject, asString, asStringArray } from '../../core/guards.js';
import type { PropValue } from '../../model/entity.js';
import { toProps, type AwsAuthProps } from '../../model/props.js';
import type { ObjectHeader } from './object-meta.js';

/** Far fewer aliases than any real aws-auth has reason to use. */
const MAX_ALIAS_COUNT = 100;

export function isAwsAuth(h: ObjectHeader): boolean {
  return h.kind === 'ConfigMap' && h.namespace === 'kube-system' && h.name === 'aws-auth';
}

/** `mapRoles: [{rolearn, username?, groups?}]`, `mapUsers: [{userarn, username?, groups?}]`. */
export function lowerAwsAuth(h: ObjectHeader, warn: (message: string) => void): Record<string, PropValue> {
  const data = asObject(h.obj['data']);
  const read = (key: 'mapRoles' | 'mapUsers'): { arn: string; username?: string; groups?: string[] }[] | undefined => {
    const text = asString(data?.[key]);
    if (text === undefined || text.trim() === '') return undefined;
    const entries = parseList(text);
    if (entries === undefined) {
      warn(`aws-auth data.${key} is not a YAML list of mappings; its mappings are not read`);
      return undefined;
    }
    const arnField = key === 'mapRoles' ? 'rolearn' : 'userarn';
    const out = entries.flatMap((raw) => {
      const entry = asObject(raw);
      const arn = asString(entry?.[arnField])?.trim();
      if (!entry || !arn) return [];
      const username = asString(entry['username']);
      const groups = asStringArray(entry['groups']);
      return [{ arn, ...(username === undefined ? {} : { username }), ...(groups.length ? { groups } : {}) }];
    });
    return out.length ? out : undefined;
  };
  const props: AwsAuthProps = {
    mapRoles: read('mapRoles')?.map(({ arn, ...rest }) => ({ rolearn: arn, ...rest })),
    mapUsers: read('mapUsers')?.map(({ arn, ...rest }) => ({ userarn: arn, ...rest })),
  };
  return toProps(props);
}

function parseList(text: string): readonly unknown[] | undefined {
  // The same limits as the general loader: too deep a text could abort the YAML parser.
  if (nestingBound(text) >= 0) return undefined;
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
  if (tooDeep(value)) return undefined;
  return Array.isArray(value) ? asArray(value) : value === null ? [] : undefined;
}
