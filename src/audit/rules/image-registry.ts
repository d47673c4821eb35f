import { cmp } from '../../core/order.js';
import { defineRule } from '../rule.js';
import { containerImages, describeSubject, firstTime, POD_SPEC_KINDS, seenIn, subjectOf } from './pod-subject.js';

/** Amazon ECR, private (`<account>.dkr.ecr.<region>.amazonaws.com`, `.com.cn` in China) and public. */
const ECR_PRIVATE = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;
const ECR_PUBLIC = 'public.ecr.aws';

/**
 * POD-09: a container image comes from a registry outside the allow-list, which is Amazon ECR:
 * private registries (`<account>.dkr.ecr.<region>.amazonaws.com`, where the EKS add-ons' images live
 * too) and ECR Public. An image without a registry host is Docker Hub's (`docker.io`). Reported once
 * per top owner (pod-subject.ts), listing its images by registry. Informational (CIS 5.1.4: use only
 * approved registries; which ones are approved is the organisation's choice).
 */
export default defineRule({
  id: 'k8s/image-registry-not-allowed',
  check: 'POD-09',
  severity: 'info',
  description: 'A container image comes from a registry other than Amazon ECR (private or Public).',
  appliesTo: POD_SPEC_KINDS,
  skipOwned: true,
  run(entity, ctx) {
    const outside = [...new Set(containerImages(entity))].filter((image) => !isAllowed(registryOf(image))).sort(cmp);
    if (outside.length === 0) return;
    const subject = subjectOf(ctx, entity);
    if (!firstTime(ctx, subject.key)) return;
    const registries = [...new Set(outside.map(registryOf))].sort(cmp);
    ctx.report(subject.entity, `${describeSubject(subject)}: ${outside.length === 1 ? 'image' : 'images'} ${outside.join(', ')} from ${registries.join(', ')}, outside Amazon ECR${seenIn(subject, entity)}`);
  },
});

/** The registry host of an image reference: its first path segment when that names a host, else Docker Hub. */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

function isAllowed(registry: string): boolean {
  return registry === ECR_PUBLIC || ECR_PRIVATE.test(registry);
}
