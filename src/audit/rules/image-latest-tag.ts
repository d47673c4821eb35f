import { defineRule } from '../rule.js';
import { containerImages, describeSubject, firstTime, POD_SPEC_KINDS, seenIn, subjectOf } from './pod-subject.js';

/**
 * POD-08: an image with `:latest` or no tag and no digest. Reported once per top owner and image
 * (pod-subject.ts): a workload's pods say what its template says, and the pods of an owner that is
 * not in the inputs (a dump of pods only) give one finding per owner, not one per pod.
 */
export default defineRule({
  id: 'k8s/image-latest',
  check: 'POD-08',
  severity: 'warning',
  description: 'A container image uses the latest tag, or no tag and no digest.',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    const floating = containerImages(entity).filter(isFloating);
    if (floating.length === 0) return;
    const subject = subjectOf(ctx, entity);
    for (const image of [...new Set(floating)]) {
      if (!firstTime(ctx, `${subject.key}\u0000${image}`)) continue;
      ctx.report(subject.entity, `${describeSubject(subject)}: image ${image} is not pinned (latest or no tag)${seenIn(subject, entity)}`);
    }
  },
});

/** `nginx`, `nginx:latest`, `registry:5000/app` are floating; `app:1.2`, `app@sha256:…` are pinned. */
export function isFloating(image: string): boolean {
  if (image.includes('@')) return false;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 || lastSegment.slice(colon + 1) === 'latest';
}
