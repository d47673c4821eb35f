import { defineRule } from '../rule.js';

/** IAM-04: a ServiceAccount assumes a role that no template or eksctl file defines. */
export default defineRule({
  id: 'iam/external-irsa-role',
  check: 'IAM-04',
  severity: 'info',
  description: 'A ServiceAccount is annotated with an IAM role that is defined in no input.',
  appliesTo: ['ServiceAccount'],
  run(sa, ctx) {
    for (const r of ctx.graph.relationsFrom(sa.id, 'assumes')) {
      const role = ctx.graph.get(r.to);
      if (role && role.props['external'] === true) {
        ctx.report(sa, `ServiceAccount ${sa.namespace ?? ''}/${sa.name} assumes ${role.name}, which no input defines`);
      }
    }
  },
});
