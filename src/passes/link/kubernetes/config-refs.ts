/**
 * J42/J45: Pods and top-level workloads `use` the PVCs, ConfigMaps and Secrets their pod template
 * references (volumes, env, envFrom, imagePullSecrets); a StatefulSet uses the PVCs of its claim
 * templates (`<template>-<statefulset>-<ordinal>`); an Ingress uses its TLS Secrets. References to
 * objects that no input defines are recorded in `danglingRefs` unless marked optional.
 */
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sId } from '../../../model/ids.js';
import type { EntityKind } from '../../../model/kinds.js';
import { propNumber, propStrings } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { addDangling, isTopLevel, WORKLOAD_KINDS } from './k8s-index.js';

const REFS: readonly { prop: string; kind: EntityKind; rule: string }[] = [
  { prop: 'volumeClaims', kind: 'PersistentVolumeClaim', rule: 'J42' },
  { prop: 'configMapRefs', kind: 'ConfigMap', rule: 'J45' },
  { prop: 'secretRefs', kind: 'Secret', rule: 'J45' },
];

export const configRefsPass: LinkPass = {
  rule: 'J42',
  description: 'Pods and workloads to the PVCs, ConfigMaps and Secrets they use; Ingresses to TLS Secrets',
  run(graph) {
    for (const kind of ['Pod', ...WORKLOAD_KINDS] as const) {
      for (const e of graph.ofKind(kind)) {
        if (kind !== 'Pod' && !isTopLevel(e)) continue;
        const optional = new Set(propStrings(e, 'optionalRefs'));
        for (const ref of REFS) {
          for (const name of propStrings(e, ref.prop)) link(graph, e, ref.kind, name, ref.rule, optional.has(`${ref.kind}/${name}`));
        }
        if (kind === 'StatefulSet') statefulSetClaims(graph, e);
      }
    }
    for (const ing of graph.ofKind('Ingress')) {
      for (const name of propStrings(ing, 'tlsSecrets')) link(graph, ing, 'Secret', name, 'J45', false);
    }
  },
};

function link(graph: ModelGraph, from: Entity, kind: EntityKind, name: string, rule: string, optional: boolean): void {
  const target = graph.get(k8sId(kind, from.namespace, name));
  if (target) graph.addRelation({ type: 'uses', from: from.id, to: target.id, confidence: 'high', rule });
  else if (!optional) addDangling(from, `${kind}/${name}`);
}

/** PVCs created from claim templates; ordinals up to the declared replicas (default 1). */
function statefulSetClaims(graph: ModelGraph, sts: Entity): void {
  const replicas = propNumber(sts, 'replicas') ?? 1;
  for (const tpl of propStrings(sts, 'volumeClaimTemplates')) {
    for (let i = 0; i < Math.min(replicas, 1000); i++) {
      const pvc = graph.get(k8sId('PersistentVolumeClaim', sts.namespace, `${tpl}-${sts.name}-${i}`));
      if (pvc) graph.addRelation({ type: 'uses', from: sts.id, to: pvc.id, confidence: 'high', rule: 'J42' });
    }
  }
}
