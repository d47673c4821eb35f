/**
 * Parsing of AWS identifiers that the cross-source joins compare: ARNs (DOMAIN.md B.0), availability
 * zones → region, and Elastic Load Balancing hostnames (J31). Pure string functions, no model access.
 * The ARN reader is the eksctl front end's (one ARN grammar for the whole tool; it belongs in a shared
 * module, see the report).
 */
import { parseArn, principalKind } from '../../../frontends/eksctl/arn.js';

export { parseArn, principalKind };

/** An IAM role ARN's name (last path segment) and path; `undefined` when the ARN is not a role ARN. */
export function roleFromArn(text: string): { name: string; path: string; account: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return undefined;
  const rest = arn.resource.slice('role/'.length);
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  if (!name) return undefined;
  return { name, path: slash < 0 ? '/' : `/${rest.slice(0, slash + 1)}`, account: arn.account };
}

/** `eu-west-1b` → `eu-west-1`; local zones (`us-west-2-lax-1a`) → `us-west-2`. */
export function regionOfZone(zone: string): string | undefined {
  const m = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)(?:[a-z]|-[a-z]+-\d[a-z])$/.exec(zone);
  return m?.[1];
}

/** What an ELB hostname tells (J31). */
export interface ElbHostname {
  readonly lbType: 'network' | 'application-or-classic';
  readonly name: string;
  readonly region: string;
  /** Only ALB/CLB hostnames carry the scheme (`internal-` prefix); NLB hostnames never do. */
  readonly internal?: boolean;
}

/**
 * ALB/CLB: `[internal-]<name>-<digits>.<region>.elb.amazonaws.com`;
 * NLB: `<name>-<16 hex>.elb.<region>.amazonaws.com` (China: `.amazonaws.com.cn`).
 */
export function parseElbHostname(hostname: string): ElbHostname | undefined {
  const host = hostname.toLowerCase();
  const nlb = /^(.+)-([0-9a-f]{16})\.elb\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(host);
  if (nlb) return { lbType: 'network', name: nlb[1] ?? '', region: nlb[3] ?? '' };
  const alb = /^(internal-)?(.+)-(\d+)\.([a-z0-9-]+)\.elb\.amazonaws\.com(?:\.cn)?$/.exec(host);
  if (alb) return { lbType: 'application-or-classic', name: alb[2] ?? '', region: alb[4] ?? '', internal: alb[1] !== undefined };
  return undefined;
}
