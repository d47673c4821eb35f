/** Shared by the subset-parser tests: a reference reading of prune rules, a value generator, exact-end items. */
import { entryPrune, kindPrune, subPrune, type ItemPrune, type Prune } from '../../../src/frontends/kubernetes/dump/prune.js';
import { countNewlines } from '../../../src/core/text.js';
import { readYamlItem, SubsetError } from '../../../src/frontends/kubernetes/dump/yaml-subset.js';

/**
 * `readYamlItem` of an item that must end exactly at `end`: content after it throws `SubsetError`.
 * Every call also checks the line breaks the parser counted against a plain count of the text it read.
 */
export function parseYamlItem(src: string, start: number, end: number, prune?: ItemPrune): unknown {
  const { value, next, lines } = readYamlItem(src, start, end, prune);
  if (next < end) throw new SubsetError('trailing content after the item');
  const counted = countNewlines(src, start, next);
  if (lines !== counted) throw new Error(`the parser counted ${lines} line breaks, the text has ${counted}`);
  return value;
}

/** The reference reading of `prune`: applied to a fully parsed item, key by key. */
export function pruneItem(value: unknown, prune: ItemPrune): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  let p: Prune = prune.generic;
  for (const [k, x] of Object.entries(value)) {
    const sub = subPrune(p, k);
    if (sub === true) continue;
    out[k] = dropPruned(x, sub);
    if (k === 'kind') p = kindPrune(prune, out['apiVersion'], x) ?? p;
  }
  return out;
}

function dropPruned(v: unknown, p: Prune | undefined): unknown {
  if (Array.isArray(v)) return v.map((x: unknown) => dropPruned(x, entryPrune(p)));
  if (v && typeof v === 'object' && p) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const sub = subPrune(p, k);
      if (sub !== true) out[k] = dropPruned(x, sub);
    }
    return out;
  }
  return v;
}

/** Deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['', 'a', 'web', 'true', 'false', 'null', 'yes', 'No', '~', '0', '012', '1.5', '-3', '1e3', '0x1F', '0o17', '1_000', '.inf', '.NaN',
  'a: b', 'a #b', '#x', '- x', 'x:', ':x', 'http://h:80/p', 'ünïcode ✓', 'tab\there', 'line\nbreak', 'two\n\nbreaks', 'trail\n', ' lead', 'trail ',
  '"q"', "it's", '\\back', '{}', '[]', '&a', '*a', '!t', '%p', '@x', '`x', '2026-10-01T08:00:00Z', 'a'.repeat(120), 'word '.repeat(30)];

export function gen(r: () => number, depth: number): unknown {
  const x = r();
  if (depth > 3 || x < 0.45) {
    const y = r();
    if (y < 0.1) return Math.floor(r() * 1e6) - 5e5;
    if (y < 0.15) return r() < 0.5;
    if (y < 0.18) return null;
    if (y < 0.22) return Math.round(r() * 1e4) / 100;
    return ATOMS[Math.floor(r() * ATOMS.length)] ?? '';
  }
  if (x < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => gen(r, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 5); i > 0; i--) out[String(ATOMS[Math.floor(r() * ATOMS.length)] ?? 'k') + (r() < 0.5 ? '' : 'x')] = gen(r, depth + 1);
  return out;
}
