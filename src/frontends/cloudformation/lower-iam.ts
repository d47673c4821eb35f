/**
 * `AWS::IAM::Role` (DOMAIN.md A.16): name, path, the ARN (derived as
 * `arn:<partition>:iam::<account>:role<path><name>` when the name is known, with placeholders for
 * the parts that are not), trust principals, IRSA subjects from `StringEquals`/`StringLike`
 * `…:sub` conditions, managed policy ARNs and inline policy names. Policy statements are read the
 * same whether written as YAML/JSON structure or as a JSON string (`!Sub |` documents).
 */
import type { PropValue } from '../../model/entity.js';
import { asDocument } from './json-value.js';
import type { ResourceLowering } from './lower-context.js';
import { labelMap } from './settings.js';
import { entriesOf, field, itemsOf, render, textOf, toPropValue, type CfnValue } from './values.js';

const SUBJECT_OPERATORS = /^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IgnoreCase)?$/;

function display(v: CfnValue): string {
  return textOf(v) ?? render(v);
}

interface Trust {
  principals: Set<string>;
  subjects: Set<string>;
  /** `:aud` condition values. */
  audiences: Set<string>;
  /** A statement trusts a possible EKS OIDC provider (a `Federated` principal). */
  webIdentity: boolean;
  /** ... and one such statement has no `:sub` condition. */
  unscoped: boolean;
}

/** Identity providers that are not an EKS cluster's OIDC provider (web identity for apps). */
const NON_OIDC_PROVIDERS = new Set(['cognito-identity.amazonaws.com', 'accounts.google.com', 'graph.facebook.com', 'www.amazon.com']);

/**
 * Whether a `Federated` principal may be an EKS cluster's OIDC provider: not a web identity provider
 * for apps, and not an `oidc-provider/<issuer>` ARN whose issuer is known and not `oidc.eks.…` (GitHub
 * Actions' `token.actions.githubusercontent.com`). A reference (`!GetAtt Provider.Arn`) may be.
 */
function mayBeEksProvider(principal: string): boolean {
  if (NON_OIDC_PROVIDERS.has(principal)) return false;
  const issuer = /:oidc-provider\/([^/]+)/.exec(principal)?.[1];
  return issuer === undefined || issuer.startsWith('oidc.eks.') || !/^[a-z0-9.-]+$/i.test(issuer);
}

function readStatement(statement: CfnValue, trust: Trust): void {
  const principal = field(statement, 'Principal');
  if (principal && textOf(principal) === '*') trust.principals.add('*');
  let oidc = false;
  for (const [kind, value] of entriesOf(principal)) {
    for (const p of itemsOf(value)) {
      const text = display(p);
      trust.principals.add(`${kind}:${text}`);
      if (kind === 'Federated' && mayBeEksProvider(text)) oidc = true;
    }
  }
  let scoped = false;
  for (const [operator, block] of entriesOf(field(statement, 'Condition'))) {
    if (!SUBJECT_OPERATORS.test(operator)) continue;
    for (const [key, value] of entriesOf(block)) {
      if (key.endsWith(':aud')) for (const s of itemsOf(value)) trust.audiences.add(display(s));
      if (!key.endsWith(':sub')) continue;
      scoped = true;
      for (const s of itemsOf(value)) trust.subjects.add(display(s));
    }
  }
  if (oidc) {
    trust.webIdentity = true;
    if (!scoped) trust.unscoped = true;
  }
}

interface TrustPolicy {
  principals: string[];
  subjects: string[];
  audiences: string[];
  webIdentity: boolean;
  unscoped: boolean;
}

/** Trust principals and OIDC subjects of an assume-role policy document (structured or JSON text). */
export function readTrustPolicy(document: CfnValue | undefined): TrustPolicy {
  const trust: Trust = { principals: new Set(), subjects: new Set(), audiences: new Set(), webIdentity: false, unscoped: false };
  const doc = asDocument(document);
  for (const statement of itemsOf(field(doc, 'Statement'))) {
    const effect = textOf(field(statement, 'Effect'));
    if (effect !== undefined && effect !== 'Allow') continue;
    readStatement(statement, trust);
  }
  return { principals: [...trust.principals].sort(), subjects: [...trust.subjects].sort(), audiences: [...trust.audiences].sort(), webIdentity: trust.webIdentity, unscoped: trust.unscoped };
}

export function lowerIamRole(r: ResourceLowering): void {
  const name = r.get('RoleName');
  r.setStr('roleName', name);
  r.setStr('path', r.get('Path'));
  const arn = r.stack.resource(r.decl.logicalId, 'Arn');
  r.setProp('arn', toPropValue(arn?.kind === 'resource' && arn.derived ? arn.derived : arn));
  const trust = readTrustPolicy(r.get('AssumeRolePolicyDocument'));
  r.setProp('trustPrincipals', trust.principals);
  if (trust.subjects.length) r.setProp('oidcSubjects', trust.subjects);
  if (trust.webIdentity) r.setProp('oidcAudiences', trust.audiences);
  if (trust.unscoped) r.setProp('oidcUnscoped', true);
  const managed = r.get('ManagedPolicyArns');
  if (managed) r.setProp('managedPolicyArns', itemsOf(managed).flatMap((p) => toPropValue(p) ?? []));
  const inline = itemsOf(r.get('Policies')).map((p): PropValue => display(field(p, 'PolicyName') ?? { kind: 'placeholder', expr: 'PolicyName' }));
  if (inline.length) r.setProp('inlinePolicies', inline);
  r.setStr('permissionsBoundary', r.get('PermissionsBoundary'));
  r.setProp('tags', labelMap(r.get('Tags'), false));
  // Known or inferred: what ties an auto-named role's ARN (`<stack>-<LogicalId>-<suffix>`) back here.
  const stackName = r.stack.stackName();
  if (stackName !== undefined) r.setProp('stackName', stackName);
}
