/** Runs the audit rules over the linked graph; findings point at entities and their first source. */
import { cmp } from '../core/order.js';
import type { Finding } from '../model/architecture.js';
import type { ModelGraph } from '../model/graph.js';
import { RelationIndex } from './relation-index.js';
import type { AuditRule } from './rule.js';
import { RULES } from './rules/index.js';

export function runAudit(graph: ModelGraph, rules: readonly AuditRule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  let index: RelationIndex | undefined;
  for (const rule of rules) {
    const ctx = {
      graph,
      get relations(): RelationIndex {
        return (index ??= new RelationIndex(graph));
      },
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
    for (const kind of rule.appliesTo) for (const entity of graph.ofKind(kind)) rule.run(entity, ctx);
  }
  return findings.sort((a, b) => cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.rule, b.rule) || cmp(a.entity, b.entity));
}
