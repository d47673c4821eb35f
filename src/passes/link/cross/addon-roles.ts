/**
 * J41: an EKS addon's IAM role (CloudFormation `AWS::EKS::Addon.ServiceAccountRoleArn`, eksctl
 * `addons[].serviceAccountRoleARN`: the front ends' `Addon assumes IamRole`) reaches the addon's
 * service account, which EKS annotates with that role: `Addon uses ServiceAccount` and
 * `ServiceAccount assumes IamRole`.
 *
 * The service account is the addon's by convention (`ADDON_SERVICE_ACCOUNTS`; the namespace follows
 * eksctl's `namespaceConfig` when set). Confidence: high when the account's `eks.amazonaws.com/role-arn`
 * annotation names the same role (ARN equality, or J38 joined it to that role); medium on the
 * convention alone (no annotation, or the account is not in the inputs: it is then created, marked
 * `'@entity'` defaulted, sourced at the addon). An annotation naming another role is a warning and
 * no link: the annotation is what the pods get.
 */
import { own } from '../../../core/guards.js';
import { makeEntity, type Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sId } from '../../../model/ids.js';
import type { Confidence } from '../../../model/kinds.js';
import { propString } from '../../../model/read.js';
import type { LinkPass, PassContext } from '../../types.js';
import { roleFromArn } from './aws-names.js';
import { firstSource } from './lookup.js';

/** Addon name → the service account its pods run as (addon manifests; EKSCTL defaults.go:28-31 for vpc-cni). */
export const ADDON_SERVICE_ACCOUNTS: Readonly<Record<string, { namespace: string; name: string }>> = {
  'vpc-cni': { namespace: 'kube-system', name: 'aws-node' },
  'aws-ebs-csi-driver': { namespace: 'kube-system', name: 'ebs-csi-controller-sa' },
  'aws-efs-csi-driver': { namespace: 'kube-system', name: 'efs-csi-controller-sa' },
  'aws-fsx-csi-driver': { namespace: 'kube-system', name: 'fsx-csi-controller-sa' },
  'aws-mountpoint-s3-csi-driver': { namespace: 'kube-system', name: 's3-csi-driver-sa' },
  'amazon-cloudwatch-observability': { namespace: 'amazon-cloudwatch', name: 'cloudwatch-agent' },
};

export const addonRolesPass: LinkPass = {
  rule: 'J41',
  description: 'Addon roles to the addon service accounts (Addon uses ServiceAccount assumes IamRole)',
  run(graph, ctx) {
    for (const addon of graph.ofKind('Addon')) {
      const known = own(ADDON_SERVICE_ACCOUNTS, addon.name);
      const role = graph.relationsFrom(addon.id, 'assumes').map((r) => graph.get(r.to)).find((e): e is Entity => e?.kind === 'IamRole');
      if (!known || !role) continue;
      const namespace = propString(addon, 'namespace') ?? known.namespace;
      const saId = k8sId('ServiceAccount', namespace, known.name);
      const confidence = graph.has(saId) ? confirm(graph, graph.get(saId), addon, role, ctx) : create(graph, addon, saId, namespace, known.name);
      if (!confidence) continue;
      graph.addRelation({ type: 'uses', from: addon.id, to: saId, confidence, rule: 'J41' });
      graph.addRelation({ type: 'assumes', from: saId, to: role.id, confidence, rule: 'J41' });
    }
  },
};

/** High when the account's annotation names the addon's role, medium without one, `undefined` (warned) when it names another. */
function confirm(graph: ModelGraph, sa: Entity | undefined, addon: Entity, role: Entity, ctx: PassContext): Confidence | undefined {
  const annotated = sa ? propString(sa, 'roleArn') : undefined;
  if (!sa || annotated === undefined) return 'medium';
  const declared = propString(addon, 'serviceAccountRoleArn') ?? propString(role, 'arn');
  const joined = graph.relationsFrom(sa.id, 'assumes').some((r) => r.rule === 'J38' && graph.resolve(r.to) === role.id);
  if (joined || annotated === declared || (declared !== undefined && sameRoleName(annotated, declared))) return 'high';
  const src = firstSource(sa);
  if (src) ctx.sink.warning('link/addon-role-mismatch', src.file, src.line, `ServiceAccount ${sa.id} is annotated with ${annotated} but addon ${addon.name} declares role ${declared ?? role.name} for it (J41)`);
  return undefined;
}

function sameRoleName(a: string, b: string): boolean {
  const x = roleFromArn(a);
  const y = roleFromArn(b);
  return x !== undefined && y !== undefined && x.name === y.name && x.account === y.account;
}

function create(graph: ModelGraph, addon: Entity, id: string, namespace: string, name: string): Confidence | undefined {
  const source = firstSource(addon);
  if (!source) return undefined;
  graph.addEntity(makeEntity({ id, kind: 'ServiceAccount', name, namespace, defaulted: ['@entity'], source }));
  return 'medium';
}
