/**
 * Node-group taints in both of eksctl's forms (apis/eksctl.io/v1alpha5/types.go:2297-2324):
 * a list of `{key, value, effect}`, or (self-managed groups) a map `{key: "value:Effect"}`.
 */
import { asString, isObject } from '../../core/guards.js';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** Parses either form; entries that cannot be read are returned in `problems` (by key or index). */
export function parseTaints(value: unknown): { taints: Taint[]; problems: { at: string | number; message: string }[] } {
  const taints: Taint[] = [];
  const problems: { at: string | number; message: string }[] = [];
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      if (!isObject(item)) return;
      const key = asString(item['key']);
      const effect = asString(item['effect']);
      if (!key || !effect) {
        problems.push({ at: i, message: 'a taint needs a key and an effect' });
        return;
      }
      const v = asString(item['value']);
      taints.push(v ? { key, value: v, effect } : { key, effect });
    });
  } else if (isObject(value)) {
    for (const [key, raw] of Object.entries(value)) {
      const text = asString(raw) ?? '';
      // `value:Effect`; the value may itself be empty (`":NoSchedule"`) and only the last colon splits.
      const colon = text.lastIndexOf(':');
      const effect = colon >= 0 ? text.slice(colon + 1) : '';
      if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) {
        problems.push({ at: key, message: `taint "${key}" must be written "value:Effect" with Effect one of ${TAINT_EFFECTS.join(', ')}` });
        continue;
      }
      const v = text.slice(0, colon);
      taints.push(v ? { key, value: v, effect } : { key, effect });
    }
  }
  taints.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { taints, problems };
}
