/**
 * J18/J19: Fargate placement.
 *
 * - J18 (observed, high): a pod labelled `eks.amazonaws.com/fargate-profile=<P>` `runs-on` the
 *   FargateProfile named P (`Pod runs-on FargateProfile`, the same relation as `Pod runs-on Node`:
 *   the profile is the capacity the pod runs on). The Fargate node it runs on (compute type
 *   `fargate`) is `member-of` that profile, like an EC2 node is `member-of` its node group.
 * - J19 (predicted, medium): pods without that label and not on an EC2 node, and top-level workloads
 *   (their pod template), are matched against the profiles' selectors: namespace and every selector
 *   label must match, `*` and `?` are wildcards; of several matching profiles the alphabetically
 *   first name wins (EKS's documented precedence). The Fargate node of such a pod is then
 *   `member-of` the profile with the same medium confidence.
 *
 * Profiles are looked up by name (unique across the model, else within the pod's cluster when only
 * one cluster exists). Selectors are evaluated once per namespace, never per pod × profile.
 */
import { compileGlob, type Glob } from '../../../core/glob.js';
import { cmp } from '../../../core/order.js';
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sId } from '../../../model/ids.js';
import { propMap, propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { isTopLevel, WORKLOAD_KINDS } from '../kubernetes/k8s-index.js';
import { isPropMap, propRecords, pushTo } from './lookup.js';

export interface ProfileSelector {
  readonly profile: Entity;
  readonly namespace: Glob;
  readonly labels: readonly { key: Glob; value: Glob }[];
}

export const fargatePass: LinkPass = {
  rule: 'J18',
  description: 'Fargate pods and nodes to their Fargate profile (J18 label, J19 selector prediction)',
  run(graph) {
    const profiles = graph.ofKind('FargateProfile');
    if (profiles.length === 0) return;
    const byName = new Map<string, Entity[]>();
    for (const p of profiles) pushTo(byName, p.name, p);
    const selectors = readSelectors(profiles);
    const perNamespace = new Map<string, ProfileSelector[]>();
    const candidatesIn = (ns: string): ProfileSelector[] => {
      let list = perNamespace.get(ns);
      if (!list) perNamespace.set(ns, (list = selectors.filter((s) => s.namespace.test(ns))));
      return list;
    };
    const nodeProfile = new Map<string, { profile: string; confidence: 'high' | 'medium' }>();
    for (const pod of graph.ofKind('Pod')) {
      const named = propString(pod, 'fargateProfile');
      const nodeName = propString(pod, 'nodeName');
      const node = nodeName === undefined ? undefined : graph.get(k8sId('Node', undefined, nodeName));
      if (named) {
        const profile = uniqueProfile(byName.get(named));
        if (!profile) continue;
        graph.addRelation({ type: 'runs-on', from: pod.id, to: profile.id, confidence: 'high', rule: 'J18' });
        if (node && propString(node, 'computeType') === 'fargate') nodeProfile.set(node.id, { profile: profile.id, confidence: 'high' });
        continue;
      }
      // On an EC2 node (or a node named like one): not Fargate, whatever the selectors say.
      if (node ? propString(node, 'computeType') !== 'fargate' : nodeName !== undefined && !nodeName.startsWith('fargate-')) continue;
      const predicted = predict(candidatesIn(pod.namespace ?? 'default'), propMap(pod, 'labels'));
      if (!predicted) continue;
      graph.addRelation({ type: 'runs-on', from: pod.id, to: predicted.id, confidence: 'medium', rule: 'J19' });
      if (node && !nodeProfile.has(node.id)) nodeProfile.set(node.id, { profile: predicted.id, confidence: 'medium' });
    }
    for (const [node, p] of nodeProfile) graph.addRelation({ type: 'member-of', from: node, to: p.profile, confidence: p.confidence, rule: p.confidence === 'high' ? 'J18' : 'J19' });
    linkWorkloads(graph, candidatesIn);
  },
};

function linkWorkloads(graph: ModelGraph, candidatesIn: (ns: string) => ProfileSelector[]): void {
  for (const kind of WORKLOAD_KINDS) {
    for (const w of graph.ofKind(kind)) {
      if (!isTopLevel(w) || kind === 'DaemonSet') continue;
      const predicted = predict(candidatesIn(w.namespace ?? 'default'), propMap(w, 'templateLabels'));
      if (predicted) graph.addRelation({ type: 'runs-on', from: w.id, to: predicted.id, confidence: 'medium', rule: 'J19' });
    }
  }
}

function uniqueProfile(list: readonly Entity[] | undefined): Entity | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

/** The selectors of Fargate profiles whose parts are all known (a placeholder makes a selector undecidable: skipped). */
export function readSelectors(profiles: readonly Entity[]): ProfileSelector[] {
  const out: ProfileSelector[] = [];
  for (const profile of profiles) {
    for (const sel of propRecords(profile, 'selectors')) {
      const ns = sel['namespace'];
      const rawLabels = sel['labels'] ?? {};
      // A selector with an unknown part (an unresolved CloudFormation value) cannot be decided: it matches nothing.
      if (typeof ns !== 'string' || !isPropMap(rawLabels)) continue;
      const entries = Object.entries(rawLabels).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as const] : []));
      if (entries.length !== Object.keys(rawLabels).length) continue;
      const labels = entries.map(([k, v]) => ({ key: compileGlob(k), value: compileGlob(v) }));
      out.push({ profile, namespace: compileGlob(ns), labels });
    }
  }
  return out;
}

/** Whether every label of the selector is matched by one of `entries` (a pod's or a pod template's labels). */
export function selectorLabelsMatch(s: ProfileSelector, entries: readonly (readonly [string, string])[]): boolean {
  return s.labels.every((l) => entries.some(([k, v]) => l.key.test(k) && l.value.test(v)));
}

/** The alphabetically first profile with a selector matching the labels. */
function predict(candidates: readonly ProfileSelector[], labels: Readonly<Record<string, string>>): Entity | undefined {
  let best: Entity | undefined;
  const entries = Object.entries(labels);
  for (const s of candidates) {
    if (best && cmp(s.profile.name, best.name) >= 0) continue;
    if (selectorLabelsMatch(s, entries)) best = s.profile;
  }
  return best;
}
