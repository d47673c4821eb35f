import { defineRule } from '../rule.js';

/**
 * DAT-01: Kubernetes Secrets are not envelope-encrypted with KMS. A `secretsEncryption` that is a
 * placeholder (an undecided `Fn::If` around `EncryptionConfig`) makes the check indeterminate
 * (DOMAIN.md B.10); findings have no indeterminate form, so none is reported.
 */
export default defineRule({
  id: 'eks/secrets-encryption',
  check: 'DAT-01',
  severity: 'warning',
  description: 'No KMS envelope encryption is configured for Kubernetes Secrets.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    // Only judge clusters that a declaring source (CloudFormation/eksctl) describes.
    if (!cluster.sources.some((s) => s.format !== 'kubernetes')) return;
    const encrypted = cluster.props['secretsEncryption'];
    if (encrypted === undefined || encrypted === false) {
      ctx.report(cluster, `cluster ${cluster.name}: Secrets are not encrypted with a KMS key`);
    }
  },
});
