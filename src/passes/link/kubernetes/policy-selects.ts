/**
 * J27: HorizontalPodAutoscaler `selects` its scale target (kind + name, High); PodDisruptionBudget
 * (`spec.selector`) and NetworkPolicy (`spec.podSelector`) `select` the top-level workloads whose
 * pod-template labels match, in their namespace (High), at most MAX_SELECTOR_MATCHES of them.
 */
import { k8sId } from '../../../model/ids.js';
import { isEntityKind } from '../../../model/kinds.js';
import { propMap, propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { isTopLevel, LabelIndex, MatchBudget, selectorOf, WORKLOAD_KINDS } from './k8s-index.js';

export const policySelectsPass: LinkPass = {
  rule: 'J27',
  description: 'HPA, PDB and NetworkPolicy to the workloads they apply to',
  run(graph, ctx) {
    for (const hpa of graph.ofKind('HorizontalPodAutoscaler')) {
      const kind = propString(hpa, 'scaleTargetKind');
      const name = propString(hpa, 'scaleTargetName');
      if (!kind || !name || !isEntityKind(kind)) continue;
      const target = graph.get(k8sId(kind, hpa.namespace, name));
      if (target) graph.addRelation({ type: 'selects', from: hpa.id, to: target.id, confidence: 'high', rule: 'J27' });
    }
    const policies = [
      ...graph.ofKind('PodDisruptionBudget').map((e) => ({ e, sel: selectorOf(e, 'selector', 'selectorExpressions') })),
      ...graph.ofKind('NetworkPolicy').map((e) => ({ e, sel: selectorOf(e, 'podSelector', 'podSelectorExpressions') })),
    ];
    if (policies.length === 0) return;
    const workloads = new LabelIndex(graph, WORKLOAD_KINDS, (e) => (isTopLevel(e) ? propMap(e, 'templateLabels') : {}));
    const budget = new MatchBudget();
    for (const { e, sel } of policies) {
      if (!sel) continue;
      if (!budget.open) {
        budget.skip(e);
        continue;
      }
      const selected = workloads.select(e.namespace ?? '', sel).filter(isTopLevel);
      if (!budget.take(e, selected.length)) continue;
      for (const w of selected) graph.addRelation({ type: 'selects', from: e.id, to: w.id, confidence: 'high', rule: 'J27' });
    }
    budget.report(ctx.sink, 'J27');
  },
};
