import type { Entity } from '../../model/entity.js';
import { propMap } from '../../model/read.js';
import { groupLabelOf } from '../../passes/link/cross/node-groups.js';
import { defineRule, type RuleContext } from '../rule.js';
import { containerImages, describeSubject, firstTime, ownedPods, subjectOf } from './pod-subject.js';

/**
 * REL-11: the Karpenter controller runs on nodes Karpenter itself launched (J22 `runs-on` a node
 * that J16 places in a Karpenter group: labelled `karpenter.sh/nodepool`, or `karpenter.sh/provisioner-name`
 * for v1alpha5; not EKS Auto Mode's nodes, J17, whose Karpenter AWS runs): if those nodes go,
 * nothing is left to replace them. The
 * controller is the workload or pod labelled `app.kubernetes.io/name: karpenter` (the Helm chart's
 * label) or running Karpenter's controller image. Judged on the pods the inputs place on nodes that
 * are in the inputs; reported once per top owner.
 */
export default defineRule({
  id: 'k8s/karpenter-on-karpenter-nodes',
  check: 'REL-11',
  severity: 'warning',
  description: 'The Karpenter controller runs on nodes that Karpenter launched (it should run on Fargate or a node group).',
  appliesTo: ['Deployment', 'Pod'],
  skipOwned: true,
  run(entity, ctx) {
    if (!isKarpenterController(entity)) return;
    const subject = subjectOf(ctx, entity);
    if (!firstTime(ctx, subject.key)) return;
    // The pods of an owner that is not in the inputs are each unowned: all of them are this subject's.
    const pods = entity.kind === 'Pod' ? ctx.unowned('Pod').filter((p) => isKarpenterController(p) && subjectOf(ctx, p).key === subject.key) : ownedPods(ctx, entity);
    const placed = [...new Set(pods.flatMap((p) => karpenterNodes(ctx, p)))].sort();
    if (placed.length === 0) return;
    ctx.report(subject.entity, `${describeSubject(subject)}: the Karpenter controller runs on ${placed.length === 1 ? 'node' : 'nodes'} Karpenter launched (${placed.join(', ')})`);
  },
});

function isKarpenterController(e: Entity): boolean {
  return propMap(e, 'labels')['app.kubernetes.io/name'] === 'karpenter' || containerImages(e).some((image) => CONTROLLER_IMAGE.test(image));
}

/** `public.ecr.aws/karpenter/controller:1.0.0@sha256:…` */
const CONTROLLER_IMAGE = /(?:^|\/)karpenter\/controller(?:[:@]|$)/;

/** `node (NodePool pool)` (or `Provisioner`) for each node the pod runs on that Karpenter launched. */
function karpenterNodes(ctx: RuleContext, pod: Entity): string[] {
  const out: string[] = [];
  for (const r of ctx.relations.from(pod.id, 'runs-on')) {
    const node = ctx.graph.get(r.to);
    if (node?.kind !== 'Node') continue;
    const group = groupLabelOf(node);
    if (group?.rule === 'J16') out.push(`${node.name} (${group.karpenterKind ?? 'NodePool'} ${group.name})`);
  }
  return out;
}

