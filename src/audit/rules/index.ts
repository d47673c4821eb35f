/** Every audit rule, by id. Add a rule: one file in this folder, one line here. */
import type { AuditRule } from '../rule.js';
import clusterAuditLogging from './cluster-audit-logging.js';
import clusterPublicEndpoint from './cluster-public-endpoint.js';
import clusterSecretsEncryption from './cluster-secrets-encryption.js';
import externalIrsaRole from './external-irsa-role.js';
import iamAdminPolicy from './iam-admin-policy.js';
import imageLatestTag from './image-latest-tag.js';
import secretLikeEnv from './secret-like-env.js';

export const RULES: readonly AuditRule[] = [
  clusterAuditLogging,
  clusterPublicEndpoint,
  clusterSecretsEncryption,
  externalIrsaRole,
  iamAdminPolicy,
  imageLatestTag,
  secretLikeEnv,
];
