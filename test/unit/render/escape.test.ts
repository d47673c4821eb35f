/** escapeLabel (Mermaid), mermaidId and escapeMarkdown: table-driven. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownCell } from '../../../src/render/markdown/escape.js';
import { escapeLabel } from '../../../src/render/mermaid/escape-label.js';
import { IdTable, mermaidId } from '../../../src/render/mermaid/mermaid-id.js';

describe('escapeLabel', () => {
  it.each([
    ['plain text', 'web-7d9c8b6f5', 'web-7d9c8b6f5'],
    ['double quote', 'a"b', 'a#quot;b'],
    ['brackets and pipes', 'x["y"]|z', 'x#91;#quot;y#quot;#93;#124;z'],
    ['html', '<script>', '#lt;script#gt;'],
    ['arrow', 'a --> b', 'a --#gt; b'],
    ['backtick', '`md`', '#96;md#96;'],
    ['comment and directive', '%%{init}%%', '#37;#37;#123;init#125;#37;#37;'],
    ['semicolon', 'a;b', 'a#59;b'],
    ['class shorthand', 'a:::b', 'a#58;#58;#58;b'],
    ['single colon kept', 'trust: ec2', 'trust: ec2'],
    ['entity-looking text', '#quot;', '#35;quot#59;'],
    ['ampersand', 'a&b', 'a#38;b'],
    ['backslash', 'a\\b', 'a#92;b'],
    ['bare end', 'end', '#101;nd'],
    ['keywords as words', 'click call subgraph', '#99;lick #99;all #115;ubgraph'],
    ['end inside a word kept', 'endpoint backend', 'endpoint backend'],
    ['style anywhere', 'lifestyle: x', 'life#115;tyle: x'],
    ['classDef anywhere', 'myclassDef', 'my#99;lassDef'],
    ['newlines and tabs', 'a\nb\r\nc\td', 'a b c d'],
    ['control and bidi', 'a\u0000b\u202ec', 'a b\ufffdc'],
    ['unicode kept', 'ünï 名前 🚀 ⟨x⟩', 'ünï 名前 🚀 ⟨x⟩'],
    ['empty', '', '–'],
    ['blank', ' \n ', '–'],
  ])('%s', (_name, input, expected) => {
    expect(escapeLabel(input)).toBe(expected);
  });

  it('cuts long text at the limit, by characters, before escaping', () => {
    expect(escapeLabel('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(escapeLabel('🚀'.repeat(20), 5)).toBe(`${'🚀'.repeat(4)}…`);
    expect(escapeLabel('"'.repeat(20), 3)).toBe('#quot;#quot;…');
  });

  it('never leaves a quote, bracket, pipe, backtick, angle bracket or newline', () => {
    const nasty = 'a"]\n|`<>{}()%;:::end\u2028';
    const out = escapeLabel(nasty);
    expect(out).not.toMatch(/["[\]|`<>{}()\n\u2028]|%%|:::/);
    expect(out.replace(/#\w+;/g, '')).not.toMatch(/[;#]/);
  });
});

describe('mermaidId', () => {
  it.each([
    ['Subnet:cfn:cfn/network.yaml#Public1', /^Subnet_Public1_[0-9a-z]+$/],
    ['Pod:shop/web-1', /^Pod_web_1_[0-9a-z]+$/],
    ['owner:shop/ReplicaSet/x', /^n_owner_x_[0-9a-z]+$/],
    ['xylophone', /^n_xylophone_[0-9a-z]+$/],
    ['end', /^end_[0-9a-z]+$/],
    ['"]; click', /^click_[0-9a-z]+$/],
    ['', /^n_[0-9a-z]+$/],
  ])('%s', (key, pattern) => {
    expect(mermaidId(key)).toMatch(pattern);
    expect(mermaidId(key)).toBe(mermaidId(key));
    expect(mermaidId(key, true)).toMatch(/^n[0-9a-z]+$/);
  });

  it('is collision-free on 100,000 similar keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(mermaidId(`Pod:ns-${i % 97}/web-${i}`, true));
    expect(ids.size).toBe(100_000);
  });

  it('IdTable never hands out one id twice', () => {
    const table = new IdTable();
    const keys = ['a', 'b', 'a', 'Pod:x/y', 'Pod:x/y'];
    const ids = keys.map((k) => table.id(k));
    expect(ids[0]).toBe(ids[2]);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['plain', 'web-7d9c8b6f5', 'web-7d9c8b6f5'],
    ['html', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['entities stay literal', '&lt;', '&amp;lt;'],
    ['pipe', 'a|b', 'a\\|b'],
    ['emphasis and code', '*b* _i_ `c`', '\\*b\\* \\_i\\_ \\`c\\`'],
    ['link', '[x](y)', '\\[x\\](y)'],
    ['mention, math, strike', '@me $x$ ~~s~~', '\\@me \\$x\\$ \\~\\~s\\~\\~'],
    ['heading', '# h', '\\# h'],
    ['list at start', '- item', '\\- item'],
    ['ordered list at start', '1. one', '1\\. one'],
    ['newlines', 'a\nb\r\nc', 'a b  c'],
    ['backslash', 'a\\|', 'a\\\\\\|'],
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('cells do not escape line-start markers and show – when empty', () => {
    expect(escapeMarkdownCell('1.29')).toBe('1.29');
    expect(escapeMarkdownCell('')).toBe('–');
    expect(escapeMarkdownCell('a|b')).toBe('a\\|b');
  });
});
