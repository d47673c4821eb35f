import type { Confidence, EntityKind, InputFormat, RelationType } from './kinds.js';

/** A JSON value as it appears in entity properties. */
export type PropValue = string | number | boolean | null | Unresolved | readonly PropValue[] | { readonly [key: string]: PropValue };

/**
 * A value that static analysis could not determine (an unresolved `!Ref`, `!GetAZs`, an import with no
 * matching export). It is kept, never dropped or guessed: `{"unresolved": "Ref(PublicSubnet1)"}`.
 */
export interface Unresolved {
  readonly unresolved: string;
}

export function unresolved(expression: string): Unresolved {
  return { unresolved: expression };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && 'unresolved' in value && Object.keys(value).length === 1;
}

/** Where an entity was seen. `file` is relative to the working directory; `line` is 1-based. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly format: InputFormat;
}

/**
 * One real thing (a subnet, a pod, an IAM role). Several files describing the same thing produce one
 * entity with several `sources`.
 */
export interface Entity {
  /** Stable id derived from content (see ids.ts), e.g. `Pod:shop/web-7d9c8b6f5-xk2p`. */
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** Kubernetes namespace for namespaced objects. */
  readonly namespace?: string;
  /** Kind-specific properties (see docs/model.md). Secret values never appear here. */
  props: Record<string, PropValue>;
  /**
   * Names of properties whose value was not written in any input but supplied by a documented default
   * (eksctl's defaults, CloudFormation API defaults). Lets views show "declared" vs "defaulted".
   */
  defaulted: string[];
  sources: SourceRef[];
}

export interface Relation {
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly confidence: Confidence;
  /** The rule that made the relation: a join rule id from DOMAIN.md (`J10`) or a front-end rule (`cfn-ref`). */
  readonly rule: string;
}

/** What a front end produces: entities and relations of one input format, plus its diagnostics. */
export interface Fragment {
  readonly entities: Entity[];
  readonly relations: Relation[];
}

/** Builds an entity with empty defaults; the only way front ends create entities. */
export function makeEntity(input: {
  id: string;
  kind: EntityKind;
  name: string;
  namespace?: string | undefined;
  props?: Record<string, PropValue>;
  defaulted?: string[];
  source: SourceRef;
}): Entity {
  const { id, kind, name, namespace } = input;
  const props = input.props ?? {};
  const defaulted = input.defaulted ?? [];
  const sources = [input.source];
  // `namespace` last: the key order of the JSON output.
  return namespace === undefined ? { id, kind, name, props, defaulted, sources } : { id, kind, name, props, defaulted, sources, namespace };
}
