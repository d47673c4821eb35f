/**
 * All templates of one run: their stacks, the export index between them, and the entities and
 * relations being built. Resolves a referenced value to an entity id across templates.
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import type { LoadedDocument } from '../../load/document.js';
import { makeEntity, type Entity, type PropValue, type Relation } from '../../model/entity.js';
import { iamRoleId } from '../../model/ids.js';
import type { Confidence, RelationType } from '../../model/kinds.js';
import { ExportIndex } from './exports.js';
import { identify, type Identity } from './identify.js';
import type { LowerWorld, NetworkFacts, ResourceLowering } from './lower-context.js';
import { ReferenceScanner } from './references.js';
import { NestedStacks } from './nesting.js';
import { Stack, type StackWorld } from './stack.js';
import { readTemplate } from './template.js';
import { textOf, type CfnValue } from './values.js';

export class World implements LowerWorld {
  readonly stacks: Stack[] = [];
  readonly entities: Entity[] = [];
  readonly relations: Relation[] = [];
  readonly network: NetworkFacts = { associations: new Map(), defaultRoutes: new Map() };
  readonly exports: ExportIndex;
  readonly nesting = new NestedStacks();
  readonly scanner: ReferenceScanner;
  private readonly byKey = new Map<string, Stack>();
  private readonly identities = new Map<string, Identity | null>();
  private readonly relationKeys = new Set<string>();
  private readonly externalRoles = new Set<string>();

  constructor(
    documents: readonly LoadedDocument[],
    readonly sink: DiagnosticSink,
    readonly params: Readonly<Record<string, string>>,
  ) {
    const stackWorld: StackWorld = {
      params,
      sink,
      importValue: (name) => this.exports.importValue(name),
      nestedParameter: (child, name, type) => this.nesting.parameter(child, name, type),
      nestedOutput: (parent, logicalId, output) => this.nesting.output(parent, logicalId, output),
      isNested: (stack) => this.nesting.isChild(stack),
    };
    for (const doc of documents) {
      const stack = new Stack(readTemplate(doc, sink), stackWorld);
      this.stacks.push(stack);
      this.byKey.set(stack.key, stack);
    }
    this.nesting.index(this.stacks);
    this.exports = new ExportIndex(this.stacks);
    this.scanner = new ReferenceScanner(this.exports);
  }

  /** The entity a resource becomes, or `undefined` when it does not exist or its condition is false. */
  identityOf(stack: Stack, logicalId: string): Identity | undefined {
    const key = `${stack.key}\u0000${logicalId}`;
    const memo = this.identities.get(key);
    if (memo !== undefined) return memo ?? undefined;
    const decl = stack.resources.get(logicalId);
    const identity = decl && stack.resourceCondition(decl) !== 'false' ? identify(stack, decl) : undefined;
    this.identities.set(key, identity ?? null);
    return identity;
  }

  entityIdOf(value: CfnValue | undefined): string | undefined {
    if (value?.kind !== 'resource') return undefined;
    const stack = this.byKey.get(value.stack);
    return stack ? this.identityOf(stack, value.logicalId)?.id : undefined;
  }

  /** A top-level property of the resource a value refers to (any template). */
  resourceProp(value: CfnValue | undefined, name: string): CfnValue | undefined {
    if (value?.kind !== 'resource') return undefined;
    return this.byKey.get(value.stack)?.prop(value.logicalId, name);
  }

  /**
   * The IAM role a value designates: a role resource of any template, or a role named by a literal
   * ARN or name, which then gets an `IamRole` entity of its own (so the edge has an end).
   */
  roleTarget(value: CfnValue | undefined, at: ResourceLowering): string | undefined {
    const direct = this.entityIdOf(value);
    if (direct !== undefined) return direct.startsWith('IamRole:') ? direct : undefined;
    const text = textOf(value);
    if (text === undefined) return undefined;
    const m = /^arn:[^:]+:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(text);
    const roleName = m ? m[1] : text.startsWith('arn:') ? undefined : text;
    if (!roleName) return undefined;
    const id = iamRoleId(roleName);
    if (!this.externalRoles.has(id)) {
      this.externalRoles.add(id);
      const props: Record<string, PropValue> = m ? { roleName, arn: text } : { roleName };
      const line = at.stack.lineOf(at.decl.path);
      this.entities.push(makeEntity({ id, kind: 'IamRole', name: roleName, props, source: { file: at.stack.file, line, format: 'cloudformation' } }));
    }
    return id;
  }

  nestedTemplate(stack: Stack, logicalId: string): string | undefined {
    return this.nesting.childOf(stack, logicalId)?.file;
  }

  relate(type: RelationType, from: string, to: string, rule: string, confidence: Confidence = 'high'): void {
    const key = `${type}\u0000${from}\u0000${to}\u0000${rule}`;
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push({ type, from, to, rule, confidence });
  }
}
