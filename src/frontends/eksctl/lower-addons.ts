/**
 * EKS addons (DOMAIN.md A.19): declared ones, the defaults eksctl installs unless
 * `addonsConfig.disableDefaultAddons` (vpc-cni, kube-proxy, coredns, metrics-server), their roles,
 * and the implicit `kube-system/aws-node` IRSA account when OIDC is on but vpc-cni is not an addon
 * (defaults.go:93-113).
 */
import { addonId, eksctlId, k8sId } from '../../model/ids.js';
import type { IamRoleProps } from '../../model/props.js';
import { DEFAULT_ENTITY, type LowerContext } from './context.js';
import { EKSCTL_DEFAULTS } from './defaults.js';
import { lowerPodIdentity } from './lower-identity.js';

interface AddonProps {
  cluster: string;
  version?: string;
  serviceAccountRoleArn?: string;
  /** Namespace the addon is installed in (`namespaceConfig.namespace`). */
  namespace?: string;
  wellKnownPolicies?: string[];
  attachPolicyARNs?: string[];
  resolveConflicts?: string;
  /** Whether `configurationValues` is set (the JSON itself is not kept: it may carry credentials). */
  configured?: boolean;
}

/** Addons Auto Mode runs as part of its managed data plane, so eksctl does not install them (assumption, see report). */
const AUTO_MODE_BUILT_IN = new Set(['vpc-cni', 'kube-proxy', 'coredns']);

export function lowerAddons(ctx: LowerContext, cluster: string): void {
  const declaredNames = new Set<string>();
  ctx.root.list('addons').forEach((addon, i) => {
    const name = addon.str('name');
    if (!name) {
      ctx.sink.warning('eksctl/missing-field', ctx.doc.file, ctx.doc.lineOf(addon.path), `addons[${i}] has no name and is skipped`);
      return;
    }
    declaredNames.add(name);
    const namespace = addon.obj('namespaceConfig')?.str('namespace');
    const policies = addon.obj('wellKnownPolicies');
    const wellKnown = policies ? Object.keys(policies.value).filter((k) => policies.bool(k) === true).sort() : [];
    const attached = addon.strings('attachPolicyARNs');
    const roleArn = addon.str('serviceAccountRoleARN');
    const props: AddonProps = {
      cluster,
      version: addon.str('version'),
      serviceAccountRoleArn: roleArn,
      namespace,
      wellKnownPolicies: wellKnown.length ? wellKnown : undefined,
      attachPolicyARNs: attached.length ? attached : undefined,
      resolveConflicts: addon.str('resolveConflicts'),
      configured: addon.has('configurationValues') || undefined,
    };
    const id = addonId(ctx.cluster, name);
    ctx.add({ id, kind: 'Addon', name, props, at: addon.at('name') });
    ctx.relate('member-of', id, cluster, 'eksctl-addon');
    if (roleArn) {
      const role = ctx.roleFromArn(roleArn, addon.at('serviceAccountRoleARN'));
      if (role) ctx.relate('assumes', id, role, 'eksctl-addon-role');
    }
    for (const pia of addon.list('podIdentityAssociations')) lowerPodIdentity(ctx, pia, namespace ?? 'kube-system');
  });

  const effective = new Set(declaredNames);
  if (ctx.root.obj('addonsConfig')?.bool('disableDefaultAddons') !== true) {
    const autoMode = ctx.root.obj('autoModeConfig')?.bool('enabled') === true;
    for (const name of EKSCTL_DEFAULTS.addons) {
      if (declaredNames.has(name) || (autoMode && AUTO_MODE_BUILT_IN.has(name))) continue;
      effective.add(name);
      const id = addonId(ctx.cluster, name);
      const props: AddonProps = { cluster };
      ctx.add({ id, kind: 'Addon', name, props, defaulted: [DEFAULT_ENTITY], at: ctx.root.has('addons') ? ['addons'] : ['metadata'] });
      ctx.relate('member-of', id, cluster, 'eksctl-addon');
    }
  }
  if (ctx.root.obj('iam')?.bool('withOIDC') === true && !effective.has('vpc-cni')) lowerAwsNodeIrsa(ctx);
}

function lowerAwsNodeIrsa(ctx: LowerContext): void {
  const saId = k8sId('ServiceAccount', 'kube-system', 'aws-node');
  ctx.add({ id: saId, kind: 'ServiceAccount', name: 'aws-node', namespace: 'kube-system', props: { managedBy: 'eksctl' }, defaulted: [DEFAULT_ENTITY], at: ['iam', 'withOIDC'] });
  const roleId = eksctlId('IamRole', ctx.cluster, 'irsa/kube-system/aws-node');
  const props: IamRoleProps = {
    stackName: `eksctl-${ctx.cluster}-addon-iamserviceaccount-kube-system-aws-node`,
    logicalId: 'Role1',
    oidcSubjects: ['system:serviceaccount:kube-system:aws-node'],
    managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy'],
  };
  ctx.add({ id: roleId, kind: 'IamRole', name: 'irsa kube-system/aws-node', props, defaulted: [DEFAULT_ENTITY], at: ['iam', 'withOIDC'] });
  ctx.relate('assumes', saId, roleId, 'eksctl-irsa');
}
