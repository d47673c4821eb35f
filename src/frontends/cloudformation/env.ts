/**
 * What the intrinsic evaluator needs from its template: parameters, pseudo parameters, resources,
 * conditions, mappings and the cross-template export index. `Stack` implements it; unit tests
 * implement it with plain tables.
 */
import type { JsonObject } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';
import type { CfnValue } from './values.js';

/** Three-valued condition result (B.9 step 2). */
export type Tri = 'true' | 'false' | 'unknown';

/** Problems the evaluator finds in a template; the stack decides the severity and adds file:line. */
export type EvalProblem = 'unknown-function' | 'bad-arity' | 'bad-argument' | 'unknown-condition' | 'bad-mapping' | 'unknown-pseudo';

export interface EvalEnv {
  /** A parameter's value (user override → Default → placeholder), or `undefined` if no such parameter. */
  parameter(name: string): CfnValue | undefined;
  /** A pseudo parameter (`AWS::Region`…), or `undefined` if there is no such pseudo parameter. */
  pseudo(name: string): CfnValue | undefined;
  /** `Ref` (no attribute) or `Fn::GetAtt` of a resource of this template, or `undefined` if none. */
  resource(logicalId: string, attribute?: string): CfnValue | undefined;
  condition(name: string): Tri | undefined;
  readonly mappings: JsonObject;
  /** `Fn::ImportValue`: the export of any template given to the same run. */
  importValue(name: CfnValue): CfnValue;
  /** The region when known (for `Fn::GetAZs`). */
  region(): string | undefined;
  problem(kind: EvalProblem, path: readonly PathSegment[], message: string): void;
}
