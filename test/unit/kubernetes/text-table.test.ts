/** The direct-mapped string tables behind the dump readers' shared keys and values. */
import { describe, expect, it } from 'vitest';
import { TextTable } from '../../../src/frontends/kubernetes/dump/text-table.js';

describe('TextTable', () => {
  const text = 'name: web-1\nname: web-2\n';

  it('finds a held string by comparing the text in place, and only an equal text', () => {
    const t = new TextTable(1024, false);
    expect(t.find(text, 6, 11)).toBeUndefined();
    t.hold('web-1');
    const hit = t.find(text, 6, 11);
    expect(hit).toBe('web-1');
    expect(t.find(text, 18, 23)).toBeUndefined(); // `web-2`: same length, other text
    expect(t.find(text, 6, 10)).toBeUndefined(); // `web-`: a prefix is not the value
  });

  it('one slot: keepFirst keeps the first string, otherwise the last one wins', () => {
    const first = new TextTable(1, true);
    first.hold('web-1');
    first.hold('web-2');
    expect(first.find(text, 6, 11)).toBe('web-1');
    expect(first.find(text, 18, 23)).toBeUndefined();
    const last = new TextTable(1, false);
    last.hold('web-1');
    last.hold('web-2');
    expect(last.find(text, 6, 11)).toBeUndefined();
    expect(last.find(text, 18, 23)).toBe('web-2');
  });
});
