/**
 * EKS Auto Mode node pools (`autoModeConfig`, DOMAIN.md A.8, J17): one NodeGroup per pool with
 * `nodeGroupType: 'auto-mode'`; without `nodePools` eksctl asks for the built-in `general-purpose`
 * and `system` pools (defaults.go:65-68).
 */
import { nodeGroupId } from '../../model/ids.js';
import type { NodeGroupProps } from '../../model/props.js';
import { DEFAULT_ENTITY, type LowerContext } from './context.js';
import { EKSCTL_DEFAULTS } from './defaults.js';

export function lowerAutoMode(ctx: LowerContext, cluster: string): void {
  const auto = ctx.root.obj('autoModeConfig');
  if (auto?.bool('enabled') !== true) return;
  const declared = auto.has('nodePools');
  const pools = declared ? auto.strings('nodePools') : [...EKSCTL_DEFAULTS.autoModeNodePools];
  const roleArn = auto.str('nodeRoleARN');
  const role = roleArn ? ctx.roleFromArn(roleArn, auto.at('nodeRoleARN')) : undefined;
  pools.forEach((pool, i) => {
    const id = nodeGroupId(ctx.cluster, pool);
    const props: NodeGroupProps = { cluster, nodeGroupType: 'auto-mode', instanceRoleArn: roleArn };
    ctx.add({
      id,
      kind: 'NodeGroup',
      name: pool,
      props,
      defaulted: declared ? [] : [DEFAULT_ENTITY],
      at: declared ? [...auto.at('nodePools'), i] : auto.at('enabled'),
    });
    ctx.relate('member-of', id, cluster, 'eksctl-auto-mode');
    if (role) ctx.relate('assumes', id, role, 'eksctl-node-role');
  });
}
