/**
 * What a per-type lowering function works with: the resource, its evaluated properties, the props
 * being built, and the way from a referenced value to an entity id (also across templates).
 */
import type { PropValue } from '../../model/entity.js';
import type { Confidence, RelationType } from '../../model/kinds.js';
import type { Identity } from './identify.js';
import type { Stack } from './stack.js';
import type { ResourceDecl } from './template.js';
import { boolOf, numberOf, textOf, toPropValue, toStr, type CfnValue } from './values.js';

/** The run-wide services a lowering needs (implemented by `World`). */
export interface LowerWorld {
  /** Entity id of the resource a value refers to (`Ref`/`GetAtt`, any template), if it became an entity. */
  entityIdOf(value: CfnValue | undefined): string | undefined;
  identityOf(stack: Stack, logicalId: string): Identity | undefined;
  /** A top-level property of the resource a value refers to (any template). */
  resourceProp(value: CfnValue | undefined, name: string): CfnValue | undefined;
  /** The IAM role entity a role ARN/name/reference designates (created for a literal ARN). */
  roleTarget(value: CfnValue | undefined, at: ResourceLowering): string | undefined;
  relate(type: RelationType, from: string, to: string, rule: string, confidence?: Confidence): void;
  /** The input file holding the template of a nested-stack resource, when it is one of the inputs. */
  nestedTemplate(stack: Stack, logicalId: string): string | undefined;
  /** Facts gathered for subnet classification (J7). */
  readonly network: NetworkFacts;
}

export interface NetworkFacts {
  /** Subnet entity id → route table entity ids (SubnetRouteTableAssociation). */
  readonly associations: Map<string, Set<string>>;
  /** Route table entity id → default-route targets. */
  readonly defaultRoutes: Map<string, Set<RouteVia>>;
}

/** Where a default route leads: internet gateway, NAT, transit/egress-only gateway, other, or not known. */
export type RouteVia = 'igw' | 'nat' | 'tgw' | 'other' | 'unknown';

export class ResourceLowering {
  readonly props: Record<string, PropValue> = {};
  readonly defaulted: string[] = [];

  constructor(
    readonly world: LowerWorld,
    readonly stack: Stack,
    readonly decl: ResourceDecl,
    readonly identity: Identity,
  ) {}

  get id(): string {
    return this.identity.id;
  }

  get(name: string): CfnValue | undefined {
    return this.stack.prop(this.decl.logicalId, name);
  }

  text(name: string): string | undefined {
    return textOf(this.get(name));
  }

  number(name: string): number | undefined {
    return numberOf(this.get(name));
  }

  bool(name: string): boolean | undefined {
    return boolOf(this.get(name));
  }

  /** Sets a prop from an evaluated value (placeholders kept); absent values are skipped. */
  set(key: string, value: CfnValue | undefined): void {
    this.setProp(key, toPropValue(value));
  }

  setProp(key: string, value: PropValue | undefined): void {
    if (value !== undefined) this.props[key] = value;
  }

  /** A numeric prop (CloudFormation writes `"MaxSize": "2"`): the number, or the placeholder. */
  setNumber(key: string, value: CfnValue | undefined): void {
    const n = numberOf(value);
    this.setProp(key, n ?? (value && textOf(value) === undefined ? toPropValue(value) : undefined));
  }

  /** A string prop: text, or the placeholder. */
  setStr(key: string, value: CfnValue | undefined): void {
    const s = toStr(value);
    if (s !== undefined) this.props[key] = s;
  }

  /** Sets a documented default for a property the template leaves out. */
  setDefault(key: string, value: PropValue): void {
    this.props[key] = value;
    this.defaulted.push(key);
  }

  target(value: CfnValue | undefined): string | undefined {
    return this.world.entityIdOf(value);
  }

  /** Adds an edge when both ends are known entities (and distinct). */
  relate(type: RelationType, from: string | undefined, to: string | undefined, rule: string): void {
    if (from !== undefined && to !== undefined && to !== from) this.world.relate(type, from, to, rule);
  }
}
