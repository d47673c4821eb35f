/**
 * J21: `NodeGroup assumes IamRole` (the node role), so that Node → NodeGroup → IamRole is in the
 * model, for the node groups the front ends could not give a role. The front ends already relate
 * eksctl groups (`iam.instanceRoleARN`/`instanceRoleName` or eksctl's `NodeInstanceRole`; Auto Mode
 * `nodeRoleARN`: `eksctl-node-role`), CloudFormation managed groups (`NodeRole`) and self-managed
 * groups (launch template/configuration → instance profile → `Roles[0]`: `cfn-ref`). This pass adds:
 *
 * - Karpenter: the group of a `karpenter.sh/NodePool` → its `nodeClassRef` → `EC2NodeClass.spec.role`
 *   (a role name) → the role of that name — high; by CloudFormation auto-name — medium/low; else an
 *   external role sourced at the node class (info diagnostic).
 * - Node bindings (DOMAIN.md J21 cross-check): an aws-auth mapping in `system:nodes`, or a node access
 *   entry (`EC2_LINUX`, `EC2_WINDOWS`), whose role has eksctl's node-role name
 *   `eksctl-<cluster>-nodegroup-<group>-NodeInstanceRole-<SUFFIX>`: that group's role — medium when
 *   the stack part is whole, low when CloudFormation truncated it (a unique group only). This is how
 *   a group known only from node labels (a kubectl dump) gets its role.
 * Runs after J40, which has matched or created the roles of the bindings.
 */
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { iamRoleId, k8sObjectId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass, PassContext } from '../../types.js';
import { accessMappings, isNodeMapping } from './access-mappings.js';
import { roleFromArn } from './aws-names.js';
import { firstSource, pushTo } from './lookup.js';
import { externalRole, parseAutoName, RoleIndex, type RoleMatch } from './role-match.js';

export const nodeRolesPass: LinkPass = {
  rule: 'J21',
  description: 'Node groups to their node IAM role (Karpenter EC2NodeClass; aws-auth / access-entry node bindings)',
  run(graph, ctx) {
    const roles = new RoleIndex(graph);
    const all = graph.ofKind('NodeGroup');
    const bound = byNodeBinding(graph, all);
    for (const group of all) {
      if (graph.relationsFrom(group.id, 'assumes').some((r) => graph.get(r.to)?.kind === 'IamRole')) continue;
      const match = karpenterRole(graph, roles, group, ctx) ?? bound.get(group.id);
      if (match) graph.addRelation({ type: 'assumes', from: group.id, to: match.role.id, confidence: match.confidence, rule: 'J21' });
    }
  },
};

function karpenterRole(graph: ModelGraph, roles: RoleIndex, group: Entity, ctx: PassContext): RoleMatch | undefined {
  if (propString(group, 'nodeGroupType') !== 'karpenter') return undefined;
  const pool = graph.get(k8sObjectId('karpenter.sh', 'NodePool', undefined, group.name));
  const ref = pool ? propString(pool, 'nodeClassRef') : undefined;
  const nodeClass = ref === undefined ? undefined : graph.get(k8sObjectId('karpenter.k8s.aws', 'EC2NodeClass', undefined, ref));
  const written = nodeClass ? propString(nodeClass, 'role') : undefined;
  if (!nodeClass || written === undefined) return undefined;
  // `spec.role` is a role name; an ARN is tolerated.
  const name = roleFromArn(written)?.name ?? written;
  const match = roles.byRoleName(name);
  if (match) return match;
  const src = firstSource(nodeClass);
  if (!src) return undefined;
  ctx.sink.info('link/external-role', src.file, src.line, `EC2NodeClass ${nodeClass.name} gives nodes role ${name}, which no input defines (J21 unresolved)`);
  return { role: externalRole(graph, name, undefined, src), confidence: 'high' };
}

/**
 * Node-binding roles with eksctl's node-role name, each given to the one group whose stack name
 * `eksctl-<cluster>-nodegroup-<group>` is the name's prefix (medium), else to the one group whose
 * stack name the prefix starts (truncated: low). All groups are candidates, also those with a role
 * already (they keep it); a group claimed by several roles gets none.
 */
function byNodeBinding(graph: ModelGraph, groups: readonly Entity[]): Map<string, RoleMatch> {
  const stacks = groups.flatMap((g) => {
    const clusterRef = propString(g, 'cluster');
    const cluster = clusterRef === undefined ? undefined : graph.get(clusterRef);
    return cluster ? [{ group: g.id, stack: `eksctl-${cluster.name}-nodegroup-${g.name}` }] : [];
  });
  const claims = new Map<string, RoleMatch[]>();
  for (const { prefix, role } of nodeBindingRoles(graph)) {
    const whole = stacks.filter((s) => s.stack === prefix);
    const truncated = stacks.filter((s) => s.stack.startsWith(prefix));
    const hit = whole.length === 1 ? { s: whole[0], confidence: 'medium' as const } : whole.length === 0 && truncated.length === 1 ? { s: truncated[0], confidence: 'low' as const } : undefined;
    if (hit?.s) pushTo(claims, hit.s.group, { role, confidence: hit.confidence });
  }
  const out = new Map<string, RoleMatch>();
  for (const [group, list] of claims) if (list.length === 1 && list[0]) out.set(group, list[0]);
  return out;
}

/** The roles of node bindings with an eksctl node-role name, with the stack-name prefix of the name. */
function nodeBindingRoles(graph: ModelGraph): { prefix: string; role: Entity }[] {
  const out: { prefix: string; role: Entity }[] = [];
  for (const m of accessMappings(graph)) {
    if (!isNodeMapping(m) || m.arn === undefined) continue;
    const name = roleFromArn(m.arn)?.name;
    const auto = name === undefined ? undefined : parseAutoName(name);
    const role = name === undefined ? undefined : graph.get(iamRoleId(name));
    if (auto?.logicalId === 'NodeInstanceRole' && auto.prefix.startsWith('eksctl-') && role && !out.some((o) => o.role.id === role.id)) out.push({ prefix: auto.prefix, role });
  }
  return out;
}
