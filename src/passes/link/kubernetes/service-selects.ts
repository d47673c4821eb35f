/**
 * J25: Service `selects` the Pods whose labels its selector matches (High) and the top-level
 * workloads whose pod-template labels it matches (Medium), in the Service's namespace. Indexed by
 * namespace + label. At most MAX_SELECTOR_MATCHES relations (see MatchBudget).
 */
import { propMap } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { isTopLevel, LabelIndex, MatchBudget, WORKLOAD_KINDS } from './k8s-index.js';

export const serviceSelectsPass: LinkPass = {
  rule: 'J25',
  description: 'Services to the pods and workloads their selector matches',
  run(graph, ctx) {
    const services = graph.ofKind('Service').filter((s) => Object.keys(propMap(s, 'selector')).length > 0);
    if (services.length === 0) return;
    const keys = new Set(services.flatMap((s) => Object.keys(propMap(s, 'selector'))));
    const pods = new LabelIndex(graph, ['Pod'], (e) => propMap(e, 'labels'), keys);
    const workloads = new LabelIndex(graph, WORKLOAD_KINDS, (e) => (isTopLevel(e) ? propMap(e, 'templateLabels') : {}), keys);
    const budget = new MatchBudget();
    for (const svc of services) {
      if (!budget.open) {
        budget.skip(svc);
        continue;
      }
      const sel = { labels: propMap(svc, 'selector'), expressions: [] };
      const ns = svc.namespace ?? '';
      const selectedPods = pods.select(ns, sel);
      const selectedWorkloads = workloads.select(ns, sel).filter(isTopLevel);
      if (!budget.take(svc, selectedPods.length + selectedWorkloads.length)) continue;
      for (const pod of selectedPods) graph.addRelation({ type: 'selects', from: svc.id, to: pod.id, confidence: 'high', rule: 'J25' });
      for (const w of selectedWorkloads) graph.addRelation({ type: 'selects', from: svc.id, to: w.id, confidence: 'medium', rule: 'J25' });
    }
    budget.report(ctx.sink, 'J25');
  },
};
