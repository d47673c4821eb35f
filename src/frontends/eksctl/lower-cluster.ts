/**
 * The cluster entity (DOMAIN.md A.7, C): version, region, endpoint access, auth mode, logging,
 * secrets encryption, OIDC, IP family, upgrade policy, Auto Mode, Karpenter, and who may access it.
 *
 * Access entries and `iamIdentityMappings` are bindings between an IAM principal and the cluster,
 * not Kubernetes objects: they become props on the cluster (`accessEntries`, `iamIdentityMappings`),
 * and every role principal becomes an IamRole entity (id by role name, so it merges with the same
 * role from CloudFormation or an aws-auth ConfigMap). User and account principals stay props only.
 */
import { clusterId } from '../../model/ids.js';
import type { ClusterProps } from '../../model/props.js';
import { parseArn, principalKind } from './arn.js';
import type { LowerContext } from './context.js';
import { EKSCTL_DEFAULTS, expandLogTypes } from './defaults.js';
import type { NetworkLayout } from './lower-network.js';

export function lowerCluster(ctx: LowerContext, region: { value: string; defaulted: boolean }, network: NetworkLayout): string {
  const root = ctx.root;
  const meta = root.obj('metadata');
  const vpc = root.obj('vpc');
  const iam = root.obj('iam');
  const fullyPrivate = root.obj('privateCluster')?.bool('enabled') === true;
  const defaulted: string[] = [];
  const orDefault = <T>(name: string, declared: T | undefined, fallback: T): T => {
    if (declared !== undefined) return declared;
    defaulted.push(name);
    return fallback;
  };

  const endpoints = vpc?.obj('clusterEndpoints');
  const access = root.obj('accessConfig');
  // Fully-private clusters get a private endpoint only (ctl/cmdutils/configfile.go:280-292).
  const endpointPublicAccess = orDefault('endpointPublicAccess', endpoints?.bool('publicAccess'), !fullyPrivate);
  const endpointPrivateAccess = orDefault('endpointPrivateAccess', endpoints?.bool('privateAccess'), fullyPrivate);
  const declaredCidrs = vpc?.strings('publicAccessCIDRs') ?? [];
  const isOutpost = root.obj('outpost')?.str('controlPlaneOutpostARN') !== undefined;
  const logging = root.obj('cloudWatch')?.obj('clusterLogging');
  const keyArn = root.obj('secretsEncryption')?.str('keyARN');
  const serviceRoleArn = iam?.str('serviceRoleARN');
  if (region.defaulted) defaulted.push('region');

  const props: ClusterProps = {
    version: orDefault('version', meta?.str('version'), EKSCTL_DEFAULTS.version),
    region: region.value,
    accountId: accountOf(ctx),
    endpointPublicAccess,
    endpointPrivateAccess,
    publicAccessCidrs: endpointPublicAccess
      ? orDefault('publicAccessCidrs', declaredCidrs.length ? declaredCidrs : undefined, [...EKSCTL_DEFAULTS.publicAccessCidrs])
      : undefined,
    // Outposts (v1) clusters only support CONFIG_MAP (defaults.go:292-297).
    authenticationMode: orDefault(
      'authenticationMode',
      access?.str('authenticationMode'),
      isOutpost ? 'CONFIG_MAP' : EKSCTL_DEFAULTS.authenticationMode,
    ),
    // eksctl passes it through to the API only when set; the API's default is true.
    bootstrapClusterCreatorAdminPermissions: orDefault(
      'bootstrapClusterCreatorAdminPermissions',
      access?.bool('bootstrapClusterCreatorAdminPermissions'),
      true,
    ),
    logging: orDefault('logging', logging?.has('enableTypes') ? expandLogTypes(logging.strings('enableTypes')) : undefined, []),
    logRetentionInDays: logging?.num('logRetentionInDays'),
    secretsEncryption: orDefault('secretsEncryption', keyArn !== undefined ? true : undefined, false),
    secretsEncryptionKeyArn: keyArn,
    // eksctl spells it `IPv4`/`IPv6` (case-insensitively) but writes it lower-cased into its template
    // (cfn/builder/cluster.go: `IpFamily: strings.ToLower(ipFamily)`): the EKS API / CloudFormation
    // spelling, which is what the CloudFormation front end reads, so one cluster has one value.
    ipFamily: orDefault('ipFamily', root.obj('kubernetesNetworkConfig')?.str('ipFamily'), EKSCTL_DEFAULTS.ipFamily).toLowerCase(),
    serviceIpv4Cidr: root.obj('kubernetesNetworkConfig')?.str('serviceIPv4CIDR'),
    roleArn: serviceRoleArn,
    autoMode: orDefault('autoMode', root.obj('autoModeConfig')?.bool('enabled'), false),
    withOIDC: orDefault('withOIDC', iam?.bool('withOIDC'), EKSCTL_DEFAULTS.withOIDC),
    supportType: orDefault('supportType', root.obj('upgradePolicy')?.str('supportType'), EKSCTL_DEFAULTS.supportType),
    vpc: network.vpcId,
    tags: meta?.map('tags'),
    fullyPrivate: fullyPrivate || undefined,
    accessEntries: accessEntries(ctx),
    iamIdentityMappings: identityMappings(ctx),
    karpenter: karpenterSettings(ctx),
  };
  const id = clusterId(ctx.cluster);
  ctx.add({ id, kind: 'Cluster', name: ctx.cluster, props, defaulted, at: ['metadata', 'name'] });
  if (serviceRoleArn) {
    const role = ctx.roleFromArn(serviceRoleArn, ['iam', 'serviceRoleARN']);
    if (role) ctx.relate('assumes', id, role, 'eksctl-service-role');
  }
  return id;
}

function accessEntries(ctx: LowerContext): ClusterProps['accessEntries'] {
  const entries = ctx.root.obj('accessConfig')?.list('accessEntries') ?? [];
  if (entries.length === 0) return undefined;
  return entries.flatMap((entry) => {
    const principalArn = entry.str('principalARN');
    if (!principalArn) return [];
    if (principalKind(principalArn) === 'role') ctx.roleFromArn(principalArn, entry.at('principalARN'));
    const policies = entry.list('accessPolicies').flatMap((p) => {
      const arn = p.str('policyARN');
      if (!arn) return [];
      const scope = p.obj('accessScope');
      const namespaces = scope?.strings('namespaces') ?? [];
      return [`${arn}@${scope?.str('type') ?? 'cluster'}${namespaces.length ? `:${namespaces.join(',')}` : ''}`];
    });
    const groups = entry.strings('kubernetesGroups');
    return [{
      principalArn,
      type: entry.str('type') ?? 'STANDARD',
      ...(groups.length ? { kubernetesGroups: groups } : {}),
      ...(entry.str('kubernetesUsername') ? { username: entry.str('kubernetesUsername') } : {}),
      ...(policies.length ? { accessPolicies: policies } : {}),
    }];
  });
}

function identityMappings(ctx: LowerContext): ClusterProps['iamIdentityMappings'] {
  const mappings = ctx.root.list('iamIdentityMappings');
  if (mappings.length === 0) return undefined;
  return mappings.map((m) => {
    const arn = m.str('arn');
    if (arn && principalKind(arn) === 'role') ctx.roleFromArn(arn, m.at('arn'));
    const groups = m.strings('groups');
    return {
      ...(arn ? { arn } : {}),
      ...(m.str('account') ? { account: m.str('account') } : {}),
      ...(m.str('username') ? { username: m.str('username') } : {}),
      ...(groups.length ? { groups } : {}),
      ...(m.str('serviceName') ? { serviceName: m.str('serviceName') } : {}),
    };
  });
}

function karpenterSettings(ctx: LowerContext): ClusterProps['karpenter'] {
  const k = ctx.root.obj('karpenter');
  if (!k) return undefined;
  return {
    ...(k.str('version') ? { version: k.str('version') } : {}),
    createServiceAccount: k.bool('createServiceAccount') ?? false,
    withSpotInterruptionQueue: k.bool('withSpotInterruptionQueue') ?? false,
    ...(k.str('defaultInstanceProfile') ? { defaultInstanceProfile: k.str('defaultInstanceProfile') } : {}),
  };
}

/** The account of the IAM ARNs in the file, when they all agree (DOMAIN.md J3). */
function accountOf(ctx: LowerContext): string | undefined {
  const accounts = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      const arn = parseArn(v);
      if (arn && /^\d{12}$/.test(arn.account)) accounts.add(arn.account);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) visit(x);
    }
  };
  visit(ctx.root.value);
  return accounts.size === 1 ? [...accounts][0] : undefined;
}
