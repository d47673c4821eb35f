/**
 * Parameters and pseudo parameters (DOMAIN.md B.9 step 1). A user override (`--param NAME=VALUE`,
 * also for `AWS::Region` and the other pseudo parameters) wins over a `Default`; without either the
 * value is a placeholder. A NoEcho parameter is always a placeholder: neither its `Default` nor an
 * override is read (they are passwords and tokens). An SSM parameter type's `Default` is a
 * parameter-store path, not the value.
 */
import type { ParameterDecl } from './template.js';
import { ABSENT, lit, list, placeholder, type CfnValue } from './values.js';

type Overrides = Readonly<Record<string, string>>;

export function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}

function typed(type: string, text: string): CfnValue {
  return isListType(type) ? list(text.split(',').map((s) => lit(s.trim()))) : lit(text);
}

function defaultText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(',');
  return undefined;
}

export function parameterValue(decl: ParameterDecl, overrides: Overrides): CfnValue {
  // A NoEcho value (a password, a token) never enters the model, not even one given on the command line.
  if (decl.noEcho) return placeholder(`Param(${decl.name})`);
  const override = overrides[decl.name];
  if (override !== undefined) return typed(decl.type, override);
  if (decl.type.startsWith('AWS::SSM::Parameter::Value<')) {
    const path = defaultText(decl.default);
    return placeholder(path === undefined ? `Param(${decl.name})` : `SSM(${path})`);
  }
  const text = defaultText(decl.default);
  return text === undefined ? placeholder(`Param(${decl.name})`) : typed(decl.type, text);
}

/** `aws`, `aws-cn`, `aws-us-gov`, … from a region name. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

export function urlSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** A pseudo parameter's value, or `undefined` for a name that is not one. */
export function pseudoValue(name: string, overrides: Overrides): CfnValue | undefined {
  const override = overrides[name];
  const region = overrides['AWS::Region'];
  switch (name) {
    case 'AWS::NoValue':
      return ABSENT;
    case 'AWS::NotificationARNs':
      return override === undefined ? list([]) : list(override.split(',').map((s) => lit(s.trim())));
    case 'AWS::Partition':
      return known(name, override ?? (region === undefined ? undefined : partitionOf(region)));
    case 'AWS::URLSuffix':
      return known(name, override ?? (region === undefined ? undefined : urlSuffixOf(region)));
    case 'AWS::Region':
    case 'AWS::AccountId':
    case 'AWS::StackName':
    case 'AWS::StackId':
      return known(name, override);
    default:
      return undefined;
  }
}

function known(name: string, value: string | undefined): CfnValue {
  return value === undefined ? placeholder(name) : lit(value);
}
