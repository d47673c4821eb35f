/**
 * Workload identity (DOMAIN.md A.16–A.18, J38/J39): IRSA service accounts (`iam.serviceAccounts`,
 * rule `eksctl-irsa`), EKS Pod Identity associations (`iam.podIdentityAssociations` and per addon,
 * rule `eksctl-pod-identity`), and the Karpenter controller's service account.
 *
 * Role ids follow the integration contract: by role name when it is known (`roleName`, or the name
 * part of `attachRoleARN` / `roleARN` / `status.roleARN`), else an eksctl path id
 * (`irsa/<ns>/<name>`, `pod-identity/<ns>/<name>`) for the role eksctl creates.
 */
import { cmp } from '../../core/order.js';
import { setOwn } from '../../core/guards.js';
import { eksctlId, iamRoleId, k8sId } from '../../model/ids.js';
import type { IamRoleProps, ServiceAccountProps } from '../../model/props.js';
import { DEFAULT_ENTITY, type LowerContext } from './context.js';
import { EKSCTL_DEFAULTS } from './defaults.js';
import type { ConfigNode } from './reader.js';

export function lowerIdentity(ctx: LowerContext): void {
  const iam = ctx.root.obj('iam');
  const serviceAccounts = iam?.list('serviceAccounts') ?? [];
  if (serviceAccounts.length && iam?.bool('withOIDC') !== true) {
    ctx.sink.warning('eksctl/irsa-without-oidc', ctx.doc.file, ctx.doc.lineOf(['iam', 'serviceAccounts']),
      'iam.serviceAccounts needs iam.withOIDC: true (eksctl refuses to create them otherwise)');
  }
  for (const sa of serviceAccounts) lowerIrsa(ctx, sa);
  for (const pia of iam?.list('podIdentityAssociations') ?? []) lowerPodIdentity(ctx, pia, undefined);
  lowerKarpenter(ctx);
}

/** The names of the `wellKnownPolicies` switched on. */
function wellKnown(node: ConfigNode): string[] | undefined {
  const policies = node.obj('wellKnownPolicies');
  const on = policies ? Object.keys(policies.value).filter((k) => policies.bool(k) === true).sort() : [];
  return on.length ? on : undefined;
}

function lowerIrsa(ctx: LowerContext, sa: ConfigNode): void {
  const meta = sa.obj('metadata');
  const name = meta?.str('name');
  if (!name) {
    ctx.sink.warning('eksctl/missing-field', ctx.doc.file, ctx.doc.lineOf(sa.path), 'iam.serviceAccounts entry without metadata.name is skipped');
    return;
  }
  const namespace = meta?.str('namespace') ?? EKSCTL_DEFAULTS.serviceAccountNamespace;
  const subjectPattern = sa.str('subjectPattern');
  const subject = `system:serviceaccount:${namespace}:${subjectPattern ?? name}`;
  const existingArn = sa.str('attachRoleARN') ?? sa.obj('status')?.str('roleARN');
  let roleId: string | undefined;
  if (existingArn) {
    roleId = ctx.roleFromArn(existingArn, sa.at(sa.str('attachRoleARN') ? 'attachRoleARN' : 'status'), { oidcSubjects: [subject] });
  } else {
    const props: IamRoleProps = {
      roleName: sa.str('roleName'),
      stackName: `eksctl-${ctx.cluster}-addon-iamserviceaccount-${namespace}-${name}`,
      logicalId: 'Role1',
      oidcSubjects: [subject],
      managedPolicyArns: nonEmpty(sa.strings('attachPolicyARNs')),
      wellKnownPolicies: wellKnown(sa),
      inlinePolicies: sa.has('attachPolicy') ? ['Policy1'] : undefined,
    };
    const roleName = sa.str('roleName');
    roleId = roleName ? ctx.roleFromName(roleName, sa.at('roleName'), toRecord(props)) : eksctlId('IamRole', ctx.cluster, `irsa/${namespace}/${name}`);
    if (!roleName) ctx.add({ id: roleId, kind: 'IamRole', name: `irsa ${namespace}/${name}`, props, at: sa.path });
  }
  // `roleOnly`: eksctl creates the role but neither creates nor annotates the service account.
  if (sa.bool('roleOnly') === true) return;
  const saId = k8sId('ServiceAccount', namespace, name);
  const props: ServiceAccountProps = { roleArn: existingArn, managedBy: 'eksctl' };
  ctx.add({ id: saId, kind: 'ServiceAccount', name, namespace, props, defaulted: meta?.str('namespace') ? [] : ['namespace'], at: sa.path });
  if (roleId) ctx.relate('assumes', saId, roleId, 'eksctl-irsa');
}

/**
 * One pod identity association. `namespace` falls back to the addon's namespace for associations
 * declared under `addons[].podIdentityAssociations`.
 */
export function lowerPodIdentity(ctx: LowerContext, pia: ConfigNode, addonNamespace: string | undefined): void {
  const namespace = pia.str('namespace') ?? addonNamespace;
  const name = pia.str('serviceAccountName');
  if (!namespace || !name) {
    ctx.sink.warning('eksctl/missing-field', ctx.doc.file, ctx.doc.lineOf(pia.path), 'pod identity association without namespace or serviceAccountName is skipped');
    return;
  }
  const roleArn = pia.str('roleARN');
  let roleId: string | undefined;
  if (roleArn) {
    roleId = ctx.roleFromArn(roleArn, pia.at('roleARN'), { trustPrincipals: ['Service:pods.eks.amazonaws.com'] });
  } else {
    const props: IamRoleProps = {
      trustPrincipals: ['Service:pods.eks.amazonaws.com'],
      managedPolicyArns: nonEmpty(pia.strings('permissionPolicyARNs')),
      wellKnownPolicies: wellKnown(pia),
      inlinePolicies: pia.has('permissionPolicy') ? [pia.str('permissionPolicyName') ?? 'permissionPolicy'] : undefined,
    };
    const roleName = pia.str('roleName');
    if (roleName) {
      roleId = ctx.roleFromName(roleName, pia.at('roleName'), toRecord(props));
    } else {
      roleId = eksctlId('IamRole', ctx.cluster, `pod-identity/${namespace}/${name}`);
      ctx.add({ id: roleId, kind: 'IamRole', name: `pod identity ${namespace}/${name}`, props, at: pia.path });
    }
  }
  ctx.podIdentityAccounts.add(`${namespace}/${name}`);
  const saId = k8sId('ServiceAccount', namespace, name);
  const props: ServiceAccountProps = { managedBy: pia.bool('createServiceAccount') === true ? 'eksctl' : undefined };
  ctx.add({ id: saId, kind: 'ServiceAccount', name, namespace, props, at: pia.path });
  if (roleId) ctx.relate('assumes', saId, roleId, 'eksctl-pod-identity');
  const target = pia.str('targetRoleARN');
  if (target && roleId) {
    const targetId = ctx.roleFromArn(target, pia.at('targetRoleARN'));
    if (targetId) ctx.relate('assumes', roleId, targetId, 'eksctl-pod-identity');
  }
}

/**
 * `karpenter:` installs Karpenter with an IRSA role for `karpenter/karpenter` (pkg/karpenter/karpenter.go:16-19)
 * and creates the node role its EC2NodeClasses name, `eksctl-KarpenterNodeRole-<cluster>` (J16 ties
 * a NodePool's group to it).
 */
function lowerKarpenter(ctx: LowerContext): void {
  if (!ctx.root.obj('karpenter')) return;
  const { namespace, name } = EKSCTL_DEFAULTS.karpenterServiceAccount;
  const saId = k8sId('ServiceAccount', namespace, name);
  ctx.add({ id: saId, kind: 'ServiceAccount', name, namespace, props: { managedBy: 'eksctl' }, defaulted: [DEFAULT_ENTITY], at: ['karpenter'] });
  const roleId = eksctlId('IamRole', ctx.cluster, `irsa/${namespace}/${name}`);
  const props: IamRoleProps = { oidcSubjects: [`system:serviceaccount:${namespace}:${name}`] };
  ctx.add({ id: roleId, kind: 'IamRole', name: `irsa ${namespace}/${name}`, props, defaulted: [DEFAULT_ENTITY], at: ['karpenter'] });
  ctx.relate('assumes', saId, roleId, 'eksctl-irsa');
  const nodeRole = `eksctl-KarpenterNodeRole-${ctx.cluster}`;
  const nodeProps: IamRoleProps = {
    roleName: nodeRole,
    stackName: `eksctl-${ctx.cluster}-karpenter`,
    logicalId: 'KarpenterNodeRole',
    trustPrincipals: ['Service:ec2.amazonaws.com'],
    managedPolicyArns: [...EKSCTL_DEFAULTS.karpenterNodeRolePolicies],
  };
  ctx.add({ id: iamRoleId(nodeRole), kind: 'IamRole', name: nodeRole, props: nodeProps, defaulted: [DEFAULT_ENTITY], at: ['karpenter'] });
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length ? values : undefined;
}

function toRecord(props: IamRoleProps): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(props) as [string, unknown][]) {
    if (typeof v === 'string' || (Array.isArray(v) && v.every((x): x is string => typeof x === 'string'))) setOwn(out, k, v);
  }
  return out;
}

/**
 * The cluster's `podIdentityAssociations` prop: the `ns/name` of every service account an association
 * of this ClusterConfig names (top-level and per addon), sorted; set once all of them are lowered.
 */
export function recordPodIdentities(ctx: LowerContext, clusterId: string): void {
  if (ctx.podIdentityAccounts.size === 0) return;
  const cluster = ctx.entities.find((e) => e.id === clusterId);
  if (cluster) cluster.props['podIdentityAssociations'] = [...ctx.podIdentityAccounts].sort(cmp);
}
