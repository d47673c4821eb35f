import type { Entity } from '../../model/entity.js';
import { propMap } from '../../model/read.js';
import { defineRule } from '../rule.js';
import { isInternetFacing, kubernetesTargets } from './lb-targets.js';

const SSL_CERT = 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert';
const ALB_CERT = 'alb.ingress.kubernetes.io/certificate-arn';
const LISTEN_PORTS = 'alb.ingress.kubernetes.io/listen-ports';

/**
 * NET-08: an internet-facing load balancer that Kubernetes asks for (J32) serves without TLS.
 * - A Service's NLB or CLB: no `service.beta.kubernetes.io/aws-load-balancer-ssl-cert` annotation.
 * - An Ingress's ALB (all Ingresses of its IngressGroup together, J30): its `listen-ports` name no
 *   HTTPS port, or none is set and no Ingress gives a certificate (`certificate-arn` or a `spec.tls`
 *   entry, from which the controller discovers ACM certificates); the controller then listens on
 *   HTTP:80 only.
 * Load balancers declared in CloudFormation are not judged (their listeners are not in the model).
 */
export default defineRule({
  id: 'k8s/lb-without-tls',
  check: 'NET-08',
  severity: 'warning',
  description: 'An internet-facing load balancer of a Service or Ingress serves without TLS.',
  appliesTo: ['LoadBalancer'],
  run(lb, ctx) {
    if (!isInternetFacing(lb)) return;
    const targets = kubernetesTargets(lb, ctx);
    const ingresses = targets.filter((e) => e.kind === 'Ingress');
    if (ingresses.length > 0) {
      const why = albWithoutTls(ingresses);
      if (why) ctx.report(lb, `LoadBalancer ${lb.name} (Ingress ${ingresses.map(nsName).join(', ')}): internet-facing ALB without TLS (${why})`);
      return;
    }
    const service = targets.find((e) => e.kind === 'Service');
    if (service && propMap(service, 'lbAnnotations')[SSL_CERT] === undefined) {
      ctx.report(lb, `LoadBalancer ${lb.name} (Service ${nsName(service)}): internet-facing load balancer without TLS (no ${SSL_CERT})`);
    }
  },
});

/** Why an ALB serving these Ingresses has no HTTPS listener, or undefined when it has one. */
function albWithoutTls(ingresses: readonly Entity[]): string | undefined {
  const ports = ingresses.map((i) => propMap(i, 'lbAnnotations')[LISTEN_PORTS]).filter((p): p is string => p !== undefined);
  if (ports.length > 0) return ports.some((p) => /"HTTPS"\s*:/.test(p)) ? undefined : `listen-ports ${ports.join(' ')} name no HTTPS port`;
  const certified = ingresses.some((i) => propMap(i, 'lbAnnotations')[ALB_CERT] !== undefined || i.props['tls'] === true || i.props['tlsSecrets'] !== undefined);
  return certified ? undefined : `no ${ALB_CERT}, no spec.tls: the controller listens on HTTP:80 only`;
}

function nsName(e: Entity): string {
  return `${e.namespace ?? ''}/${e.name}`;
}
