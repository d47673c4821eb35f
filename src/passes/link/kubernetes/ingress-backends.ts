/**
 * J28: Ingress `routes-to` the Services named by its rules' backends and its default backend, in the
 * Ingress namespace (exact, High). A backend whose Service is missing is recorded in `danglingRefs`.
 */
import type { PropValue } from '../../../model/entity.js';
import { k8sId } from '../../../model/ids.js';
import type { LinkPass } from '../../types.js';
import { addDangling } from './k8s-index.js';

export const ingressBackendsPass: LinkPass = {
  rule: 'J28',
  description: 'Ingresses to the Services of their backends (rules and defaultBackend)',
  run(graph) {
    for (const ing of graph.ofKind('Ingress')) {
      for (const name of backendServices(ing.props['backends'])) {
        const svc = graph.get(k8sId('Service', ing.namespace, name));
        if (svc) graph.addRelation({ type: 'routes-to', from: ing.id, to: svc.id, confidence: 'high', rule: 'J28' });
        else addDangling(ing, `Service/${name}`);
      }
    }
  },
};

function backendServices(v: PropValue | undefined): string[] {
  if (!Array.isArray(v)) return [];
  const out = new Set<string>();
  for (const b of v as readonly PropValue[]) {
    if (b && typeof b === 'object' && !Array.isArray(b)) {
      const name = (b as { readonly [k: string]: PropValue })['service'];
      if (typeof name === 'string') out.add(name);
    }
  }
  return [...out].sort();
}
