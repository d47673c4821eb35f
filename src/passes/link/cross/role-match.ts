/**
 * Finding the IamRole entity an IAM role name (the last segment of a role ARN) designates, shared by
 * the identity joins (J21, J38–J41):
 *   - `byName`: a role whose name is known literally (`iamRoleId(name)`: CloudFormation `RoleName`
 *     after `!Sub`, eksctl `roleName` / an ARN written in an eksctl file) — high;
 *   - `byAutoName`: CloudFormation's auto-name shape `<stack>-<LogicalId>-<SUFFIX>` (DOMAIN.md B.0)
 *     against roles with that `logicalId` and a `stackName` the prefix starts — medium when the stack
 *     name is whole, low when truncated or unknown; only a unique candidate counts;
 *   - `bySubject`: a role whose trust policy `:sub` condition names an IRSA subject (exact or glob) — medium.
 * `absorb` gives the matched role the observed ARN; `externalRole` stands for an ARN no input defines.
 */
import { isUnresolved, makeEntity, type Entity, type PropValue, type SourceRef } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { iamRoleId } from '../../../model/ids.js';
import type { Confidence } from '../../../model/kinds.js';
import { propString, propStrings } from '../../../model/read.js';
import { compileGlob, type Glob } from '../../../core/glob.js';
import { roleFromArn } from './aws-names.js';
import { pushTo } from './lookup.js';

export interface RoleMatch {
  readonly role: Entity;
  readonly confidence: Confidence;
}

/** CloudFormation's generated physical name: `<stack>-<LogicalId>-<random suffix>`. */
export function parseAutoName(name: string): { prefix: string; logicalId: string } | undefined {
  const m = /^(.+)-([A-Za-z][A-Za-z0-9]*)-([A-Z0-9]{6,})$/.exec(name);
  return m ? { prefix: m[1] ?? '', logicalId: m[2] ?? '' } : undefined;
}

/** The role with the literal name `name`, unless it is only an external stand-in. */
export function roleByName(graph: ModelGraph, name: string): RoleMatch | undefined {
  const role = graph.get(iamRoleId(name));
  return role && role.props['external'] !== true ? { role, confidence: 'high' } : undefined;
}

/** Roles indexed by CloudFormation logical id (auto-names) and by IRSA trust subject. */
export class RoleIndex {
  private readonly byLogicalId = new Map<string, Entity[]>();
  private readonly bySub = new Map<string, Entity[]>();
  private readonly globs: { glob: Glob; role: Entity }[] = [];

  constructor(private readonly graph: ModelGraph) {
    for (const role of graph.ofKind('IamRole')) {
      const logicalId = propString(role, 'logicalId');
      if (logicalId) pushTo(this.byLogicalId, logicalId, role);
      for (const sub of propStrings(role, 'oidcSubjects')) {
        if (/[*?]/.test(sub)) this.globs.push({ glob: compileGlob(sub), role });
        else pushTo(this.bySub, sub, role);
      }
    }
  }

  /**
   * What a role name alone can tell: `byName`, else `byAutoName`. A by-name hit that is only a
   * stand-in made for an ARN (no logical id, no stack) gives way to a unique auto-name match, which
   * `absorb` then merges it into.
   */
  byRoleName(name: string): RoleMatch | undefined {
    const named = roleByName(this.graph, name);
    if (named && !isStandIn(named.role)) return named;
    return this.byAutoName(name) ?? named;
  }

  /** A role an input references by entity id (a front end's Ref/GetAtt or literal ARN), with its ARN name if known. */
  byReference(id: string, name: string | undefined): RoleMatch | undefined {
    const role = this.graph.get(id);
    if (!role) return name === undefined ? undefined : this.byRoleName(name);
    if (name === undefined || !isStandIn(role)) return { role, confidence: 'high' };
    return this.byAutoName(name) ?? { role, confidence: 'high' };
  }

  byAutoName(name: string): RoleMatch | undefined {
    const auto = parseAutoName(name);
    if (!auto) return undefined;
    const hits: RoleMatch[] = [];
    for (const candidate of this.byLogicalId.get(auto.logicalId) ?? []) {
      const role = this.graph.get(candidate.id);
      if (!role || hits.some((h) => h.role.id === role.id)) continue;
      const stack = propString(role, 'stackName');
      if (stack === auto.prefix) hits.push({ role, confidence: 'medium' });
      else if (stack === undefined || stack.startsWith(auto.prefix)) hits.push({ role, confidence: 'low' });
    }
    return hits.length === 1 ? hits[0] : undefined;
  }

  /**
   * The one role whose trust accepts `subject`. `name`: the role name the reference itself gives (an
   * annotation's ARN): a role whose own name is known and is another one cannot be that role, even
   * if it trusts the subject, so it is not a candidate.
   */
  bySubject(subject: string, name?: string): RoleMatch | undefined {
    const roles = new Set([...(this.bySub.get(subject) ?? []), ...this.globs.filter((g) => g.glob.test(subject)).map((g) => g.role)]);
    const [role] = [...roles].filter((r) => name === undefined || mayBeNamed(r, name));
    return roles.size === 1 && role ? { role, confidence: 'medium' } : undefined;
  }
}

/** Whether `role` may be the role named `name`: its own name (or its ARN's) is unknown or is `name`. */
function mayBeNamed(role: Entity, name: string): boolean {
  const own = propString(role, 'roleName');
  if (own !== undefined) return own === name;
  const arn = propString(role, 'arn');
  return arn === undefined || roleFromArn(arn)?.name === name;
}

/** A role known only by a name or ARN some input wrote, not defined by a template or eksctl stack. */
function isStandIn(role: Entity): boolean {
  return propString(role, 'logicalId') === undefined && propString(role, 'stackName') === undefined;
}

/**
 * The matched role takes the observed ARN (when the ARN is exact: not an aws-auth one, which drops
 * the path) and name; an entity made earlier for that name merges into it.
 */
export function absorb(graph: ModelGraph, role: Entity, arn: string | undefined, name: string): Entity {
  const known = role.props['arn'];
  if (arn !== undefined && (known === undefined || isUnresolved(known))) role.props['arn'] = arn;
  const roleName = role.props['roleName'];
  if (roleName === undefined || isUnresolved(roleName)) role.props['roleName'] = name;
  const byNameId = iamRoleId(name);
  if (byNameId !== role.id && graph.has(byNameId)) {
    graph.merge(role.id, byNameId);
    delete role.props['external'];
  }
  return graph.get(role.id) ?? role;
}

/** The stand-in for a role no input defines: `iamRoleId(name)` with `external: true`, sourced where it was named. */
export function externalRole(graph: ModelGraph, name: string, arn: string | undefined, source: SourceRef): Entity {
  const props: Record<string, PropValue> = arn === undefined ? { roleName: name, external: true } : { roleName: name, arn, external: true };
  return graph.addEntity(makeEntity({ id: iamRoleId(name), kind: 'IamRole', name, props, source }));
}
