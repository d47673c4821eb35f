import { propStrings } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { describeSubject, firstTime, POD_SPEC_KINDS, seenIn, subjectOf } from './pod-subject.js';

/**
 * DAT-03: literal values in env vars whose names look secret (the values themselves were dropped at
 * ingestion; only the names are kept). Reported once per top owner (pod-subject.ts), so the pods of
 * an owner that is not in the inputs give one finding, not one per pod.
 */
export default defineRule({
  id: 'k8s/secret-literal-env',
  check: 'DAT-03',
  severity: 'warning',
  description: 'An env var whose name looks secret has a literal value in the manifest.',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    const names = propStrings(entity, 'secretLikeEnv');
    if (names.length === 0) return;
    const subject = subjectOf(ctx, entity);
    if (!firstTime(ctx, subject.key)) return;
    ctx.report(subject.entity, `${describeSubject(subject)}: literal value for ${names.join(', ')} (use a Secret)${seenIn(subject, entity)}`);
  },
});
