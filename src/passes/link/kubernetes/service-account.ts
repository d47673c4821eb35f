/**
 * J37: Pod (and top-level workload) `uses` its ServiceAccount (`serviceAccountName`, default
 * `default`) in its namespace (exact, High). Only when the ServiceAccount is in the inputs.
 */
import { k8sId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { isTopLevel, WORKLOAD_KINDS } from './k8s-index.js';

export const serviceAccountPass: LinkPass = {
  rule: 'J37',
  description: 'Pods and workloads to their ServiceAccount',
  run(graph) {
    for (const kind of ['Pod', ...WORKLOAD_KINDS] as const) {
      for (const e of graph.ofKind(kind)) {
        if (kind !== 'Pod' && !isTopLevel(e)) continue;
        const sa = graph.get(k8sId('ServiceAccount', e.namespace, propString(e, 'serviceAccount') ?? 'default'));
        if (sa) graph.addRelation({ type: 'uses', from: e.id, to: sa.id, confidence: 'high', rule: 'J37' });
      }
    }
  },
};
