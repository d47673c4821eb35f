/**
 * DOMAIN.md A.11: namespaces exist where objects say they are, declared or not. Every namespace that
 * a namespaced object (its `metadata.namespace`, `default` when unwritten), an eksctl IRSA service
 * account or pod identity association, a CloudFormation `AWS::EKS::PodIdentityAssociation` or a
 * Fargate selector (without wildcards) names, and that no `kind: Namespace` declares, becomes a
 * Namespace entity with `implicit: true`, sourced at the earliest place that names it.
 */
import { cmp } from '../../../core/order.js';
import { makeEntity, type Entity, type SourceRef } from '../../../model/entity.js';
import { k8sId } from '../../../model/ids.js';
import { propString } from '../../../model/read.js';
import type { LinkPass } from '../../types.js';
import { firstSource, propRecords } from '../cross/lookup.js';

export const implicitNamespacesPass: LinkPass = {
  rule: 'A.11',
  description: 'Namespaces that objects, service accounts and Fargate selectors name but no input declares',
  run(graph) {
    const named = new Map<string, SourceRef>();
    const note = (namespace: string | undefined, e: Entity): void => {
      if (!namespace || /[*?]/.test(namespace)) return;
      const source = firstSource(e);
      const known = named.get(namespace);
      if (source && (!known || cmp(source.file, known.file) < 0 || (source.file === known.file && source.line < known.line))) named.set(namespace, source);
    };
    for (const e of graph.unorderedEntities()) {
      if (e.namespace !== undefined) note(e.namespace, e);
      else if (e.kind === 'FargateProfile') for (const s of propRecords(e, 'selectors')) note(typeof s['namespace'] === 'string' ? s['namespace'] : undefined, e);
      else if (e.kind === 'AwsResource' && propString(e, 'cfnType') === 'AWS::EKS::PodIdentityAssociation') note(propString(e, 'namespace'), e);
    }
    for (const [name, source] of [...named].sort((a, b) => cmp(a[0], b[0]))) {
      const id = k8sId('Namespace', undefined, name);
      if (!graph.has(id)) graph.addEntity(makeEntity({ id, kind: 'Namespace', name, props: { implicit: true }, source }));
    }
  },
};
