import type { Entity } from '../../model/entity.js';
import { propMap, propString } from '../../model/read.js';
import { isTopLevel, WORKLOAD_KINDS } from '../../passes/link/kubernetes/k8s-index.js';
import { defineRule, type RuleContext } from '../rule.js';

/**
 * NET-07: a namespace runs workloads but no NetworkPolicy selects its pods (J27). Covered are
 * namespaces with a NetworkPolicy that selects one of their workloads or has an empty pod selector
 * (all pods), or with a Calico/Cilium namespaced policy. A Calico/Cilium/AdminNetworkPolicy
 * cluster-wide policy anywhere makes every namespace indeterminate, as do policies that select no
 * workload in a namespace whose pods have no owner in the model (J27 relates policies to workloads,
 * not to pods). The `kube-*` system namespaces are not judged.
 */
export default defineRule({
  id: 'net/namespace-without-network-policy',
  check: 'NET-07',
  severity: 'warning',
  description: 'A namespace with workloads has no NetworkPolicy selecting its pods.',
  appliesTo: ['Namespace'],
  run(ns, ctx) {
    if (SYSTEM_NAMESPACES.has(ns.name)) return;
    const facts = namespaceFacts(ctx);
    if (facts.clusterWidePolicy) return;
    const f = facts.byNamespace.get(ns.name);
    if (!f || f.workloads.length + f.ownerlessPods === 0 || f.covered) return;
    if (f.policies > 0 && f.ownerlessPods > 0) return;
    const what = f.workloads.length > 0 ? `${f.workloads.length} workload(s)` : `${f.ownerlessPods} pod(s)`;
    const why = f.policies === 0 ? 'has no NetworkPolicy' : `none of its ${f.policies} NetworkPolicy object(s) selects their pods`;
    ctx.report(ns, `Namespace ${ns.name}: runs ${what} but ${why}`);
  },
});

export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);


/** Namespaced policy CRDs that select pods as a NetworkPolicy does (`<apiVersion group>/<kind>`). */
const NAMESPACED_POLICIES: ReadonlySet<string> = new Set(['projectcalico.org/NetworkPolicy', 'crd.projectcalico.org/NetworkPolicy', 'cilium.io/CiliumNetworkPolicy']);
const CLUSTER_POLICIES: ReadonlySet<string> = new Set([
  'projectcalico.org/GlobalNetworkPolicy',
  'crd.projectcalico.org/GlobalNetworkPolicy',
  'cilium.io/CiliumClusterwideNetworkPolicy',
  'policy.networking.k8s.io/AdminNetworkPolicy',
  'policy.networking.k8s.io/BaselineAdminNetworkPolicy',
]);

interface NamespaceFacts {
  workloads: Entity[];
  ownerlessPods: number;
  policies: number;
  covered: boolean;
}

interface Facts {
  clusterWidePolicy: boolean;
  byNamespace: Map<string, NamespaceFacts>;
}

/** Computed once per audit run (the context is created afresh for every run). */
const cache = new WeakMap<RuleContext, Facts>();

function namespaceFacts(ctx: RuleContext): Facts {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const byNamespace = new Map<string, NamespaceFacts>();
  const of = (ns: string | undefined): NamespaceFacts => {
    const key = ns ?? '';
    let f = byNamespace.get(key);
    if (!f) byNamespace.set(key, (f = { workloads: [], ownerlessPods: 0, policies: 0, covered: false }));
    return f;
  };
  for (const kind of WORKLOAD_KINDS) {
    for (const w of ctx.graph.ofKind(kind)) if (isTopLevel(w)) of(w.namespace).workloads.push(w);
  }
  for (const pod of ctx.unowned('Pod')) of(pod.namespace).ownerlessPods++;
  for (const np of ctx.graph.ofKind('NetworkPolicy')) {
    const f = of(np.namespace);
    f.policies++;
    const emptySelector = Object.keys(propMap(np, 'podSelector')).length === 0 && np.props['podSelectorExpressions'] === undefined;
    if (emptySelector || ctx.graph.relationsFrom(np.id, 'selects').length > 0) f.covered = true;
  }
  let clusterWidePolicy = false;
  for (const o of ctx.graph.ofKind('KubernetesObject')) {
    const type = crdType(o);
    if (CLUSTER_POLICIES.has(type)) clusterWidePolicy = true;
    else if (NAMESPACED_POLICIES.has(type)) of(o.namespace).covered = true;
  }
  const facts = { clusterWidePolicy, byNamespace };
  cache.set(ctx, facts);
  return facts;
}

/** `<group>/<kind>` of a generic Kubernetes object (`apiVersion` without its version). */
function crdType(o: Entity): string {
  const apiVersion = propString(o, 'apiVersion') ?? '';
  const slash = apiVersion.lastIndexOf('/');
  return `${slash < 0 ? '' : apiVersion.slice(0, slash)}/${propString(o, 'kind') ?? ''}`;
}
