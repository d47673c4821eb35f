import { propBoolean } from '../../model/read.js';
import { defineRule } from '../rule.js';

/** DAT-01: Kubernetes Secrets are not envelope-encrypted with KMS. */
export default defineRule({
  id: 'eks/secrets-encryption',
  check: 'DAT-01',
  severity: 'warning',
  description: 'No KMS envelope encryption is configured for Kubernetes Secrets.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    // Only judge clusters that a declaring source (CloudFormation/eksctl) describes.
    if (!cluster.sources.some((s) => s.format !== 'kubernetes')) return;
    if (propBoolean(cluster, 'secretsEncryption') !== true) {
      ctx.report(cluster, `cluster ${cluster.name}: Secrets are not encrypted with a KMS key`);
    }
  },
});
