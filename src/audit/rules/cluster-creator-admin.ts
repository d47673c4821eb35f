import { defineRule } from '../rule.js';

/**
 * IAM-10: the IAM principal that created the cluster keeps cluster-admin through the access entry
 * EKS makes for it (`AccessConfig.BootstrapClusterCreatorAdminPermissions` true, or unset: the API
 * default). Only declaring sources (CloudFormation, eksctl) set the prop, so a cluster known only
 * from Kubernetes objects is not judged; a value that is not a literal (an unresolved `!Ref`) is not
 * reported.
 */
export default defineRule({
  id: 'eks/cluster-creator-admin',
  check: 'IAM-10',
  severity: 'info',
  description: 'The IAM principal that creates the cluster keeps cluster-admin (bootstrapClusterCreatorAdminPermissions true or unset).',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (cluster.props['bootstrapClusterCreatorAdminPermissions'] !== true) return;
    const how = cluster.defaulted.includes('bootstrapClusterCreatorAdminPermissions') ? 'is not set: the API default is true' : 'is true';
    ctx.report(cluster, `cluster ${cluster.name}: the IAM principal that creates it keeps cluster-admin; bootstrapClusterCreatorAdminPermissions ${how}`);
  },
});
