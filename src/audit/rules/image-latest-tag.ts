import type { PropValue } from '../../model/entity.js';
import { defineRule } from '../rule.js';

/** POD-08: an image with `:latest` or no tag and no digest. */
export default defineRule({
  id: 'k8s/image-latest',
  check: 'POD-08',
  severity: 'warning',
  description: 'A container image uses the latest tag, or no tag and no digest.',
  appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'],
  run(entity, ctx) {
    // Pods owned by a workload are reported through their owner.
    if (entity.kind === 'Pod' && typeof entity.props['ownerKind'] === 'string') return;
    for (const image of images(entity.props['containers'])) {
      if (isFloating(image)) {
        ctx.report(entity, `${entity.kind} ${entity.namespace ?? ''}/${entity.name}: image ${image} is not pinned (latest or no tag)`);
      }
    }
  },
});

function images(containers: PropValue | undefined): string[] {
  if (!Array.isArray(containers)) return [];
  const out: string[] = [];
  for (const c of containers as readonly PropValue[]) {
    if (c && typeof c === 'object' && !Array.isArray(c)) {
      const image = (c as { readonly [k: string]: PropValue })['image'];
      if (typeof image === 'string') out.push(image);
    }
  }
  return out;
}

/** `nginx`, `nginx:latest`, `registry:5000/app` are floating; `app:1.2`, `app@sha256:…` are pinned. */
export function isFloating(image: string): boolean {
  if (image.includes('@')) return false;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 || lastSegment.slice(colon + 1) === 'latest';
}
