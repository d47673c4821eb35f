/**
 * The CloudFormation front end (DOMAIN.md 0.1, A, B.2, B.9): every template of the run (YAML, JSON,
 * SAM, `cdk synth` output) is resolved statically — parameters, pseudo parameters, conditions,
 * intrinsics and `Fn::ImportValue` across all templates — and each resource becomes one entity with
 * the line of its logical id. Unknown resource types become `AwsResource`.
 */
import type { Fragment } from '../../model/entity.js';
import type { FrontEnd } from '../types.js';
import { reportCycles } from './cycles.js';
import { lowerResource } from './lower-resource.js';
import { classifySubnets } from './topology.js';
import { World } from './world.js';

export const cloudFormationFrontEnd: FrontEnd = {
  format: 'cloudformation',
  lower: (documents, ctx) => lowerTemplates(new World(documents, ctx.sink, ctx.params)),
};

function lowerTemplates(world: World): Fragment {
  for (const stack of world.stacks) {
    const refersTo = new Map<string, readonly string[]>();
    for (const decl of stack.resources.values()) {
      const lowered = lowerResource(world, stack, decl);
      if (lowered.entity) world.entities.push(lowered.entity);
      refersTo.set(decl.logicalId, lowered.refersTo);
    }
    reportCycles(stack, refersTo);
    // Outputs are checked for references to nothing (and feed imports, which read them lazily).
    for (const key of stack.outputs.keys()) world.scanner.outputRefs(stack, key);
  }
  classifySubnets(world.entities.filter((e) => e.kind === 'Subnet' && e.props['cfnType'] === 'AWS::EC2::Subnet'), world.network);
  return { entities: world.entities, relations: world.relations };
}
