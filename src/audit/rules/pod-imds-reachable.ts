import type { Entity } from '../../model/entity.js';
import { k8sObjectId } from '../../model/ids.js';
import { propBoolean, propNumber, propString } from '../../model/read.js';
import { seenIn } from '../../passes/link/cross/lookup.js';
import { defineRule } from '../rule.js';
import { nodeGroupLabel } from './subnet-lookup.js';

/** Every EC2NodeClass id starts so (cluster-scoped `karpenter.k8s.aws` objects). */
const NODE_CLASS_PREFIX = k8sObjectId('karpenter.k8s.aws', 'EC2NodeClass', undefined, '');

/**
 * IAM-02: pods can reach the node's instance metadata, and with it the node role's credentials.
 * - eksctl node groups: `disablePodIMDS` not true (the default; eksctl then sets the hop limit to 2,
 *   so containers reach IMDS through the node) or `disableIMDSv1: false` (IMDSv1 without tokens);
 *   groups with their own `launchTemplate` are not judged (its MetadataOptions are not in the inputs);
 * - Karpenter EC2NodeClasses: `metadataOptions.httpPutResponseHopLimit` above 1 or `httpTokens:
 *   optional` (Karpenter's defaults are 1 and `required`).
 * CloudFormation launch templates' MetadataOptions are not read.
 */
export default defineRule({
  id: 'eks/pod-imds-reachable',
  check: 'IAM-02',
  severity: 'warning',
  description: "Pods can reach the node's instance metadata (IMDS) and its role's credentials.",
  appliesTo: ['NodeGroup', 'KubernetesObject'],
  run(entity, ctx) {
    if (entity.kind === 'KubernetesObject') {
      if (!entity.id.startsWith(NODE_CLASS_PREFIX)) return;
      const reasons = nodeClassReasons(entity);
      if (reasons.length > 0) ctx.report(entity, `EC2NodeClass ${entity.name}: ${reasons.join(' and ')}, so pods can reach the node role's credentials`);
      return;
    }
    if (!seenIn(entity, 'eksctl') || entity.props['launchTemplate'] !== undefined) return;
    const type = propString(entity, 'nodeGroupType');
    if (type !== 'managed' && type !== 'self-managed') return;
    const reasons: string[] = [];
    if (propBoolean(entity, 'disablePodIMDS') !== true) reasons.push(`disablePodIMDS is ${entity.props['disablePodIMDS'] === false ? 'false' : 'unset (eksctl default false)'}: the metadata hop limit is 2`);
    if (propBoolean(entity, 'disableIMDSv1') === false) reasons.push('disableIMDSv1 is false: IMDSv1 answers without a token');
    if (reasons.length > 0) ctx.report(entity, `${nodeGroupLabel(entity, ctx)}: ${reasons.join('; ')}, so pods can reach the node role's credentials`);
  },
});

function nodeClassReasons(nodeClass: Entity): string[] {
  const out: string[] = [];
  const hops = propNumber(nodeClass, 'imdsHopLimit');
  if (hops !== undefined && hops > 1) out.push(`metadataOptions.httpPutResponseHopLimit is ${hops}`);
  if (propString(nodeClass, 'imdsHttpTokens') === 'optional') out.push('metadataOptions.httpTokens is optional');
  return out;
}
