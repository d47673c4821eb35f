/**
 * An audit rule is data plus a pure check (Spectral/typescript-eslint shape). Rules never decide
 * positions: they report an entity and a message; the engine attaches file:line from the entity's
 * provenance and the rule's severity.
 */
import type { Severity } from '../core/diagnostics.js';
import type { Entity } from '../model/entity.js';
import type { EntityKind } from '../model/kinds.js';
import type { ModelGraph } from '../model/graph.js';
import type { RelationIndex } from './relation-index.js';

export interface RuleContext {
  readonly graph: ModelGraph;
  /** The graph's relations by end and type, unordered (built on first use, shared by the run's rules). */
  readonly relations: RelationIndex;
  /** The entities of `kind` that no workload of the inputs owns (J23), sorted by id; once per run. */
  unowned(kind: EntityKind): readonly Entity[];
  report(entity: Entity, message: string): void;
}

export interface AuditRule {
  /** `area/kebab-name`, stable. */
  readonly id: string;
  /** The DOMAIN.md section D check it implements, e.g. `NET-01`. */
  readonly check: string;
  readonly severity: Severity;
  readonly description: string;
  readonly appliesTo: readonly EntityKind[];
  /**
   * Entities that an entity of the inputs owns (J23: a Deployment's ReplicaSets and pods) are not
   * visited: the rule judges the owner, whose pod template holds the same facts. On a 20,000-pod
   * dump this spares the rule 20,000 visits.
   */
  readonly skipOwned?: true;
  run(entity: Entity, ctx: RuleContext): void;
}

/** Identity helper that type-checks a rule definition. */
export function defineRule(rule: AuditRule): AuditRule {
  return rule;
}
