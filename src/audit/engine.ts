/** Runs the audit rules over the linked graph; findings point at entities and their first source. */
import { cmp } from '../core/order.js';
import type { Finding } from '../model/architecture.js';
import type { Entity } from '../model/entity.js';
import type { ModelGraph } from '../model/graph.js';
import type { EntityKind } from '../model/kinds.js';
import { RelationIndex } from './relation-index.js';
import type { AuditRule } from './rule.js';
import { RULES } from './rules/index.js';

export function runAudit(graph: ModelGraph, rules: readonly AuditRule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  let index: RelationIndex | undefined;
  const unownedByKind = new Map<EntityKind, Entity[]>();
  /** The entities of `kind` that nothing in the inputs owns (once per kind and run). */
  const unowned = (kind: EntityKind): readonly Entity[] => {
    let list = unownedByKind.get(kind);
    if (!list) {
      const relations = (index ??= new RelationIndex(graph));
      unownedByKind.set(kind, (list = graph.ofKind(kind).filter((e) => !relations.isOwned(e.id))));
    }
    return list;
  };
  for (const rule of rules) {
    const ctx = {
      graph,
      get relations(): RelationIndex {
        return (index ??= new RelationIndex(graph));
      },
      unowned,
      report(entity: { id: string; sources: readonly { file: string; line: number }[] }, message: string): void {
        const source = entity.sources[0];
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          message,
          entity: entity.id,
          ...(source ? { file: source.file, line: source.line } : {}),
        });
      },
    };
    for (const kind of rule.appliesTo) for (const entity of rule.skipOwned ? unowned(kind) : graph.ofKind(kind)) rule.run(entity, ctx);
  }
  return findings.sort((a, b) => cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.rule, b.rule) || cmp(a.entity, b.entity));
}
