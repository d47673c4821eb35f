/**
 * The export index across all templates of one run (DOMAIN.md J6): `Outputs.*.Export.Name`, each
 * evaluated with its own template's parameters. An import binds to the export of the same name
 * (high confidence; medium when the name is built from a stack name archmap inferred, stack-name.ts).
 * When an export name still has an unknown part (typically `${AWS::StackName}` of a stack whose name
 * is not known) and exactly one such pattern matches the imported name, the import binds with medium
 * confidence.
 */
import { globOfParts, ONE_OR_MORE, type Glob } from '../../core/glob.js';
import { cmp } from '../../core/order.js';
import type { Confidence } from '../../model/kinds.js';
import type { Stack } from './stack.js';
import { usesStackName } from './stack-name.js';
import { placeholder, render, textOf, type CfnValue } from './values.js';

export interface ExportTarget {
  readonly stack: Stack;
  readonly outputKey: string;
  readonly confidence: Confidence;
}

interface Pattern {
  readonly pattern: Glob;
  readonly target: ExportTarget;
}

/**
 * Import names longer than this are matched exactly only, never against a pattern (CloudFormation's
 * own export names are far shorter; this bounds the work of a match).
 */
export const MAX_PATTERN_NAME = 1024;

export class ExportIndex {
  private readonly byName = new Map<string, ExportTarget>();
  private readonly patterns: Pattern[] = [];

  constructor(stacks: readonly Stack[]) {
    for (const stack of stacks) {
      for (const decl of [...stack.outputs.values()].sort((a, b) => cmp(a.key, b.key))) {
        const name = stack.exportName(decl);
        if (!name) continue;
        // J6: an export named after a stack name that was inferred, not given, binds with medium confidence.
        const inferred = stack.inferredName() !== undefined && usesStackName(decl.exportName);
        const target: ExportTarget = { stack, outputKey: decl.key, confidence: inferred ? 'medium' : 'high' };
        const text = textOf(name);
        if (text !== undefined) {
          const prev = this.byName.get(text);
          if (prev) {
            stack.report('warning', 'cfn/duplicate-export', [...decl.path, 'Export', 'Name'], `the export name of output ${decl.key} is also exported by ${prev.stack.file} (${prev.outputKey}); the first is used`);
          } else {
            this.byName.set(text, target);
          }
        } else if (name.kind === 'template') {
          this.patterns.push({ pattern: globOfParts(name.parts.map((p) => (typeof p === 'string' ? p : ONE_OR_MORE))), target: { ...target, confidence: 'medium' } });
        }
      }
    }
  }

  /** The export an import name binds to, if any. */
  lookup(name: CfnValue): ExportTarget | undefined {
    const text = textOf(name);
    if (text === undefined) return undefined;
    const exact = this.byName.get(text);
    if (exact) return exact;
    if (text.length > MAX_PATTERN_NAME) return undefined;
    const matches = this.patterns.filter((p) => p.pattern.test(text));
    return matches.length === 1 ? matches[0]?.target : undefined;
  }

  /** `Fn::ImportValue`: the exported value, or an `Import(name)` placeholder. */
  importValue(name: CfnValue): CfnValue {
    const target = this.lookup(name);
    if (!target) return placeholder(`Import(${render(name)})`);
    return target.stack.outputValue(target.outputKey);
  }
}
