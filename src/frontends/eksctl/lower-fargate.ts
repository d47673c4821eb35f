/**
 * Fargate profiles (DOMAIN.md A.9): selectors, subnets (default: the cluster's private subnets) and
 * their AZs, and the pod execution role (declared, or the `FargatePodExecutionRole` eksctl creates
 * in the cluster stack, cfn/builder/fargate.go:18-20).
 */
import { isUnresolved } from '../../model/entity.js';
import { eksctlId, fargateProfileId } from '../../model/ids.js';
import type { FargateProfileProps, IamRoleProps } from '../../model/props.js';
import { DEFAULT_ENTITY, type LowerContext } from './context.js';
import type { NetworkLayout } from './lower-network.js';

export function lowerFargateProfiles(ctx: LowerContext, cluster: string, network: NetworkLayout): void {
  const profiles = ctx.root.list('fargateProfiles');
  if (profiles.length === 0) return;
  const sharedRoleArn = ctx.root.obj('iam')?.str('fargatePodExecutionRoleARN');
  let createdRole: string | undefined;
  profiles.forEach((fp, i) => {
    const name = fp.str('name') ?? `fargateProfiles[${i}]`;
    const defaulted: string[] = [];
    const selectors = fp.list('selectors').flatMap((s) => {
      const namespace = s.str('namespace');
      if (!namespace) return [];
      const labels = s.map('labels');
      return [labels && Object.keys(labels).length ? { namespace, labels } : { namespace }];
    });
    const props: FargateProfileProps = { cluster, selectors };
    const declaredSubnets = fp.strings('subnets');
    if (declaredSubnets.length) {
      props.subnets = declaredSubnets;
      const zones = declaredSubnets.map((ref) => network.subnets.find((s) => s.subnetId === ref || s.key === ref)?.az);
      if (zones.every((z): z is string => typeof z === 'string')) props.availabilityZones = [...new Set(zones)].sort();
    } else {
      // "If none provided, all subnets for the cluster will be used" – Fargate takes private ones only.
      const privates = network.subnets.filter((s) => s.topology === 'private');
      if (privates.length) {
        props.subnets = privates.map((s) => s.subnetId ?? s.id);
        defaulted.push('subnets');
        if (privates.every((s) => !isUnresolved(s.az))) {
          props.availabilityZones = [...new Set(privates.flatMap((s) => (isUnresolved(s.az) ? [] : [s.az])))].sort();
          defaulted.push('availabilityZones');
        }
      }
    }
    const roleArn = fp.str('podExecutionRoleARN') ?? sharedRoleArn;
    props.podExecutionRoleArn = roleArn;
    const id = fargateProfileId(ctx.cluster, name);
    ctx.add({ id, kind: 'FargateProfile', name, props, defaulted, at: fp.at('name') });
    ctx.relate('member-of', id, cluster, 'eksctl-fargate');
    let role: string | undefined;
    if (roleArn) {
      role = ctx.roleFromArn(roleArn, fp.str('podExecutionRoleARN') ? fp.at('podExecutionRoleARN') : ['iam', 'fargatePodExecutionRoleARN']);
    } else {
      role = createdRole ??= addCreatedRole(ctx);
    }
    if (role) ctx.relate('assumes', id, role, 'eksctl-fargate-role');
  });
}

function addCreatedRole(ctx: LowerContext): string {
  const id = eksctlId('IamRole', ctx.cluster, 'fargate-pod-execution');
  const props: IamRoleProps = {
    stackName: `eksctl-${ctx.cluster}-cluster`,
    logicalId: 'FargatePodExecutionRole',
    trustPrincipals: ['Service:eks-fargate-pods.amazonaws.com'],
    managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy'],
  };
  ctx.add({ id, kind: 'IamRole', name: 'FargatePodExecutionRole', props, defaulted: [DEFAULT_ENTITY], at: ['fargateProfiles'] });
  return id;
}
