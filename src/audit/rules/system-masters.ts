import type { ModelGraph } from '../../model/graph.js';
import { accessMappings, type AccessMapping } from '../../passes/link/cross/access-mappings.js';
import { defineRule } from '../rule.js';

/**
 * IAM-09 (part): an aws-auth mapping — the `kube-system/aws-auth` ConfigMap's `mapRoles`/`mapUsers`
 * or an eksctl `iamIdentityMappings` entry — puts an IAM principal in `system:masters`, which no RBAC
 * binding can restrict. The access-entry half of IAM-09 (`AmazonEKSClusterAdminPolicy` for
 * "non-admin" principals) is not judged: the model does not say who is meant to be an admin.
 */
export default defineRule({
  id: 'iam/system-masters',
  check: 'IAM-09',
  severity: 'warning',
  description: 'An aws-auth mapping (ConfigMap or eksctl iamIdentityMappings) puts an IAM principal in system:masters.',
  appliesTo: ['ConfigMap', 'Cluster'],
  run(holder, ctx) {
    const mappings = byHolder(ctx.graph).get(holder.id);
    if (!mappings) return;
    const where = holder.kind === 'ConfigMap' ? `ConfigMap ${holder.namespace ?? ''}/${holder.name}` : `cluster ${holder.name}: iamIdentityMappings`;
    for (const m of mappings) {
      ctx.report(holder, `${where} maps ${principal(m.arn ?? '')} to system:masters`);
    }
  },
});

const cache = new WeakMap<ModelGraph, Map<string, AccessMapping[]>>();

/** The aws-auth mappings to `system:masters`, per holding entity id. */
function byHolder(graph: ModelGraph): Map<string, AccessMapping[]> {
  const hit = cache.get(graph);
  if (hit) return hit;
  const out = new Map<string, AccessMapping[]>();
  for (const m of accessMappings(graph)) {
    if (m.via !== 'aws-auth' || m.arn === undefined || !m.groups.includes('system:masters')) continue;
    const list = out.get(m.holder.id);
    if (list) list.push(m);
    else out.set(m.holder.id, [m]);
  }
  cache.set(graph, out);
  return out;
}

function principal(arn: string): string {
  if (/^arn:[^:]+:iam::[^:]*:role\//.test(arn)) return `role ${arn}`;
  if (/^arn:[^:]+:iam::[^:]*:user\//.test(arn)) return `user ${arn}`;
  return arn;
}
