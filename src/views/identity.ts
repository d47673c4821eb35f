/**
 * Identity view: ServiceAccount → IAM role (IRSA / Pod Identity), node groups and Fargate profiles →
 * their node / pod-execution role, the cluster access bindings (aws-auth, access entries) → the roles
 * they admit, and each role → its managed policies. A service account whose role-arn annotation
 * matches no role in the inputs points at an "external" placeholder role.
 */
import { cmp } from '../core/order.js';
import type { Entity } from '../model/entity.js';
import { isUnresolved } from '../model/entity.js';
import { displayValue, propString } from '../model/read.js';
import { DiagramBuilder, addMoreNode, topN } from './builder.js';
import { Facts, listText, plural } from './format.js';
import type { ModelIndex } from './model-index.js';
import type { Diagram } from './types.js';

const MAX_PRINCIPALS = 60;
const MAX_ROLES = 60;
const MAX_POLICIES = 60;
const K8S = 'group:kubernetes';
const COMPUTE = 'group:compute';
const ACCESS = 'group:access';
const ROLES = 'group:roles';
const POLICIES = 'group:policies';

export function buildIdentityViews(ix: ModelIndex): Diagram[] {
  const roles = ix.ofKind('IamRole');
  const sas = ix.ofKind('ServiceAccount').filter((sa) => ix.out(sa.id, 'assumes').length > 0 || propString(sa, 'roleArn') !== undefined);
  const compute = [...ix.ofKind('NodeGroup'), ...ix.ofKind('FargateProfile')].filter((g) => ix.out(g.id, 'assumes', ['IamRole']).length > 0);
  const access = [...ix.ofKind('ConfigMap'), ...ix.ofKind('Cluster'), ...ix.ofKind('AwsResource')].filter((h) => ix.out(h.id, 'bound-to', ['IamRole']).length > 0);
  if (roles.length === 0 && sas.length === 0) return [];

  const b = new DiagramBuilder();
  b.group(K8S, 'Kubernetes service accounts');
  b.group(COMPUTE, 'Compute');
  b.group(ACCESS, 'Cluster access');
  b.group(ROLES, 'IAM roles');
  b.group(POLICIES, 'Managed policies');

  const saPick = topN(sas, MAX_PRINCIPALS, (sa) => ix.out(sa.id, 'assumes').length);
  for (const sa of saPick.kept) {
    const f = new Facts(sa).text('service account').prop('managedBy', 'managed by ');
    b.node({ key: sa.id, entity: sa.id, title: `${sa.namespace ?? ''}/${sa.name}`, lines: f.lines, shape: 'round', classes: f.classes(), group: K8S });
  }
  addMoreNode(b, 'more:sas', saPick.omitted.map((e) => e.id), 'service accounts', [], K8S);
  const cPick = topN(compute, MAX_PRINCIPALS, () => 0);
  for (const g of cPick.kept) {
    const f = new Facts(g).text(g.kind === 'FargateProfile' ? 'Fargate profile' : 'node group');
    b.node({ key: g.id, entity: g.id, title: g.name, lines: f.lines, shape: 'box', classes: f.classes(), group: COMPUTE });
  }
  addMoreNode(b, 'more:compute', cPick.omitted.map((e) => e.id), 'node groups', [], COMPUTE);
  const aPick = topN(access, MAX_PRINCIPALS, (h) => ix.out(h.id, 'bound-to').length);
  for (const h of aPick.kept) addAccessHolder(b, h, ix.out(h.id, 'bound-to', ['IamRole']).length);
  addMoreNode(b, 'more:access', aPick.omitted.map((e) => e.id), 'access bindings', [], ACCESS);

  const rolePick = topN(roles, MAX_ROLES, (r) => ix.in(r.id, 'assumes').length + ix.in(r.id, 'bound-to').length);
  for (const role of rolePick.kept) addRole(b, role);
  addMoreNode(b, 'more:roles', rolePick.omitted.map((e) => e.id), 'IAM roles', [], ROLES);

  // Policies are shared between roles: one node per ARN.
  const policyRoles = new Map<string, { arn: string; unresolved: boolean; roles: string[] }>();
  for (const role of roles) {
    const arns = Array.isArray(role.props['managedPolicyArns']) ? (role.props['managedPolicyArns'] as readonly unknown[]) : [];
    for (const arn of arns) {
      const text = typeof arn === 'string' ? arn : isUnresolved(arn) ? displayValue(arn) : undefined;
      if (text === undefined) continue;
      const key = `policy:${text}`;
      const entry = policyRoles.get(key) ?? { arn: text, unresolved: typeof arn !== 'string', roles: [] };
      entry.roles.push(role.id);
      policyRoles.set(key, entry);
    }
  }
  const policies = [...policyRoles.entries()].sort((a, x) => cmp(a[0], x[0]));
  const polPick = topN(policies, MAX_POLICIES, ([, p]) => p.roles.length);
  for (const [key, p] of polPick.kept) {
    const lines = [p.unresolved ? 'policy ARN unresolved' : p.arn.includes(':aws:policy/') ? 'AWS managed' : 'customer managed'];
    b.node({ key, title: policyName(p.arn), lines, shape: 'subroutine', classes: p.unresolved ? ['unresolved'] : [], group: POLICIES });
  }
  addMoreNode(b, 'more:policies', polPick.omitted.map(([k]) => k), 'policies', [], POLICIES);

  for (const principal of [...sas, ...compute]) {
    const rels = ix.out(principal.id, 'assumes', ['IamRole']);
    for (const r of rels) b.relationEdge(principal.id, r.to, r);
    const arn = propString(principal, 'roleArn');
    if (rels.length === 0 && arn !== undefined) {
      const key = `role-arn:${arn}`;
      b.node({ key, title: policyName(arn), lines: ['role not defined in the inputs', arn], shape: 'box', classes: ['external', 'unresolved'], group: ROLES });
      b.edge(principal.id, key, 'low', 'role-arn annotation');
    }
  }
  for (const h of access) for (const r of ix.out(h.id, 'bound-to', ['IamRole'])) b.relationEdge(h.id, r.to, r, 'admits');
  for (const [key, p] of policies) for (const role of p.roles) b.edge(role, key, 'high');

  const loose = ix.ofKind('ServiceAccount').length - sas.length;
  if (loose > 0) b.note(`Not drawn: ${plural(loose, 'service account')} with no IAM role.`);
  return [b.build('identity', 'identity', 'Identity: service accounts, node groups and IAM roles', 'LR')];
}

/** The entity holding cluster access bindings: the aws-auth ConfigMap, a Cluster's access entries, an AccessEntry resource. */
function addAccessHolder(b: DiagramBuilder, holder: Entity, roles: number): void {
  const what = holder.kind === 'ConfigMap' ? 'aws-auth ConfigMap' : holder.kind === 'Cluster' ? 'access entries / identity mappings' : 'access entry';
  const f = new Facts(holder).text(what).text(plural(roles, 'role'));
  const title = holder.kind === 'ConfigMap' ? `${holder.namespace ?? ''}/${holder.name}` : holder.kind === 'Cluster' ? `cluster ${holder.name}` : holder.name;
  b.node({ key: holder.id, entity: holder.id, title, lines: f.lines, shape: 'box', classes: f.classes(), group: ACCESS });
}

function addRole(b: DiagramBuilder, role: Entity): void {
  const f = new Facts(role).text(role.props['external'] === true ? 'IAM role (external)' : 'IAM role');
  const trust = Array.isArray(role.props['trustPrincipals']) ? (role.props['trustPrincipals'] as readonly unknown[]).filter((x): x is string => typeof x === 'string') : [];
  if (trust.length > 0) f.text(`trust: ${listText(trust.map((t) => t.replace(/^Service:/, '').replace(/^Federated:.*oidc-provider\/.*/, 'OIDC provider')), 2)}`);
  const roleName = role.props['roleName'];
  if (roleName !== undefined && displayValue(roleName) !== role.name) f.prop('roleName', 'name ');
  f.prop('wellKnownPolicies', 'well-known: ').prop('inlinePolicies', 'inline: ');
  b.node({ key: role.id, entity: role.id, title: role.name, lines: f.lines, shape: 'box', classes: f.classes(), group: ROLES });
}

/** The last path segment of an ARN (`arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy` → the name). */
function policyName(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash >= 0 && slash < arn.length - 1 ? arn.slice(slash + 1) : arn;
}
