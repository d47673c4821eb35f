/**
 * Is an `AWS::AutoScaling::AutoScalingGroup` an EKS self-managed node group (DOMAIN.md A.8)? Yes when
 * it carries the `kubernetes.io/cluster/<name>` tag (or eksctl's cluster-name tag), or when its launch
 * template / launch configuration user data bootstraps a cluster or gives the kubelet eksctl's
 * cluster-name and nodegroup-name labels. Also finds its launch source and the group's name: an
 * eksctl nodegroup-name tag, else those user data labels, else `AutoScalingGroupName`.
 */
import { asObject, own, type JsonObject } from '../../core/guards.js';
import type { PathSegment } from '../../load/document.js';
import type { Stack } from './stack.js';
import type { ResourceDecl } from './template.js';
import { readUserData, userDataText, type UserDataFacts } from './user-data.js';
import { concat, field, itemsOf, lit, placeholder, render, textOf, type CfnValue } from './values.js';

export interface LaunchSource {
  readonly decl: ResourceDecl;
  /** `LaunchTemplateData` of a launch template, the properties of a launch configuration. */
  readonly data: JsonObject;
  readonly dataPath: readonly PathSegment[];
}

export interface SelfManaged {
  readonly cluster?: CfnValue;
  readonly name?: string;
  readonly launch?: LaunchSource;
  readonly userData: UserDataFacts;
}

const CLUSTER_TAG = 'kubernetes.io/cluster/';
const NAME_TAGS = ['alpha.eksctl.io/nodegroup-name', 'eksctl.io/v1alpha2/nodegroup-name'];
const CLUSTER_NAME_TAGS = ['alpha.eksctl.io/cluster-name', 'eks:cluster-name'];
const NAME_LABEL = 'alpha.eksctl.io/nodegroup-name';
const CLUSTER_LABEL = 'alpha.eksctl.io/cluster-name';

/**
 * eksctl's own name for the group (J13(a)): the `alpha.eksctl.io/cluster-name` and
 * `alpha.eksctl.io/nodegroup-name` kubelet labels of its user data, both literal (labels holding a
 * shell variable or an unresolved template part are not read at all, see `readUserData`).
 */
function eksctlLabels(userData: UserDataFacts): { readonly cluster: string; readonly name: string } | undefined {
  const labels = userData.labels ?? {};
  const cluster = own(labels, CLUSTER_LABEL);
  const name = own(labels, NAME_LABEL);
  return cluster && name ? { cluster, name } : undefined;
}

/** The cluster named by a `kubernetes.io/cluster/<name>` tag key (the name may be unresolved). */
function clusterFromTagKey(key: CfnValue | undefined): CfnValue | undefined {
  const text = textOf(key);
  if (text !== undefined) return text.startsWith(CLUSTER_TAG) ? lit(text.slice(CLUSTER_TAG.length)) : undefined;
  if (key?.kind !== 'template') return undefined;
  const [head, ...rest] = key.parts;
  if (typeof head !== 'string' || !head.startsWith(CLUSTER_TAG)) return undefined;
  const remainder = head.slice(CLUSTER_TAG.length);
  return concat(remainder ? [remainder, ...rest] : rest);
}

function launchSource(stack: Stack, decl: ResourceDecl): LaunchSource | undefined {
  const id = decl.logicalId;
  const spec = stack.prop(id, 'LaunchTemplate') ?? field(field(stack.prop(id, 'MixedInstancesPolicy'), 'LaunchTemplate'), 'LaunchTemplateSpecification');
  const ref = field(spec, 'LaunchTemplateId') ?? field(spec, 'LaunchTemplateName');
  const lc = stack.prop(id, 'LaunchConfigurationName');
  const target = ref ?? lc;
  if (!target) return undefined;
  let source: ResourceDecl | undefined;
  if (target.kind === 'resource' && target.stack === stack.key) {
    source = stack.resources.get(target.logicalId);
  } else {
    // `LaunchTemplateName: ${AWS::StackName}` on both sides (eksctl): the same expression names the same template.
    const wanted = render(target);
    source = [...stack.resources.values()].find((r) => r.type === 'AWS::EC2::LaunchTemplate' && render(stack.prop(r.logicalId, 'LaunchTemplateName') ?? placeholder('')) === wanted);
  }
  if (!source) return undefined;
  if (source.type === 'AWS::EC2::LaunchTemplate') {
    const data = asObject(source.properties['LaunchTemplateData']) ?? {};
    return { decl: source, data, dataPath: [...source.path, 'Properties', 'LaunchTemplateData'] };
  }
  if (source.type === 'AWS::AutoScaling::LaunchConfiguration') return { decl: source, data: source.properties, dataPath: [...source.path, 'Properties'] };
  return undefined;
}

export function detectSelfManaged(stack: Stack, decl: ResourceDecl): SelfManaged | undefined {
  let cluster: CfnValue | undefined;
  let name: string | undefined;
  for (const tag of itemsOf(stack.prop(decl.logicalId, 'Tags'))) {
    const key = field(tag, 'Key');
    const keyText = textOf(key);
    cluster ??= clusterFromTagKey(key);
    if (keyText !== undefined && CLUSTER_NAME_TAGS.includes(keyText)) cluster ??= field(tag, 'Value');
    if (keyText !== undefined && NAME_TAGS.includes(keyText)) name ??= textOf(field(tag, 'Value'));
  }
  const launch = launchSource(stack, decl);
  const text = launch ? userDataText(stack, launch.data['UserData'], [...launch.dataPath, 'UserData']) : undefined;
  const userData = text === undefined ? {} : readUserData(text);
  if (cluster === undefined && userData.cluster !== undefined) {
    const token = userData.cluster;
    cluster = token.startsWith('${') && token.endsWith('}') ? placeholder(token.slice(2, -1)) : lit(token);
  }
  const labelled = eksctlLabels(userData);
  if (cluster === undefined && labelled) cluster = lit(labelled.cluster);
  if (cluster === undefined) return undefined;
  // The nodes carry these labels, so J11 finds the group under this name (unless the cluster differs).
  const clusterText = textOf(cluster);
  if (labelled && (clusterText === undefined || clusterText === labelled.cluster)) name ??= labelled.name;
  name ??= stack.text(decl.logicalId, 'AutoScalingGroupName');
  const base: SelfManaged = { cluster, userData };
  return { ...base, ...(name === undefined ? {} : { name }), ...(launch ? { launch } : {}) };
}
