import { propString } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * IAM-11: the cluster authenticates through the `aws-auth` ConfigMap only (`CONFIG_MAP`), which is
 * deprecated in favour of access entries. An unset CloudFormation `AccessConfig.AuthenticationMode`
 * counts: the model holds the API default `CONFIG_MAP`, listed in `defaulted` (eksctl's default is
 * `API_AND_CONFIG_MAP`). A placeholder mode is unknown: no finding.
 */
export default defineRule({
  id: 'iam/config-map-auth-mode',
  check: 'IAM-11',
  severity: 'info',
  description: 'The cluster authentication mode is CONFIG_MAP only (the deprecated aws-auth ConfigMap, no access entries).',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (!cluster.sources.some((s) => s.format !== 'kubernetes')) return;
    if (propString(cluster, 'authenticationMode') !== 'CONFIG_MAP') return;
    const how = cluster.defaulted.includes('authenticationMode') ? 'CONFIG_MAP (the default: no mode is set)' : 'CONFIG_MAP';
    ctx.report(cluster, `cluster ${cluster.name}: authentication mode is ${how}; access entries cannot be used`);
  },
});
