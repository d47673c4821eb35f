/**
 * The cluster access bindings of the model (DOMAIN.md A.18), read from wherever a front end put
 * them: the `kube-system/aws-auth` ConfigMap (`mapRoles` / `mapUsers`), eksctl's
 * `accessConfig.accessEntries` and `iamIdentityMappings` (props of the Cluster), and CloudFormation
 * `AWS::EKS::AccessEntry` resources. Pure reading; the J40 and J21 passes decide what they mean.
 */
import { cmp } from '../../../core/order.js';
import type { Entity, PropValue } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import { propRecords } from './lookup.js';

export interface AccessMapping {
  /** The entity that holds the binding: the aws-auth ConfigMap, the Cluster, or the AccessEntry resource. */
  readonly holder: Entity;
  /** `aws-auth`: the ConfigMap or eksctl `iamIdentityMappings` (path-less role ARNs); `access-entry`: an EKS access entry. */
  readonly via: 'aws-auth' | 'access-entry';
  /** The principal ARN; absent only for a CloudFormation entry whose ARN is a placeholder (then `roleId` is set). */
  readonly arn?: string;
  readonly username?: string;
  readonly groups: readonly string[];
  /** Access entry type (`STANDARD`, `EC2_LINUX`, …). */
  readonly type?: string;
  /** The IamRole entity a CloudFormation access entry references. */
  readonly roleId?: string;
}

const AWS_AUTH = k8sId('ConfigMap', 'kube-system', 'aws-auth');
const NODE_ENTRY_TYPES = new Set(['EC2_LINUX', 'EC2_WINDOWS', 'HYBRID_LINUX']);

/** Every binding of the model, in a stable order (holder id, then ARN). */
export function accessMappings(graph: ModelGraph): AccessMapping[] {
  const out: AccessMapping[] = [];
  const cm = graph.get(AWS_AUTH);
  if (cm) {
    for (const key of ['mapRoles', 'mapUsers'] as const) {
      for (const m of propRecords(cm, key)) push(out, cm, 'aws-auth', m[key === 'mapRoles' ? 'rolearn' : 'userarn'], m);
    }
  }
  for (const cluster of graph.ofKind('Cluster')) {
    for (const m of propRecords(cluster, 'iamIdentityMappings')) push(out, cluster, 'aws-auth', m['arn'], m);
    for (const m of propRecords(cluster, 'accessEntries')) push(out, cluster, 'access-entry', m['principalArn'], m);
  }
  for (const r of graph.ofKind('AwsResource')) {
    if (propString(r, 'cfnType') !== 'AWS::EKS::AccessEntry') continue;
    // A GetAtt of a template role leaves the ARN a placeholder: the referenced role still names the principal.
    push(out, r, 'access-entry', r.props['principalArn'], r.props, propString(r, 'principalRole'));
  }
  return out.sort((a, b) => cmp(a.holder.id, b.holder.id) || cmp(a.arn ?? '', b.arn ?? ''));
}

function push(out: AccessMapping[], holder: Entity, via: AccessMapping['via'], arn: PropValue | undefined, m: { readonly [key: string]: PropValue }, roleId?: string): void {
  if (typeof arn !== 'string' && roleId === undefined) return;
  const groups = m['groups'] ?? m['kubernetesGroups'];
  const username = m['username'];
  const type = m['type'];
  out.push({
    holder,
    via,
    ...(typeof arn === 'string' ? { arn } : {}),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    ...(typeof username === 'string' ? { username } : {}),
    ...(typeof type === 'string' ? { type } : {}),
    ...(roleId === undefined ? {} : { roleId }),
  });
}

/** A binding that lets nodes join: the `system:nodes` group (aws-auth) or a node access-entry type. */
export function isNodeMapping(m: AccessMapping): boolean {
  return m.groups.includes('system:nodes') || (m.type !== undefined && NODE_ENTRY_TYPES.has(m.type));
}
