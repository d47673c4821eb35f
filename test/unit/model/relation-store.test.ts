import { describe, expect, it } from 'vitest';
import { cmp } from '../../../src/core/order.js';
import type { Relation } from '../../../src/model/entity.js';
import type { RelationType } from '../../../src/model/kinds.js';
import { RelationStore } from '../../../src/model/relation-store.js';

const rel = (type: RelationType, from: string, to: string, confidence: Relation['confidence'] = 'high', rule = 'r'): Relation => ({ type, from, to, confidence, rule });
const key = (r: Relation): string => `${r.type} ${r.from} ${r.to} ${r.confidence} ${r.rule}`;
const sorted = (list: readonly Relation[]): string[] => list.map(key).sort(cmp);

/** The store's contract, written the slow way: one list, deduplicated by (type, from, to). */
class Reference {
  list: Relation[] = [];
  add(r: Relation): void {
    const rank = { high: 2, medium: 1, low: 0 };
    const i = this.list.findIndex((x) => x.type === r.type && x.from === r.from && x.to === r.to);
    const prev = this.list[i];
    if (!prev) this.list.push(r);
    else if (rank[r.confidence] > rank[prev.confidence] || (r.confidence === prev.confidence && cmp(r.rule, prev.rule) < 0)) this.list[i] = r;
  }
  detach(id: string): Relation[] {
    const moved = this.list.filter((r) => r.from === id || r.to === id);
    this.list = this.list.filter((r) => r.from !== id && r.to !== id);
    return moved;
  }
}

/** A small deterministic generator (no test should depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('RelationStore', () => {
  it('an upgraded relation replaces the old one on both sides', () => {
    const s = new RelationStore();
    s.add(rel('owns', 'A', 'B', 'low', 'J9'));
    s.add(rel('selects', 'A', 'B'));
    s.add(rel('owns', 'A', 'B', 'high', 'J23'));
    s.add(rel('owns', 'A', 'B', 'medium', 'J1'));
    expect(sorted(s.from('A'))).toEqual(['owns A B high J23', 'selects A B high r']);
    expect(sorted(s.to('B'))).toEqual(['owns A B high J23', 'selects A B high r']);
  });

  it('hubs (an id with many outgoing relations) answer both ways, upgrades and detaches included', () => {
    const s = new RelationStore();
    for (let i = 0; i < 40; i++) s.add(rel('selects', 'Svc', `P${i}`, 'low'));
    for (let i = 0; i < 40; i += 2) s.add(rel('selects', 'Svc', `P${i}`, 'high'));
    expect(s.from('Svc')).toHaveLength(40);
    expect(sorted(s.to('P4'))).toEqual(['selects Svc P4 high r']);
    expect(sorted(s.to('P5'))).toEqual(['selects Svc P5 low r']);
    expect(s.detach('P4').map(key)).toEqual(['selects Svc P4 high r']);
    expect(s.from('Svc')).toHaveLength(39);
    expect(s.detach('Svc')).toHaveLength(39);
    expect(s.to('P5')).toEqual([]);
  });

  it('agrees with the one-list reference on random adds and detaches (self-relations and hubs included)', () => {
    const types: RelationType[] = ['owns', 'selects', 'contains'];
    const confidences: Relation['confidence'][] = ['low', 'medium', 'high'];
    for (let seed = 1; seed <= 40; seed++) {
      const next = lcg(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
      const ids = Array.from({ length: 3 + Math.floor(next() * 8) }, (_, i) => `E${i}`);
      const store = new RelationStore();
      const ref = new Reference();
      for (let step = 0; step < 300; step++) {
        if (next() < 0.05) {
          const id = pick(ids);
          expect(sorted(store.detach(id))).toEqual(sorted(ref.detach(id)));
        } else {
          // Skewed towards E0 so that it becomes a hub past 16 relations.
          const r = rel(pick(types), next() < 0.4 ? 'E0' : pick(ids), pick(ids), pick(confidences), pick(['J1', 'J2']));
          store.add(r);
          ref.add(r);
        }
      }
      for (const id of ids) {
        expect(sorted(store.from(id)), `seed ${seed} from ${id}`).toEqual(sorted(ref.list.filter((r) => r.from === id)));
        expect(sorted(store.to(id)), `seed ${seed} to ${id}`).toEqual(sorted(ref.list.filter((r) => r.to === id)));
      }
    }
  });
});
