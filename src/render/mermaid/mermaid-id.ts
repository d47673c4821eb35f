/**
 * Mermaid node ids. Derived from the entity id (or a view's synthetic key) alone, so the same entity
 * gets the same id in every run and every diagram: a short readable slug plus a 53-bit hash of the
 * full key. Ids use `[A-Za-z0-9_]` only and never start with `o`/`x` (which Mermaid would read as an
 * edge end) nor form a keyword (`end`, `graph`…), because the hash suffix always follows.
 */

const KIND_CHARS = 10;
const TAIL_CHARS = 12;

/**
 * A safe Mermaid id for `key`. `compact` drops the readable slug (used when a diagram must shrink to
 * fit Mermaid's text limit).
 */
export function mermaidId(key: string, compact = false): string {
  const hash = cyrb53(key).toString(36);
  if (compact) return `n${hash}`;
  const colon = key.indexOf(':');
  const kind = sanitize(colon >= 0 ? key.slice(0, colon) : key).slice(0, KIND_CHARS);
  const rest = colon >= 0 ? key.slice(colon + 1) : '';
  const tail = sanitize(rest.slice(Math.max(rest.lastIndexOf('/'), rest.lastIndexOf(':'), rest.lastIndexOf('#')) + 1)).slice(0, TAIL_CHARS);
  const slug = [kind, tail].filter((s) => s !== '').join('_');
  return /^[A-Za-z]/.test(slug) && !/^[ox]/.test(slug) ? `${slug}_${hash}` : `n${slug === '' ? '' : `_${slug}`}_${hash}`;
}

/**
 * The slug of a name: `[A-Za-z0-9]` runs joined by `_`. `style` and `classDef` lose a letter: before
 * parsing, Mermaid removes the last `;` of any line where `style…:…#` or `classDef…:…#` occurs, which
 * would break the last character code (`#41;`) of the label on the line of a node id holding them.
 */
function sanitize(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/(sty)le|(class)def/gi, '$1$2');
}

/** cyrb53 (public domain, by bryc): a fast 53-bit string hash with good dispersion. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Assigns ids within one diagram and guarantees they are distinct even if two keys ever hashed alike
 * (a `_2` suffix, in the deterministic order keys are first seen).
 */
export class IdTable {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly compact = false) {}

  id(key: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = mermaidId(key, this.compact);
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}_${i}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }
}
