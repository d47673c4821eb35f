/**
 * CloudFormation short-form tags for the `yaml` parser. Each tag resolves to CloudFormation's
 * canonical long form (`!Ref X` → `{Ref: X}`, `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`), in its
 * scalar, sequence and mapping forms, nested to any depth. Nothing is executed: a tag only renames.
 *
 * `yaml` (eemeli) was chosen over js-yaml 3 + cloudformation-js-yaml-schema because that schema yields
 * `{class, name, data}` objects instead of the long form, and `yaml` keeps source ranges for file:line.
 */
import { Pair, Scalar, YAMLMap, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';

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

function longForm(fn: string, node: YAMLSeq | YAMLMap): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(longName(fn)), node));
  return map;
}

function buildTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [];
  for (const fn of FUNCTIONS) {
    const tag = `!${fn}`;
    tags.push({ tag, resolve: (text: string) => scalarValue(fn, text) });
    // A collection form becomes the long form's one-entry map around the same node, not a copy of
    // its value: aliases inside it are resolved with the document's anchors, and lines below it
    // stay known.
    tags.push({ tag, collection: 'seq', resolve: (seq: YAMLSeq) => longForm(fn, seq) } as unknown as CollectionTag);
    tags.push({ tag, collection: 'map', resolve: (map: YAMLMap) => longForm(fn, map) } as unknown as CollectionTag);
  }
  return tags;
}

export const CFN_TAGS: readonly (ScalarTag | CollectionTag)[] = buildTags();
