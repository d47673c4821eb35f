import { defineRule } from '../rule.js';

/**
 * LOG-01: control-plane audit logs are not exported. Enabled types that are not all known (a
 * placeholder list, an undecided `Fn::If` entry) make the check indeterminate (DOMAIN.md B.10) unless
 * a known type already enables audit logs; findings have no indeterminate form, so none is reported.
 */
export default defineRule({
  id: 'eks/audit-logging',
  check: 'LOG-01',
  severity: 'warning',
  description: 'Control-plane audit logging is not enabled.',
  appliesTo: ['Cluster'],
  run(cluster, ctx) {
    if (!cluster.sources.some((s) => s.format !== 'kubernetes')) return;
    const logging = cluster.props['logging'] ?? [];
    if (!Array.isArray(logging)) return;
    const types = logging.map((l) => (typeof l === 'string' ? l.toLowerCase() : undefined));
    if (types.includes('audit') || types.includes('all') || types.includes('*')) return;
    if (types.includes(undefined)) return;
    ctx.report(cluster, `cluster ${cluster.name}: control-plane audit logs are not enabled`);
  },
});
