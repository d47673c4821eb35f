import { propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';

/** LOG-01: control-plane audit logs are not exported. */
export default defineRule({
  id: 'eks/audit-logging',
  check: 'LOG-01',
  severity: 'warning',
  description: 'Control-plane audit logging is not enabled.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (!cluster.sources.some((s) => s.format !== 'kubernetes')) return;
    const logs = propStrings(cluster, 'logging').map((l) => l.toLowerCase());
    if (!logs.includes('audit') && !logs.includes('all') && !logs.includes('*')) {
      ctx.report(cluster, `cluster ${cluster.name}: control-plane audit logs are not enabled`);
    }
  },
});
