/** escapeLabel (Mermaid), mermaidId and escapeMarkdown: table-driven. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownCell, escapeMarkdownStrong } from '../../../src/render/markdown/escape.js';
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
    // Mermaid drops the last `;` of a line holding `style…:…#` or `classDef…:…#`: never in an id.
    ['Deployment:shop/lifestyle', /^Deployment_lifesty_[0-9a-z]+$/],
    ['ConfigMap:shop/classDefault', /^ConfigMap_classault_[0-9a-z]+$/],
    ['Pod:shop/STYLE-classdef', /^Pod_STY_class_[0-9a-z]+$/],
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
    ['mention, math, strike', '@me $x$ ~~s~~', '\\@&#8288;me \\$x\\$ \\~\\~s\\~\\~'],
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

/** The text a CommonMark renderer shows for escaped inline Markdown: escapes and references resolved. */
function shown(markdown: string): string {
  const named: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&' };
  return markdown.replace(/\\([!-/:-@[-`{-~])|&(?:#(\d+)|(lt|gt|amp));/g, (_m, punct?: string, code?: string, name?: string) => {
    if (punct !== undefined) return punct;
    return code !== undefined ? String.fromCodePoint(Number(code)) : (named[name ?? ''] ?? '');
  });
}

/**
 * GFM extended autolinks (and mentions), found as remark-gfm and GitHub's transform-time pass find
 * them: in the shown text, anywhere and in any case (the spec wants a space or one of `*_~(` before
 * `www.`, but not every renderer does). An e-mail address or a mention needs `@` right before a
 * domain or user name character.
 */
const AUTOLINK_TRIGGER = /www\.|(?:https?|ftp):\/\/|(?:mailto|xmpp):|@[\w-]/i;
const WJ = '&#8288;';

describe('escapeMarkdown: GFM extended autolinks', () => {
  it.each([
    ['www. alone', 'www.example.com', `www${WJ}.example.com`],
    ['www. after text', 'see www.example.com/x', `see www${WJ}.example.com/x`],
    ['www. inside a name (a-www.x.com: no link per spec, but marked and remark link it)', 'a-www.x.com', `a-www${WJ}.x.com`],
    ['www. in parentheses', '(www.x.com)', `(www${WJ}.x.com)`],
    ['www. in emphasis characters', '*www.x.com*', `\\*www${WJ}.x.com\\*`],
    ['uppercase WWW.', 'WWW.EXAMPLE.COM', `WWW${WJ}.EXAMPLE.COM`],
    ['mixed case Www.', 'Www.Example.com', `Www${WJ}.Example.com`],
    ['four w', 'wwww.x.com', `wwww${WJ}.x.com`],
    ['https://', 'https://evil.example/x', `https${WJ}://evil.example/x`],
    ['http://', 'http://evil.example', `http${WJ}://evil.example`],
    ['ftp://', 'ftp://files.example/f', `ftp${WJ}://files.example/f`],
    ['uppercase HTTPS://', 'HTTPS://X.COM', `HTTPS${WJ}://X.COM`],
    ['uppercase FTP://', 'FTP://x.org', `FTP${WJ}://x.org`],
    ['scheme inside a word (marked links xhttps://)', 'xhttps://x.com', `xhttps${WJ}://x.com`],
    ['scheme after a hyphen', 'a-https://x.com/y', `a-https${WJ}://x.com/y`],
    ['mailto:', 'mailto:ops@example.com', `mailto${WJ}:ops\\@${WJ}example.com`],
    ['uppercase MAILTO:', 'MAILTO:A@B.CO', `MAILTO${WJ}:A\\@${WJ}B.CO`],
    ['xmpp: with a resource', 'xmpp:bot@chat.example/r', `xmpp${WJ}:bot\\@${WJ}chat.example/r`],
    ['e-mail', 'user@example.com', `user\\@${WJ}example.com`],
    ['e-mail in text', 'owner: first.last+k8s@corp.example.com', `owner: first.last+k8s\\@${WJ}corp.example.com`],
    ['image digest', 'registry.example/app@sha256:abc', `registry.example/app\\@${WJ}sha256:abc`],
    ['several triggers', 'www.a.io https://b.io c@d.io', `www${WJ}.a.io https${WJ}://b.io c\\@${WJ}d.io`],
    ['input backslash before . is kept literal, no joiner needed', 'www\\.x.com', 'www\\\\.x.com'],
    ['input backslash before : is kept literal, no joiner needed', 'https\\://x.com', 'https\\\\://x.com'],
    ['input backslash before @ is kept literal', 'user\\@x.com', `user\\\\\\@${WJ}x.com`],
    ['input word joiner reference stays literal', 'www&#8288;.x', `www&amp;\\#8288;.x`],
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['dotted name', 'web.shop'],
    ['service and namespace', 'svc-1.default'],
    ['www without a dot', 'www-data'],
    ['www inside a word', 'wwwroot.example'],
    ['http without //', 'http:8080'],
    ['scheme-like words', 'http-api ftp-server https-proxy'],
    ['image with tag', 'registry.example.com/app:1.2'],
    ['ARN', 'arn:aws:iam::1:role/web'],
  ])('leaves ordinary text alone: %s', (_name, input) => {
    expect(escapeMarkdown(input)).toBe(input);
    expect(escapeMarkdownCell(input)).toBe(input);
  });

  it('cells get the same treatment', () => {
    expect(escapeMarkdownCell(' www.example.com ')).toBe(`www${WJ}.example.com`);
    expect(escapeMarkdownCell('https://x.io|y')).toBe(`https${WJ}://x.io\\|y`);
    expect(escapeMarkdownCell('a@b.co')).toBe(`a\\@${WJ}b.co`);
  });

  it('the shown text has no autolink trigger left and reads as the input', () => {
    const inputs = [
      'www.example.com',
      'WwW.example.com',
      'https://evil.example/x?q=1',
      'HTTP://EVIL.EXAMPLE',
      'fTp://x.org',
      'mailto:a@b.co',
      'XMPP:a@b.co/r',
      'user@example.com',
      'a-www.x.com',
      'x_https://y.com',
      '~www.x.com~',
      '@octocat',
      'a\\@b.co',
      '<a href="https://x.io">www.x.io</a>',
    ];
    for (const input of inputs) {
      for (const out of [escapeMarkdown(input), escapeMarkdownCell(input)]) {
        const text = shown(out);
        expect(text, out).not.toMatch(AUTOLINK_TRIGGER);
        expect(text.replaceAll('\u2060', ''), out).toBe(input);
      }
    }
  });
});

describe('escapeMarkdownStrong', () => {
  it.each([
    ['prod', '**prod**'],
    ['  prod  ', '**prod**'],
    // Blank or only separators: `** **` would be a thematic break (<hr>).
    ['  ', '**–**'],
    ['\u2028', '**–**'],
    ['', '**–**'],
    ['*x*', '**\\*x\\***'],
  ])('%j → %s', (text, expected) => {
    expect(escapeMarkdownStrong(text)).toBe(expected);
  });
});

describe('deceptive characters', () => {
  it('bidirectional and zero-width characters show as U+FFFD in Markdown and Mermaid', () => {
    const text = 'a\u202eb\u061cc\u200bd\u2060e\ufefff';
    expect(escapeMarkdown(text)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf');
    expect(escapeMarkdownCell(text)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf');
    expect(escapeLabel(text)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf');
  });

  it('keeps the joiners scripts and emoji need', () => {
    expect(escapeMarkdown('a\u200db\u200cc')).toBe('a\u200db\u200cc');
  });
});
