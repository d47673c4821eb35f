/**
 * CloudFormation short-form tags for the `yaml` parser. Each tag resolves to CloudFormation's
 * canonical long form (`!Ref X` → `{Ref: X}`, `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`), in its
 * scalar, sequence and mapping forms, nested to any depth. Nothing is executed: a tag only renames.
 *
 * `yaml` (eemeli) was chosen over js-yaml 3 + cloudformation-js-yaml-schema because that schema yields
 * `{class, name, data}` objects instead of the long form, and `yaml` keeps source ranges for file:line.
 */
import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

const FUNCTIONS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or',
  'FindInMap', 'ImportValue', 'GetAZs', 'Cidr', 'Base64', 'Transform', 'Length', 'ToJsonString', 'ForEach',
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'Implies',
] as const;

function longName(fn: string): string {
  return fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
}

function scalarValue(fn: string, text: string): Record<string, unknown> {
  if (fn === 'GetAtt') {
    const dot = text.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
  }
  return { [longName(fn)]: text };
}

function buildTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [];
  for (const fn of FUNCTIONS) {
    const tag = `!${fn}`;
    tags.push({ tag, resolve: (text: string) => scalarValue(fn, text) });
    tags.push({
      tag,
      collection: 'seq',
      resolve: (seq: YAMLSeq) => ({ [longName(fn)]: seq.toJSON() as unknown }),
    } as unknown as CollectionTag);
    tags.push({
      tag,
      collection: 'map',
      resolve: (map: YAMLMap) => ({ [longName(fn)]: map.toJSON() as unknown }),
    } as unknown as CollectionTag);
  }
  return tags;
}

export const CFN_TAGS: readonly (ScalarTag | CollectionTag)[] = buildTags();
