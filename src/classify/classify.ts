/**
 * Classification: which format a parsed document is, decided by content, never by file name.
 * Detectors are tried in order; the first match wins. Anything else is skipped with a reason.
 */
import { asArray, isObject } from '../core/guards.js';
import type { InputFormat } from '../model/kinds.js';

export type Classification = { format: InputFormat } | { format: null; reason: string };

export function isCloudFormation(value: unknown): boolean {
  if (!isObject(value)) return false;
  if ('AWSTemplateFormatVersion' in value) return true;
  const resources = value['Resources'];
  if (!isObject(resources)) return false;
  // SAM and CDK output are CloudFormation too; a resource needs a `Type` of the `Vendor::Service::Type` form.
  return Object.values(resources).some((r) => isObject(r) && typeof r['Type'] === 'string' && /^[A-Za-z0-9]+::/.test(r['Type']));
}

export function isEksctl(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value['apiVersion'] === 'string' &&
    value['apiVersion'].startsWith('eksctl.io/') &&
    value['kind'] === 'ClusterConfig'
  );
}

export function isKubernetes(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => isKubernetesObject(v));
  if (!isKubernetesObject(value)) return false;
  return true;
}

function isKubernetesObject(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (typeof value['kind'] !== 'string') return false;
  if (typeof value['apiVersion'] === 'string') return true;
  // `kind: List` written by hand sometimes omits apiVersion.
  return value['kind'].endsWith('List') && Array.isArray(value['items']);
}

const DETECTORS: readonly { format: InputFormat; detect: (value: unknown) => boolean }[] = [
  { format: 'cloudformation', detect: isCloudFormation },
  { format: 'eksctl', detect: isEksctl },
  { format: 'kubernetes', detect: isKubernetes },
];

export function classify(value: unknown): Classification {
  for (const d of DETECTORS) if (d.detect(value)) return { format: d.format };
  return { format: null, reason: skipReason(value) };
}

function skipReason(value: unknown): string {
  if (!isObject(value)) {
    if (Array.isArray(value)) return asArray(value).length === 0 ? 'empty list' : 'a list that is not Kubernetes objects';
    return 'not a mapping';
  }
  if ('Resources' in value) return 'has Resources but none with an AWS-style Type';
  if ('on' in value && 'jobs' in value) return 'a CI workflow';
  if ('services' in value && !('apiVersion' in value)) return 'a compose file';
  if (typeof value['kind'] === 'string' && typeof value['apiVersion'] !== 'string') return 'kind without apiVersion';
  if (typeof value['apiVersion'] === 'string' && typeof value['kind'] !== 'string') return 'apiVersion without kind';
  return 'not CloudFormation, eksctl or Kubernetes (no AWSTemplateFormatVersion/Resources, apiVersion or kind)';
}
