/** J22: Pod `runs-on` Node by `spec.nodeName` (exact, High). */
import { k8sId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';

export const podNodePass: LinkPass = {
  rule: 'J22',
  description: 'Pods to the nodes they run on (spec.nodeName)',
  run(graph) {
    for (const pod of graph.ofKind('Pod')) {
      const nodeName = propString(pod, 'nodeName');
      if (!nodeName) continue;
      const node = graph.get(k8sId('Node', undefined, nodeName));
      if (node) graph.addRelation({ type: 'runs-on', from: pod.id, to: node.id, confidence: 'high', rule: 'J22' });
    }
  },
};
