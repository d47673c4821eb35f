/**
 * A template's stack name (DOMAIN.md A.2), which the template body does not state, for
 * `AWS::StackName`, the export names built from it (J6) and the auto-names of its roles. A
 * `--param AWS::StackName=` override wins over all of this (pseudo.ts). Otherwise, in this order:
 * - eksctl's naming, from the literals of a template eksctl made (its `Description` ends with
 *   `[created and managed by eksctl]`): `eksctl-<cluster>-cluster` for the one `AWS::EKS::Cluster`,
 *   `eksctl-<cluster>-nodegroup-<name>` for a managed node group (`ClusterName`, `NodegroupName`)
 *   or a self-managed one (its `kubernetes.io/cluster/<cluster>` tag and eksctl's nodegroup-name
 *   tag, or the `<cluster>-<name>-Node` Name tag eksctl gives its instances);
 * - a file name that is a stack name: one of eksctl's stack names (`eksctl-prod-cluster.yaml`), or
 *   `cdk synth`'s `<stack>.template.json`.
 * A nested stack's name is made up by CloudFormation (`<parent>-<LogicalId>-<suffix>`): the caller
 * does not ask for one. Only literals are read, so inferring never evaluates the template.
 */
import { asArray, asObject, type JsonObject } from '../../core/guards.js';
import type { Template } from './template.js';

export interface StackName {
  readonly name: string;
  /** `eksctl-naming`: read from the template's resources; `file-name`: the file is named after its stack. */
  readonly basis: 'eksctl-naming' | 'file-name';
}

const EKSCTL_MARK = '[created and managed by eksctl]';

/** eksctl's stack names (`pkg/cfn/manager/api.go:35`, ownership regex; the cluster part is `.+`). */
const EKSCTL_STACK =
  /^(?:eksctl|EKS)-.+-(?:cluster|nodegroup-.+|addon-.+|podidentityrole-.+|fargate|karpenter|capability-.+|VPC|ServiceRole|ControlPlane|DefaultNodeGroup)$/;

/** `cdk synth` writes each stack to `<artifact id>.template.json` (nested stacks: `….nested.template.json`). */
const CDK_TEMPLATE = /^(.+)\.template\.json$/;

/** CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, 128 at most. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

const TEMPLATE_EXTENSION = /\.(?:ya?ml|json|template|cfn|txt)$/i;

const CLUSTER_TAG = 'kubernetes.io/cluster/';
const NODEGROUP_NAME_TAGS = ['alpha.eksctl.io/nodegroup-name', 'eksctl.io/v1alpha2/nodegroup-name'];

export function inferStackName(template: Template): StackName | undefined {
  const fromBody = eksctlStackName(template);
  if (fromBody !== undefined) return { name: fromBody, basis: 'eksctl-naming' };
  // A file holding several templates is named after none of them.
  const fromFile = template.key === template.doc.file ? fileStackName(template.doc.file) : undefined;
  return fromFile === undefined ? undefined : { name: fromFile, basis: 'file-name' };
}

/** The stack name a file name gives, if the file is named like a stack. */
export function fileStackName(file: string): string | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const cdk = CDK_TEMPLATE.exec(base)?.[1];
  if (cdk !== undefined) return !cdk.endsWith('.nested') && STACK_NAME.test(cdk) ? cdk : undefined;
  const stem = base.replace(TEMPLATE_EXTENSION, '');
  return EKSCTL_STACK.test(stem) && STACK_NAME.test(stem) ? stem : undefined;
}

function eksctlStackName(template: Template): string | undefined {
  const description = template.description?.trimEnd();
  if (description === undefined || !description.endsWith(EKSCTL_MARK)) return undefined;
  const clusters = new Set<string>();
  const nodeGroups = new Set<string>();
  for (const { value } of template.resources) {
    const resource = asObject(value);
    const props = asObject(resource?.['Properties']);
    if (!props) continue;
    const type = resource?.['Type'];
    if (type === 'AWS::EKS::Cluster') {
      const name = literal(props['Name']);
      if (name !== undefined) clusters.add(`eksctl-${name}-cluster`);
    } else if (type === 'AWS::EKS::Nodegroup') {
      const cluster = literal(props['ClusterName']);
      const name = literal(props['NodegroupName']);
      if (cluster !== undefined && name !== undefined) nodeGroups.add(`eksctl-${cluster}-nodegroup-${name}`);
    } else if (type === 'AWS::AutoScaling::AutoScalingGroup') {
      const name = selfManagedStackName(props);
      if (name !== undefined) nodeGroups.add(name);
    }
  }
  // eksctl writes one cluster or one node group per stack: anything else is not named by it.
  const names = clusters.size > 0 ? clusters : nodeGroups;
  const [only] = names;
  return names.size === 1 && only !== undefined && STACK_NAME.test(only) ? only : undefined;
}

/** eksctl's self-managed node group stack (`pkg/cfn/builder/nodegroup.go`: the ASG's tags). */
function selfManagedStackName(props: JsonObject): string | undefined {
  const tags = new Map<string, string>();
  for (const tag of asArray(props['Tags'])) {
    const key = literal(asObject(tag)?.['Key']);
    const value = literal(asObject(tag)?.['Value']);
    if (key !== undefined && value !== undefined) tags.set(key, value);
  }
  const clusters = [...tags.keys()].filter((k) => k.startsWith(CLUSTER_TAG)).map((k) => k.slice(CLUSTER_TAG.length));
  const [cluster] = clusters;
  if (clusters.length !== 1 || !cluster) return undefined;
  const tagged = NODEGROUP_NAME_TAGS.map((k) => tags.get(k)).find((v) => v !== undefined && v !== '');
  const instanceName = tags.get('Name');
  const fromName =
    instanceName?.startsWith(`${cluster}-`) && instanceName.endsWith('-Node') ? instanceName.slice(cluster.length + 1, -'-Node'.length) : undefined;
  const name = tagged ?? fromName;
  return name ? `eksctl-${cluster}-nodegroup-${name}` : undefined;
}

/** Whether a raw template node mentions `AWS::StackName` (`!Ref`, or `${AWS::StackName}` in a `!Sub`). */
export function usesStackName(node: unknown): boolean {
  if (typeof node === 'string') return node.includes('AWS::StackName');
  if (Array.isArray(node)) return node.some(usesStackName);
  const obj = asObject(node);
  return obj !== undefined && Object.values(obj).some(usesStackName);
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
