/**
 * What every eksctl lowering step shares: the document, the cluster, and the fragment being built.
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import type { LoadedDocument, PathSegment } from '../../load/document.js';
import { makeEntity, type Entity, type PropValue, type Relation, type SourceRef } from '../../model/entity.js';
import { iamRoleId } from '../../model/ids.js';
import type { EntityKind, RelationType } from '../../model/kinds.js';
import { toProps } from '../../model/props.js';
import { notRoleArnReason, roleNameFromArn } from './arn.js';
import type { ConfigNode } from './reader.js';
import { displayPath } from './validate.js';

/** Marker in `defaulted` for an entity that exists only because of an eksctl default. */
export const DEFAULT_ENTITY = '@entity';

export interface EntityInput<P extends object> {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly namespace?: string;
  readonly props: P;
  readonly defaulted?: readonly string[];
  /** Where it is declared (the line of this path), or the nearest ancestor. */
  readonly at: readonly PathSegment[];
}

export class LowerContext {
  readonly entities: Entity[] = [];
  readonly relations: Relation[] = [];
  /** `ns/name` of the service accounts this ClusterConfig's pod identity associations name. */
  readonly podIdentityAccounts = new Set<string>();

  constructor(
    readonly doc: LoadedDocument,
    readonly sink: DiagnosticSink,
    /** `metadata.name`. */
    readonly cluster: string,
    /** The cluster's root config object. */
    readonly root: ConfigNode,
  ) {}

  source(path: readonly PathSegment[]): SourceRef {
    return { file: this.doc.file, line: this.doc.lineOf(path), format: 'eksctl' };
  }

  add<P extends object>(input: EntityInput<P>): Entity {
    const entity = makeEntity({
      id: input.id,
      kind: input.kind,
      name: input.name,
      namespace: input.namespace,
      props: toProps(input.props),
      defaulted: [...new Set(input.defaulted ?? [])].sort(),
      source: this.source(input.at),
    });
    this.entities.push(entity);
    return entity;
  }

  relate(type: RelationType, from: string, to: string, rule: string): void {
    this.relations.push({ type, from, to, confidence: 'high', rule });
  }

  /**
   * An IAM role known by ARN (`instanceRoleARN`, `serviceAccountRoleARN`, a principal): one entity per
   * role name, so every mention merges. Returns the entity id, or `undefined` for a non-role ARN.
   */
  roleFromArn(arn: string, at: readonly PathSegment[], extra: Record<string, PropValue> = {}): string | undefined {
    const roleName = roleNameFromArn(arn);
    if (!roleName) {
      this.sink.warning('eksctl/bad-role-arn', this.doc.file, this.doc.lineOf(at), `${displayPath(at)}: not an IAM role ARN (${notRoleArnReason(arn)}); no role is shown`);
      return undefined;
    }
    const id = iamRoleId(roleName);
    this.add({ id, kind: 'IamRole', name: roleName, props: { roleName, arn, ...extra }, at });
    return id;
  }

  /** A role known by name only (`instanceRoleName`, `roleName`). */
  roleFromName(roleName: string, at: readonly PathSegment[], extra: Record<string, PropValue> = {}): string {
    const id = iamRoleId(roleName);
    this.add({ id, kind: 'IamRole', name: roleName, props: { roleName, ...extra }, at });
    return id;
  }
}
