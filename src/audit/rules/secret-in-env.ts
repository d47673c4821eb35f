import { propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { describeSubject, firstTime, POD_SPEC_KINDS, seenIn, subjectOf } from './pod-subject.js';

/**
 * DAT-02: a pod template reads Secrets into environment variables (`env[].valueFrom.secretKeyRef`,
 * `envFrom[].secretRef`). Env vars leak into logs, crash dumps and child processes, and do not
 * change when the Secret rotates; a volume mount avoids both. Reported once per top owner
 * (pod-subject.ts), listing the Secrets.
 */
export default defineRule({
  id: 'k8s/secret-in-env',
  check: 'DAT-02',
  severity: 'info',
  description: 'A pod or workload reads a Secret into environment variables instead of mounting it.',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    const secrets = propStrings(entity, 'envSecretRefs');
    if (secrets.length === 0) return;
    const subject = subjectOf(ctx, entity);
    if (!firstTime(ctx, subject.key)) return;
    const which = secrets.length === 1 ? `Secret ${secrets[0] ?? ''} is` : `Secrets ${secrets.join(', ')} are`;
    ctx.report(subject.entity, `${describeSubject(subject)}: ${which} read into environment variables (mount them as a volume)${seenIn(subject, entity)}`);
  },
});
