import { propBoolean, propString } from '../../model/read.js';
import { seenIn } from '../../passes/link/cross/lookup.js';
import { defineRule } from '../rule.js';
import { nodeGroupLabel } from './subnet-lookup.js';

/**
 * NET-04 (node groups): SSH to the nodes is open to the internet.
 * - eksctl: SSH is on (`ssh.allow`, or a public key when `allow` is unset) without
 *   `ssh.sourceSecurityGroupIds`, and `privateNetworking` is false: eksctl then allows port 22 from
 *   0.0.0.0/0 and ::/0 (from the VPC's CIDR only for private groups).
 * - CloudFormation managed groups: `RemoteAccess` without `SourceSecurityGroups`, for which EKS opens
 *   port 22 to 0.0.0.0/0.
 * Security group rules of templates (ingress tcp/22 from 0.0.0.0/0) are not in the model, so they are
 * not judged; an SSH setting that is a placeholder is unknown and makes no finding.
 */
export default defineRule({
  id: 'net/ssh-open-to-internet',
  check: 'NET-04',
  severity: 'warning',
  description: 'SSH to a node group is open to the internet (no source security groups).',
  appliesTo: ['NodeGroup'],
  run(group, ctx) {
    if (propBoolean(group, 'sshAllow') !== true || group.props['sshSourceSecurityGroups'] !== undefined) return;
    const label = nodeGroupLabel(group, ctx);
    if (seenIn(group, 'eksctl')) {
      if (propBoolean(group, 'privateNetworking') !== false) return;
      const defaulted = group.defaulted.includes('privateNetworking') ? ' (the eksctl default)' : '';
      ctx.report(group, `${label}: SSH is allowed without ssh.sourceSecurityGroupIds and privateNetworking is false${defaulted}, so eksctl opens port 22 to 0.0.0.0/0 and ::/0`);
      return;
    }
    if (propString(group, 'nodeGroupType') !== 'managed') return;
    ctx.report(group, `${label}: RemoteAccess has no SourceSecurityGroups, so EKS opens port 22 of its nodes to 0.0.0.0/0`);
  },
});
