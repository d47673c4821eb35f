/**
 * J29/J32: what load balancer an Ingress or a `type: LoadBalancer` Service gets, from its class and
 * annotations (no status needed). Pure functions over the props the Kubernetes front end keeps.
 */
import { own } from '../../../core/guards.js';
import type { Entity } from '../../../model/entity.js';
import type { ModelGraph } from '../../../model/graph.js';
import { k8sObjectId } from '../../../model/ids.js';
import { propMap, propString } from '../../../model/read.js';

export interface PredictedLb {
  readonly lbType: 'application' | 'network' | 'classic';
  readonly scheme: 'internet-facing' | 'internal';
  readonly targetType: 'instance' | 'ip';
  readonly controller: 'aws-load-balancer-controller' | 'eks-auto-mode' | 'in-tree';
  /** Props filled from the controller's documented default, not from an annotation. */
  readonly defaulted: readonly string[];
  /** High when the controller is proven (IngressClass object, loadBalancerClass), else medium. */
  readonly confidence: 'high' | 'medium';
}

const ALB_CONTROLLERS: Readonly<Record<string, PredictedLb['controller']>> = {
  'ingress.k8s.aws/alb': 'aws-load-balancer-controller',
  'eks.amazonaws.com/alb': 'eks-auto-mode',
};

/** J29: an Ingress served by the AWS Load Balancer Controller (or Auto Mode) gets an ALB. */
export function predictIngressLb(graph: ModelGraph, ing: Entity, defaultClass: Entity | undefined): PredictedLb | undefined {
  const ann = propMap(ing, 'lbAnnotations');
  const className = propString(ing, 'ingressClassName');
  const cls = className === undefined ? defaultClass : graph.get(k8sObjectId('networking.k8s.io', 'IngressClass', undefined, className));
  const classController = cls ? propString(cls, 'controller') : undefined;
  let controller = classController === undefined ? undefined : own(ALB_CONTROLLERS, classController);
  let confidence: PredictedLb['confidence'] = 'high';
  if (!controller) {
    if (classController !== undefined) return undefined;
    // No IngressClass object: eksctl and the LBC treat the class name `alb` as ALB; so do alb annotations.
    const albish = className === 'alb' || Object.keys(ann).some((k) => k.startsWith('alb.ingress.kubernetes.io/'));
    if (!albish) return undefined;
    controller = 'aws-load-balancer-controller';
    confidence = 'medium';
  }
  const defaulted: string[] = [];
  const scheme = ann['alb.ingress.kubernetes.io/scheme'] === 'internet-facing' ? 'internet-facing' : 'internal';
  if (ann['alb.ingress.kubernetes.io/scheme'] === undefined) defaulted.push('scheme');
  const targetType = ann['alb.ingress.kubernetes.io/target-type'] === 'ip' ? 'ip' : 'instance';
  if (ann['alb.ingress.kubernetes.io/target-type'] === undefined) defaulted.push('targetType');
  return { lbType: 'application', scheme, targetType, controller, defaulted, confidence };
}

/** J32: the load balancer of a `type: LoadBalancer` Service, by class, then annotations. */
export function predictServiceLb(svc: Entity): PredictedLb {
  const ann = propMap(svc, 'lbAnnotations');
  const cls = propString(svc, 'loadBalancerClass');
  const type = ann['service.beta.kubernetes.io/aws-load-balancer-type'];
  const lbc = cls === 'service.k8s.aws/nlb' || type === 'external' || type === 'nlb-ip';
  const auto = cls === 'eks.amazonaws.com/nlb';
  const defaulted: string[] = [];
  if (lbc || auto) {
    const schemeAnn = ann['service.beta.kubernetes.io/aws-load-balancer-scheme'];
    if (schemeAnn === undefined) defaulted.push('scheme');
    const targetAnn = type === 'nlb-ip' ? 'ip' : ann['service.beta.kubernetes.io/aws-load-balancer-nlb-target-type'];
    if (targetAnn === undefined) defaulted.push('targetType');
    return {
      lbType: 'network',
      scheme: schemeAnn === 'internet-facing' ? 'internet-facing' : 'internal',
      targetType: targetAnn === 'ip' ? 'ip' : 'instance',
      controller: auto ? 'eks-auto-mode' : 'aws-load-balancer-controller',
      defaulted,
      confidence: cls !== undefined ? 'high' : 'medium',
    };
  }
  // Legacy in-tree controller: internet-facing unless `aws-load-balancer-internal` is set (and not "false").
  const internal = ann['service.beta.kubernetes.io/aws-load-balancer-internal'];
  if (internal === undefined) defaulted.push('scheme');
  const scheme = internal !== undefined && internal !== '' && internal !== 'false' ? 'internal' : 'internet-facing';
  return { lbType: type === 'nlb' ? 'network' : 'classic', scheme, targetType: 'instance', controller: 'in-tree', defaulted: [...defaulted, 'targetType'], confidence: 'medium' };
}
