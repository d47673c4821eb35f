import type { Entity } from '../../model/entity.js';
import type { ModelGraph } from '../../model/graph.js';
import { clusterId } from '../../model/ids.js';
import { propBoolean, propString, propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * IAM-06: IRSA is used but no OIDC provider is declared: an eksctl cluster with `iam.withOIDC` false
 * (declared, or eksctl's default) while no input declares an `AWS::IAM::OIDCProvider`. Evidence of
 * IRSA for the cluster: IRSA roles of its own ClusterConfig (roles with `:sub` subjects from
 * `iam.serviceAccounts`, including `roleOnly` ones), or — when it is the only cluster in the inputs
 * (DOMAIN.md J1) — a ServiceAccount whose role-arn annotation J38 joined to a role. Clusters known
 * only from CloudFormation or node labels carry no `withOIDC` and are not judged.
 */
export default defineRule({
  id: 'iam/irsa-without-oidc',
  check: 'IAM-06',
  severity: 'warning',
  description: 'IRSA is used but the cluster has no IAM OIDC provider (iam.withOIDC is false and no AWS::IAM::OIDCProvider is declared).',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (propBoolean(cluster, 'withOIDC') !== false) return;
    const files = new Set(cluster.sources.filter((s) => s.format === 'eksctl').map((s) => s.file));
    if (files.size === 0) return;
    const facts = factsOf(ctx.graph);
    if (facts.oidcProviders > 0) return;
    const own = facts.eksctlIrsaRoles.filter((r) => r.sources.some((s) => files.has(s.file)));
    const annotated = facts.onlyCluster === cluster.id ? facts.annotatedAccounts : [];
    if (own.length === 0 && annotated.length === 0) return;
    const evidence = own.length > 0 ? `the ClusterConfig declares IRSA roles for ${listed(subjects(own))}` : `${annotated.length === 1 ? 'ServiceAccount' : 'ServiceAccounts'} ${listed(annotated.map((sa) => `${sa.namespace ?? ''}/${sa.name}`))} ${annotated.length === 1 ? 'assumes an IAM role' : 'assume IAM roles'} through IRSA`;
    ctx.report(cluster, `cluster ${cluster.name}: ${evidence}, but iam.withOIDC is ${cluster.defaulted.includes('withOIDC') ? 'unset (default false)' : 'false'} and no AWS::IAM::OIDCProvider is declared`);
  },
});

interface Facts {
  readonly oidcProviders: number;
  /** IamRoles with IRSA subjects that an eksctl file declares. */
  readonly eksctlIrsaRoles: readonly Entity[];
  /** ServiceAccounts whose role-arn annotation J38 joined to a role, sorted by id. */
  readonly annotatedAccounts: readonly Entity[];
  /** The id of the only cluster that a CloudFormation or eksctl input declares. */
  readonly onlyCluster: string | undefined;
}

const cache = new WeakMap<ModelGraph, Facts>();

function factsOf(graph: ModelGraph): Facts {
  const hit = cache.get(graph);
  if (hit) return hit;
  const oidcProviders = graph.ofKind('AwsResource').filter((r) => propString(r, 'cfnType') === 'AWS::IAM::OIDCProvider').length;
  const eksctlIrsaRoles = graph.ofKind('IamRole').filter((r) => propStrings(r, 'oidcSubjects').length > 0 && r.sources.some((s) => s.format === 'eksctl'));
  const annotatedAccounts = graph.ofKind('ServiceAccount').filter((sa) => graph.relationsFrom(sa.id, 'assumes').some((r) => r.rule === 'J38'));
  const declared = graph.ofKind('Cluster').filter((c) => c.id === clusterId(c.name) && c.sources.some((s) => s.format !== 'kubernetes'));
  const facts: Facts = { oidcProviders, eksctlIrsaRoles, annotatedAccounts, onlyCluster: declared.length === 1 ? declared[0]?.id : undefined };
  cache.set(graph, facts);
  return facts;
}

/** `ns/name` of the IRSA subjects of the roles, sorted and unique. */
function subjects(roles: readonly Entity[]): string[] {
  return [...new Set(roles.flatMap((r) => propStrings(r, 'oidcSubjects').map((s) => s.replace(/^system:serviceaccount:/, '').replace(':', '/'))))].sort();
}

/** The first three names, then how many more. */
function listed(names: readonly string[]): string {
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
}
