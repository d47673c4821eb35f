/**
 * Nested stacks (DOMAIN.md B.9 step 10). An `AWS::CloudFormation::Stack` resource names its child
 * template by `TemplateURL` (an S3 URL after `aws cloudformation package`, a local path before it)
 * or, in `cdk synth` output, by its `aws:asset:path` metadata. When that template is among the run's
 * inputs, the resource's `Parameters` become the child's parameter values and
 * `Fn::GetAtt <Stack>.Outputs.<Name>` becomes the child's output, so a cluster's `SubnetIds` passed
 * down from a VPC stack name the VPC stack's subnets.
 *
 * The child is found from the literal text of the URL, never by evaluating it: evaluating would
 * read the parent's parameters, which may come from its own parent, while the sites are still being
 * collected. The last path segment names the file; a relative local path is first tried as a path
 * from the parent's folder. A template nested at several sites is one template in the model: its
 * outputs are still read, its parameters are not bound (which site's values would it take?).
 */
import { basename, dirname, join, normalize } from 'node:path/posix';
import { asObject } from '../../core/guards.js';
import type { Stack } from './stack.js';
import type { ResourceDecl } from './template.js';
import { splitValue } from './intrinsics-lists.js';
import { isListType } from './pseudo.js';
import type { CfnValue, StackKey } from './values.js';

export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

interface Site {
  readonly parent: Stack;
  readonly decl: ResourceDecl;
}

export class NestedStacks {
  private readonly childBySite = new Map<string, Stack>();
  private readonly sitesByChild = new Map<StackKey, Site[]>();

  /**
   * Finds the child of every nested-stack resource of `stacks` (once, after all stacks of the run
   * exist; until then nothing is nested: a stack's constructor may already evaluate parameters).
   */
  index(stacks: readonly Stack[]): void {
    const byPath = new Map<string, Stack[]>();
    const byName = new Map<string, Stack[]>();
    for (const s of stacks) {
      // Only a file's single template can be a child (a multi-document file has no one URL).
      if (s.key !== s.file) continue;
      push(byPath, normalize(s.file), s);
      push(byName, basename(s.file), s);
    }
    for (const parent of stacks) {
      for (const decl of parent.resources.values()) {
        if (decl.type !== NESTED_STACK_TYPE) continue;
        const child = findChild(parent, decl, byPath, byName);
        if (!child) continue;
        this.childBySite.set(siteKey(parent, decl.logicalId), child);
        push(this.sitesByChild, child.key, { parent, decl });
        checkParameterNames(parent, decl, child);
      }
    }
    for (const sites of this.sitesByChild.values()) {
      if (sites.length < 2) continue;
      const names = sites.map((s) => `${s.parent.file} ${s.decl.logicalId}`).join(', ');
      for (const { parent, decl } of sites) {
        parent.report('info', 'cfn/nested-template-shared', decl.path, `the template of nested stack ${decl.logicalId} is nested ${sites.length} times (${names}): its outputs are read, its parameters keep their defaults`);
      }
    }
  }

  /** Whether `stack` is the template of a nested-stack resource of another input. */
  isChild(stack: Stack): boolean {
    return this.sitesByChild.has(stack.key);
  }

  /** The child template of a nested-stack resource, when it is among the inputs. */
  childOf(parent: Stack, logicalId: string): Stack | undefined {
    return this.childBySite.get(siteKey(parent, logicalId));
  }

  /** `Fn::GetAtt <logicalId>.Outputs.<output>` of `parent`: the child's output, when the child is known. */
  output(parent: Stack, logicalId: string, output: string): CfnValue | undefined {
    const child = this.childOf(parent, logicalId);
    return child?.outputs.has(output) ? child.outputValue(output) : undefined;
  }

  /**
   * The value the parent passes for the child's parameter `name` (evaluated in the parent's
   * context), when the child is nested at exactly one site whose condition is not false.
   */
  parameter(child: Stack, name: string, type: string): CfnValue | undefined {
    const sites = this.sitesByChild.get(child.key);
    const site = sites?.length === 1 ? sites[0] : undefined;
    if (!site || site.parent.resourceCondition(site.decl) === 'false') return undefined;
    const params = site.parent.prop(site.decl.logicalId, 'Parameters');
    const value = params?.kind === 'map' ? params.entries.get(name) : undefined;
    if (!value || value.kind === 'absent') return undefined;
    // A list parameter given one comma-separated string (an output's `Fn::Join`) reads as a list.
    return isListType(type) && (value.kind === 'literal' || value.kind === 'template') ? splitValue(',', value) : value;
  }
}

function siteKey(parent: Stack, logicalId: string): string {
  return `${parent.key}\u0000${logicalId}`;
}

function findChild(parent: Stack, decl: ResourceDecl, byPath: ReadonlyMap<string, Stack[]>, byName: ReadonlyMap<string, Stack[]>): Stack | undefined {
  const raw = decl.assetPath ?? literalTail(decl.properties['TemplateURL']);
  const isUrl = raw !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(raw);
  // An S3 URL may carry `?versionId=…`.
  const ref = isUrl ? raw.replace(/[?#].*$/s, '') : raw;
  const name = ref === undefined ? undefined : basename(ref);
  if (ref === undefined || !name) {
    parent.report('info', 'cfn/nested-template-unknown', decl.path, `nested stack ${decl.logicalId}: its template cannot be told from TemplateURL, so its parameters and outputs stay unresolved`);
    return undefined;
  }
  // A local path (before `aws cloudformation package`) is relative to the parent template.
  const local = isUrl ? undefined : byPath.get(normalize(join(dirname(parent.file), ref)));
  const found = local ?? byName.get(name) ?? [];
  const candidates = found.filter((s) => s !== parent);
  const sameFolder = candidates.filter((s) => dirname(s.file) === dirname(parent.file));
  const pick = candidates.length === 1 ? candidates[0] : sameFolder.length === 1 ? sameFolder[0] : undefined;
  if (!pick) {
    const why = found.length > 0 && candidates.length === 0 ? 'is this template itself' : candidates.length === 0 ? 'is not among the inputs' : `matches ${candidates.length} input files (${candidates.map((s) => s.file).join(', ')})`;
    parent.report('info', 'cfn/nested-template-missing', decl.path, `nested stack ${decl.logicalId}: template ${name} ${why}, so its parameters and outputs stay unresolved`);
  }
  return pick;
}

/** Parameters the parent passes that the child does not declare (CloudFormation rejects them). */
function checkParameterNames(parent: Stack, decl: ResourceDecl, child: Stack): void {
  const given = asObject(decl.properties['Parameters']);
  for (const name of Object.keys(given ?? {}).sort()) {
    if (child.template.parameters.has(name)) continue;
    parent.report('warning', 'cfn/nested-parameter-unknown', [...decl.path, 'Properties', 'Parameters', name], `nested stack ${decl.logicalId} passes parameter ${name}, which its template ${child.file} does not declare`);
  }
}

/**
 * The literal end of a TemplateURL, up to where it names the file: a plain string; the text after the
 * last `${…}` of an `Fn::Sub`; the last item of an `Fn::Join` (or, with a `/` delimiter, that item
 * alone). Undefined when the end is computed (a parameter names the file).
 */
function literalTail(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  const o = asObject(node);
  if (!o || Object.keys(o).length !== 1) return undefined;
  const sub = o['Fn::Sub'];
  if (sub !== undefined) {
    const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (text === undefined) return undefined;
    const tail = text.slice(text.lastIndexOf('}') + 1);
    return tail.includes('/') ? tail : undefined;
  }
  const join = o['Fn::Join'];
  if (Array.isArray(join) && join.length === 2 && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const items = join[1] as unknown[];
    const last = literalTail(items[items.length - 1]);
    if (last === undefined) return undefined;
    return join[0].endsWith('/') || last.includes('/') ? last : undefined;
  }
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
