import { propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';

/** DAT-03: literal values in env vars whose names look secret (the values themselves were dropped). */
export default defineRule({
  id: 'k8s/secret-literal-env',
  check: 'DAT-03',
  severity: 'warning',
  description: 'An env var whose name looks secret has a literal value in the manifest.',
  appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'],
  run(entity, ctx) {
    if (entity.kind === 'Pod' && typeof entity.props['ownerKind'] === 'string') return;
    const names = propStrings(entity, 'secretLikeEnv');
    if (names.length > 0) {
      ctx.report(entity, `${entity.kind} ${entity.namespace ?? ''}/${entity.name}: literal value for ${names.join(', ')} (use a Secret)`);
    }
  },
});
