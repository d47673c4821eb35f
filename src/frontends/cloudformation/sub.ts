/**
 * `Fn::Sub` template strings: literal text and `${Name}` / `${Logical.Attr}` variables;
 * `${!Literal}` is the escape for a literal `${Literal}`.
 */

export type SubPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'var'; readonly name: string };

export function parseSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf('${', i);
    const end = start < 0 ? -1 : template.indexOf('}', start + 2);
    if (start < 0 || end < 0) {
      text += template.slice(i);
      break;
    }
    text += template.slice(i, start);
    const inner = template.slice(start + 2, end);
    if (inner.startsWith('!')) {
      text += `\${${inner.slice(1)}}`;
    } else {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'var', name: inner.trim() });
    }
    i = end + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** Variable names a Sub template uses (for reference scanning). */
export function subVariables(template: string): string[] {
  return parseSub(template).flatMap((p) => (p.kind === 'var' ? [p.name] : []));
}
