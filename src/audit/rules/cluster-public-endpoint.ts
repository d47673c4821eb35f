import { propBoolean, propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';

/** NET-01: the API endpoint is reachable from the whole internet. */
export default defineRule({
  id: 'eks/public-endpoint-open',
  check: 'NET-01',
  severity: 'warning',
  description: 'The cluster API endpoint is public and not restricted by publicAccessCidrs.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (propBoolean(cluster, 'endpointPublicAccess') !== true) return;
    const cidrs = propStrings(cluster, 'publicAccessCidrs');
    if (cidrs.length === 0 || cidrs.includes('0.0.0.0/0')) {
      ctx.report(cluster, `cluster ${cluster.name}: public API endpoint open to 0.0.0.0/0`);
    }
  },
});
