/** CloudFormation tag lists (`[{Key, Value}]`, most types) and plain tag maps (EKS node groups). */
import { setOwn } from '../../core/guards.js';
import { entriesOf, field, itemsOf, render, textOf, type CfnValue } from './values.js';

/** A tag list or map as a string map; unknown values are shown as their placeholder text. */
export function tagMap(value: CfnValue | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  const out: Record<string, string> = {};
  if (value.kind === 'map') {
    for (const [k, v] of entriesOf(value)) setOwn(out, k, textOf(v) ?? render(v));
  } else {
    for (const tag of itemsOf(value)) {
      const key = field(tag, 'Key');
      const val = field(tag, 'Value');
      if (!key) continue;
      out[textOf(key) ?? render(key)] = val ? (textOf(val) ?? render(val)) : '';
    }
  }
  return Object.keys(out).length ? out : undefined;
}
