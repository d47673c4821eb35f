import { cmp } from '../../core/order.js';
import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { k8sId } from '../../model/ids.js';
import { propBoolean, propString, propStrings } from '../../model/read.js';
import { defineRule, type RuleContext } from '../rule.js';
import { describeSubject, firstTime, POD_SPEC_KINDS, subjectOf } from './pod-subject.js';

const AGENT = 'eks-pod-identity-agent';

/**
 * IAM-08: pod identity associations that cannot give credentials. (1) A cluster has associations
 * (CloudFormation `AWS::EKS::PodIdentityAssociation` of the cluster; the cluster's prop
 * `podIdentityAssociations`: eksctl `iam.podIdentityAssociations`, `addons[].podIdentityAssociations`)
 * but no `eks-pod-identity-agent`: no addon of that name for the cluster and no
 * `kube-system/eks-pod-identity-agent` DaemonSet in the inputs; Auto Mode clusters run the agent themselves and are not judged. (2) A pod or workload that
 * a Fargate profile takes (J18/J19) uses a ServiceAccount that an association of the profile's
 * cluster names: Fargate pods cannot use EKS Pod Identity. Associations and profiles whose cluster is
 * a placeholder are not judged.
 */
export default defineRule({
  id: 'eks/pod-identity-without-agent',
  check: 'IAM-08',
  severity: 'warning',
  description: 'Pod identity associations cannot work: no eks-pod-identity-agent addon, or the pods run on Fargate.',
  appliesTo: ['Cluster', 'FargateProfile'],
  run(entity, ctx) {
    if (entity.kind === 'Cluster') checkCluster(entity, ctx);
    else checkFargate(entity, ctx);
  },
});

function checkCluster(cluster: Entity, ctx: RuleContext): void {
  if (propBoolean(cluster, 'autoMode') === true) return;
  const accounts = associationsOf(cluster, ctx.graph);
  if (accounts.length === 0 || hasAgent(cluster, ctx.graph)) return;
  const shown = accounts.slice(0, 3).join(', ') + (accounts.length > 3 ? ` and ${accounts.length - 3} more` : '');
  ctx.report(cluster, `cluster ${cluster.name}: pod identity associations for ${shown}, but no ${AGENT} addon is declared; without the agent on the nodes those pods get no credentials`);
}

function checkFargate(profile: Entity, ctx: RuleContext): void {
  const cluster = ctx.graph.get(propString(profile, 'cluster') ?? '');
  const associated = new Set(cluster?.kind === 'Cluster' ? associationsOf(cluster, ctx.graph) : []);
  if (associated.size === 0) return;
  for (const rel of ctx.graph.relationsTo(profile.id, 'runs-on')) {
    const e = ctx.graph.get(rel.from);
    if (!e || !POD_SPEC_KINDS.includes(e.kind)) continue;
    const sa = ctx.relations.from(e.id, 'uses').map((r) => ctx.graph.get(r.to)).find((t) => t?.kind === 'ServiceAccount' && associated.has(`${t.namespace ?? ''}/${t.name}`));
    if (!sa) continue;
    const subject = subjectOf(ctx, e);
    if (!firstTime(ctx, subject.key)) continue;
    const how = rel.confidence === 'high' ? 'runs on' : 'is selected by';
    ctx.report(subject.entity, `${describeSubject(subject)} ${how} Fargate profile ${profile.name}, but its ServiceAccount ${sa.namespace ?? ''}/${sa.name} gets its IAM role through a pod identity association, which Fargate pods cannot use`);
  }
}

/** `ns/name` of the service accounts the cluster's own associations name, sorted and unique. */
function associationsOf(cluster: Entity, graph: ModelGraph): string[] {
  const out = new Set<string>();
  for (const pia of graph.ofKind('AwsResource')) {
    if (propString(pia, 'cfnType') !== 'AWS::EKS::PodIdentityAssociation' || propString(pia, 'cluster') !== cluster.id) continue;
    const namespace = propString(pia, 'namespace');
    const name = propString(pia, 'serviceAccount');
    if (namespace !== undefined && name !== undefined) out.add(`${namespace}/${name}`);
  }
  for (const account of propStrings(cluster, 'podIdentityAssociations')) out.add(account);
  return [...out].sort(cmp);
}

function hasAgent(cluster: Entity, graph: ModelGraph): boolean {
  if (graph.has(k8sId('DaemonSet', 'kube-system', AGENT))) return true;
  return graph.ofKind('Addon').some((a) => a.name === AGENT && propString(a, 'cluster') === cluster.id);
}
