/**
 * Lowers one resource: its entity (kind per `identify`), the props every CloudFormation entity has
 * (`logicalId`, `cfnType`, `conditional`), the per-type props, and `depends-on` edges to every
 * resource it references (`cfn-ref`, or `J6` through an import). A resource whose condition is false
 * is dropped with an info diagnostic.
 */
import { NESTED_STACK_TYPE } from './nesting.js';
import { own } from '../../core/guards.js';
import { makeEntity, type Entity } from '../../model/entity.js';
import { ResourceLowering } from './lower-context.js';
import { lowerAccessEntry, lowerAddon, lowerCluster, lowerFargateProfile, lowerManagedNodeGroup, lowerPodIdentityAssociation } from './lower-eks.js';
import { lowerIamRole } from './lower-iam.js';
import {
  lowerGatewayAttachment, lowerNatGateway, lowerRoute, lowerRouteTable, lowerRouteTableAssociation, lowerSecurityGroup, lowerSubnet, lowerVpc,
} from './lower-network.js';
import { lowerListener, lowerListenerRule, lowerLoadBalancer, lowerTargetGroup } from './lower-elb.js';
import { lowerSelfManagedNodeGroup } from './lower-self-managed.js';
import { detectSelfManaged } from './self-managed.js';
import type { Stack } from './stack.js';
import type { ResourceDecl } from './template.js';
import type { World } from './world.js';

type Lowerer = (r: ResourceLowering) => void;

const LOWERERS: Readonly<Record<string, Lowerer>> = {
  'AWS::EC2::VPC': lowerVpc,
  'AWS::EC2::Subnet': lowerSubnet,
  'AWS::EC2::RouteTable': lowerRouteTable,
  'AWS::EC2::SecurityGroup': lowerSecurityGroup,
  'AWS::EC2::NatGateway': lowerNatGateway,
  'AWS::EC2::VPCGatewayAttachment': lowerGatewayAttachment,
  'AWS::EC2::SubnetRouteTableAssociation': lowerRouteTableAssociation,
  'AWS::EC2::Route': lowerRoute,
  'AWS::EKS::Cluster': lowerCluster,
  'AWS::EKS::Nodegroup': lowerManagedNodeGroup,
  'AWS::EKS::FargateProfile': lowerFargateProfile,
  'AWS::EKS::Addon': lowerAddon,
  'AWS::EKS::AccessEntry': lowerAccessEntry,
  'AWS::EKS::PodIdentityAssociation': lowerPodIdentityAssociation,
  'AWS::IAM::Role': lowerIamRole,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': lowerLoadBalancer,
  'AWS::ElasticLoadBalancing::LoadBalancer': lowerLoadBalancer,
  'AWS::ElasticLoadBalancingV2::TargetGroup': lowerTargetGroup,
  'AWS::ElasticLoadBalancingV2::Listener': lowerListener,
  'AWS::ElasticLoadBalancingV2::ListenerRule': lowerListenerRule,
  [NESTED_STACK_TYPE]: (r) => r.setProp('template', r.world.nestedTemplate(r.stack, r.decl.logicalId)),
};

/** A lowered resource and the logical ids it refers to in its own template (for the cycle check). */
export interface LoweredResource {
  readonly entity: Entity | undefined;
  readonly refersTo: readonly string[];
}

export function lowerResource(world: World, stack: Stack, decl: ResourceDecl): LoweredResource {
  const condition = stack.resourceCondition(decl);
  if (condition === 'false') {
    stack.report('info', 'cfn/condition-false', decl.path, `resource ${decl.logicalId} is not created: condition ${decl.condition ?? ''} is false`);
    return { entity: undefined, refersTo: [] };
  }
  const identity = world.identityOf(stack, decl.logicalId);
  if (!identity) return { entity: undefined, refersTo: [] };
  const r = new ResourceLowering(world, stack, decl, identity);
  r.setProp('logicalId', decl.logicalId);
  r.setProp('cfnType', decl.type);
  if (condition === 'unknown' && decl.condition !== undefined) r.setProp('conditional', decl.condition);
  if (identity.kind === 'AwsResource') r.setProp('type', decl.type);
  if (identity.kind === 'NodeGroup' && decl.type === 'AWS::AutoScaling::AutoScalingGroup') {
    const sm = detectSelfManaged(stack, decl);
    if (sm) lowerSelfManagedNodeGroup(r, sm);
  } else {
    own(LOWERERS, decl.type)?.(r);
  }
  const refersTo: string[] = [];
  for (const ref of world.scanner.resourceRefs(stack, decl)) {
    if (ref.stack === stack) refersTo.push(ref.logicalId);
    const target = world.identityOf(ref.stack, ref.logicalId);
    if (target && target.id !== identity.id) world.relate('depends-on', identity.id, target.id, ref.rule, ref.confidence);
  }
  const entity = makeEntity({
    id: identity.id,
    kind: identity.kind,
    name: identity.name,
    props: r.props,
    defaulted: [...new Set(r.defaulted)].sort(),
    source: { file: stack.file, line: stack.lineOf(decl.path), format: 'cloudformation' },
  });
  return { entity, refersTo };
}
