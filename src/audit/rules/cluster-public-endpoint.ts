import { propBoolean } from '../../model/read.js';
import { defineRule } from '../rule.js';

/**
 * NET-01: the API endpoint is reachable from the whole internet. An access flag that is a placeholder
 * (an unresolved parameter, an undecided `Fn::If`) or CIDRs that are not all known make the check
 * indeterminate (DOMAIN.md B.10); findings have no indeterminate form, so none is reported, unless a
 * known `0.0.0.0/0` already opens the endpoint.
 */
export default defineRule({
  id: 'eks/public-endpoint-open',
  check: 'NET-01',
  severity: 'warning',
  description: 'The cluster API endpoint is public and not restricted by publicAccessCidrs.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (propBoolean(cluster, 'endpointPublicAccess') !== true) return;
    const cidrs = cluster.props['publicAccessCidrs'] ?? [];
    // A whole list that is a placeholder: indeterminate.
    if (!Array.isArray(cidrs)) return;
    // No CIDR is the API default, 0.0.0.0/0; unknown entries do not count as none.
    if (cidrs.length === 0 || cidrs.includes('0.0.0.0/0')) {
      ctx.report(cluster, `cluster ${cluster.name}: public API endpoint open to 0.0.0.0/0`);
    }
  },
});
